/**
 * Downloads of the current view: an SVG drawn by the d3 renderer (Equal Earth) with the title,
 * legend, date and source credit, and the same as a PNG at 2× resolution. Works offline: the image
 * is made in the page, from a data: URL (allowed by our CSP), and saved through a blob link. This
 * module loads on the first click of a download button (src/ui/lazy.ts).
 */
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { s } from "../dom.ts";
import { MARKS } from "../map/marks.ts";
import { equalEarth, projectedDrawing } from "../map/projected.ts";
import { mapElements } from "../map/svg.ts";
import type { MapView } from "../map/view.ts";
import type { Index, Scene } from "../model/derive.ts";
import { BASE_PALETTE } from "../model/palette.ts";
import { type ExportText, exportName, exportTextOf } from "../present/export.ts";
import type { AppState } from "../state/state.ts";
import type { LiveDataset } from "../types.ts";

export const EXPORT_WIDTH = 1200;
const MAP_HEIGHT = 585;
const MARGIN = 24;

/** Splits text into lines of at most `max` characters, at spaces. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A standalone SVG image of the view. */
export function exportSvg(
  view: MapView,
  countries: FeatureCollection<Polygon | MultiPolygon, { iso3: string }>,
  text: ExportText,
): SVGSVGElement {
  const palette = BASE_PALETTE[view.theme];
  const font = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
  const textAttrs = (size: number, weight = 400) => ({
    "font-family": font,
    "font-size": size,
    "font-weight": weight,
    fill: palette.text,
  });
  const summary = wrap(text.summary, 150);
  let y = MARGIN + 22;
  const header: SVGElement[] = [s("text", { x: MARGIN, y, ...textAttrs(24, 700) }, text.title)];
  y += 8;
  for (const line of summary) {
    y += 19;
    header.push(s("text", { x: MARGIN, y, ...textAttrs(14) }, line));
  }
  const mapTop = y + 14;
  const drawing = projectedDrawing(countries, equalEarth(EXPORT_WIDTH, MAP_HEIGHT));
  const map = s(
    "g",
    { transform: `translate(0 ${mapTop})` },
    ...mapElements(view, drawing, { width: EXPORT_WIDTH, height: MAP_HEIGHT }, "globe"),
  );
  y = mapTop + MAP_HEIGHT + 28;
  const legend: SVGElement[] = [s("text", { x: MARGIN, y, ...textAttrs(15, 700) }, text.legendTitle)];
  const columns = 3;
  const columnWidth = (EXPORT_WIDTH - 2 * MARGIN) / columns;
  text.categories.forEach((category, i) => {
    const x = MARGIN + (i % columns) * columnWidth;
    const rowY = y + 12 + Math.floor(i / columns) * 24;
    legend.push(
      s("rect", { x, y: rowY, width: 16, height: 12, rx: 2, fill: category.colour, stroke: palette.border }),
      s("text", { x: x + 24, y: rowY + 11, ...textAttrs(13) }, `${category.label} (${category.count})`),
    );
  });
  y += 12 + Math.ceil(text.categories.length / columns) * 24 + 8;
  for (const note of text.notes) {
    for (const line of wrap(note, 170)) {
      y += 17;
      legend.push(s("text", { x: MARGIN, y, ...textAttrs(12) }, line));
    }
  }
  y += 8;
  for (const line of wrap(text.credit, 170)) {
    y += 17;
    legend.push(s("text", { x: MARGIN, y, ...textAttrs(12) }, line));
  }
  const height = Math.ceil(y + MARGIN);
  return s(
    "svg",
    { xmlns: "http://www.w3.org/2000/svg", width: EXPORT_WIDTH, height, viewBox: `0 0 ${EXPORT_WIDTH} ${height}` },
    s("rect", { width: EXPORT_WIDTH, height, fill: MARKS.paper.colour[view.theme] }),
    ...header,
    map,
    ...legend,
  );
}

export function svgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

/** Draws the SVG onto a canvas at `scale`× and returns a PNG. */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height"));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(svg))}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw the image.");
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed."))), "image/png"),
  );
}

/** Saves a blob under a file name through a temporary link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What a download draws: the view shown now. */
export interface ViewImage {
  dataset: LiveDataset;
  index: Index;
  scene: Scene;
  state: AppState;
  /** The map's view, without the hover's highlight. */
  view: MapView;
  countries: FeatureCollection<Polygon | MultiPolygon, { iso3: string }>;
}

/** Saves the view shown now as an SVG, or as a PNG at 2×. */
export function download(format: "svg" | "png", image: ViewImage): void {
  const text = exportTextOf(image.dataset, image.index, image.scene, image.state.view);
  const svg = exportSvg(image.view, image.countries, text);
  const name = exportName(image.scene, image.state);
  if (format === "svg") {
    saveBlob(new Blob([svgText(svg)], { type: "image/svg+xml" }), `${name}.svg`);
    return;
  }
  svgToPng(svg, 2)
    .then((png) => saveBlob(png, `${name}.png`))
    .catch((error: unknown) => console.error(error));
}
