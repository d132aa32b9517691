/**
 * paintShapes (src/map/svg.ts): the poster's canvas gets the same shapes, colours, widths and dashes
 * as the SVG it stands for, in document order. A recording stand-in for the 2D context and Path2D.
 */

import { readFileSync } from "node:fs";
import { Window } from "happy-dom";
import { afterAll, describe, expect, it, vi } from "vitest";
import { posterDrawing } from "../../../src/map/frame.ts";
import { mapElements, mountSvgMap, paintShapes, sameDrawing } from "../../../src/map/svg.ts";
import { mapViewBuilder } from "../../../src/present/map.ts";
import { finish } from "../../../src/slices.ts";
import { dataset, mapInputsFor, sceneFor } from "../present/fixture.ts";

class RecordedPath {
  calls: unknown[][] = [];
  readonly d: string | undefined;
  constructor(d?: string) {
    this.d = d;
  }
  rect(...args: number[]) {
    this.calls.push(["rect", ...args]);
  }
  arc(...args: number[]) {
    this.calls.push(["arc", ...args]);
  }
}
vi.stubGlobal("Path2D", RecordedPath);
const window = new Window();
afterAll(async () => {
  await window.happyDOM.close();
  vi.unstubAllGlobals();
});

function recordingContext() {
  const log: unknown[][] = [];
  const state: Record<string, unknown> = {};
  const context = {
    set fillStyle(v: string) {
      state.fill = v;
    },
    set strokeStyle(v: string) {
      state.stroke = v;
    },
    set lineWidth(v: number) {
      state.width = v;
    },
    set lineCap(v: string) {
      state.cap = v;
    },
    setLineDash(dash: number[]) {
      state.dash = dash;
    },
    fill(path: RecordedPath) {
      log.push(["fill", state.fill, path.d ?? path.calls]);
    },
    stroke(path: RecordedPath) {
      log.push(["stroke", state.stroke, state.width, state.cap, state.dash, path.d ?? path.calls]);
    },
  };
  return { context: context as unknown as CanvasRenderingContext2D, log };
}

describe("paintShapes", () => {
  it("fills and strokes each rect, path and circle in order, with its width, cap and dashes", () => {
    const document = window.document;
    const root = document.createElement("div");
    root.innerHTML = `<svg>
      <rect width="300" height="150" fill="#ddeeff"></rect>
      <g class="countries"><path d="M0,0L10,0L10,10Z" fill="#123456" stroke="#999999" stroke-width="0.5"></path></g>
      <g class="uncertain"><path d="M1,1L2,2" fill="none" stroke="#222222" stroke-width="1.4" stroke-dasharray="4 3"></path></g>
      <g class="arcs"><path d="M5,5L50,50" fill="none" stroke="rgba(1,2,3,0.784)" stroke-width="4" stroke-linecap="round"></path></g>
      <circle cx="20" cy="30" r="4.5" fill="rgba(9,9,9,1.000)" stroke="#ffffff" stroke-width="1.2"></circle>
    </svg>`;
    const { context, log } = recordingContext();
    paintShapes(context, root as unknown as Element);
    expect(log).toEqual([
      ["fill", "#ddeeff", [["rect", 0, 0, 300, 150]]],
      ["fill", "#123456", "M0,0L10,0L10,10Z"],
      ["stroke", "#999999", 0.5, "butt", [], "M0,0L10,0L10,10Z"],
      ["stroke", "#222222", 1.4, "butt", [4, 3], "M1,1L2,2"],
      ["stroke", "rgba(1,2,3,0.784)", 4, "round", [], "M5,5L50,50"],
      ["fill", "rgba(9,9,9,1.000)", [["arc", 20, 30, 4.5, 0, 2 * Math.PI]]],
      ["stroke", "#ffffff", 1.2, "butt", [], [["arc", 20, 30, 4.5, 0, 2 * Math.PI]]],
    ]);
  });
});

describe("sameDrawing: a hover redraws only the highlighted outlines and arcs", () => {
  const build = mapViewBuilder(dataset.places);
  const scene = sceneFor({ view: "pacts", arcs: true });
  const still = build(mapInputsFor(scene));

  it("holds when only the hovered country or arc changed", () => {
    const country = build(mapInputsFor(scene, { hovered: { kind: "country", iso3: "AUS" } }));
    expect(country.highlight).toContain("AUS");
    expect(sameDrawing(still, country)).toBe(true);
    const arc = scene.arcs[0];
    if (!arc) throw new Error("the pacts view draws arcs");
    const arcHover = build(mapInputsFor(scene, { hovered: { kind: "arc", id: arc.id, iso3: arc.iso3 } }));
    expect(arcHover.arcs.some((a) => a.highlighted)).toBe(true);
    expect(sameDrawing(still, arcHover)).toBe(true);
  });

  it("fails when the colours, the theme or the view change", () => {
    const key = [...scene.choropleth.countries.values()][0]?.key ?? null;
    expect(sameDrawing(still, build(mapInputsFor(scene, { legendFilter: key })))).toBe(false);
    expect(
      sameDrawing(still, build(mapInputsFor(sceneFor({ view: "pacts", arcs: true }, "dark"), { theme: "dark" }))),
    ).toBe(false);
    expect(sameDrawing(still, build(mapInputsFor(sceneFor({ view: "forums" }), { view: "forums" })))).toBe(false);
  });
});

describe("mapElements", () => {
  it("draws the arcs to a tenth of a pixel, as the outlines (shorter paths, drawn again on every hover)", () => {
    vi.stubGlobal("document", window.document);
    const view = mapViewBuilder(dataset.places)(mapInputsFor(sceneFor({ view: "pacts", arcs: true })));
    const size = { width: 640, height: 360 };
    const world = JSON.parse(readFileSync("public/data/world.json", "utf8"));
    const arcs = mapElements(view, finish(posterDrawing(world)(size.width, size.height)), size)
      .flatMap((el) => [...el.querySelectorAll("path[data-arc]")])
      .map((el) => el.getAttribute("d") ?? "");
    expect(arcs.length).toBe(view.arcs.length);
    expect(arcs.every((d) => /^M[\d.,LM-]+$/.test(d))).toBe(true);
    expect(arcs.join("").match(/\d+\.\d{2,}/)).toBeNull();
  });
});

describe("mountSvgMap, sliced: the first picture made in slices and shown whole", () => {
  const world = JSON.parse(readFileSync("public/data/world.json", "utf8"));
  const views = () => {
    const build = mapViewBuilder(dataset.places);
    const light = build(mapInputsFor(sceneFor({ view: "pacts", arcs: true })));
    const dark = build(mapInputsFor(sceneFor({ view: "pacts", arcs: true }, "dark"), { theme: "dark" }));
    return { light, dark };
  };

  function mount(sliced: boolean) {
    const first = views().light;
    vi.stubGlobal("document", window.document);
    vi.stubGlobal(
      "ResizeObserver",
      class {
        observe() {}
        disconnect() {}
      },
    );
    vi.stubGlobal("requestAnimationFrame", (callback: () => void) => setTimeout(callback, 0));
    const container = window.document.createElement("div") as unknown as HTMLElement;
    let steps = 0;
    const drawing = posterDrawing(world);
    /** The real drawing, counting the points at which it may pause. */
    const counted = function* (width: number, height: number) {
      const job = drawing(width, height);
      for (;;) {
        const step = job.next();
        if (step.done) return step.value;
        steps++;
        yield;
      }
    };
    let ready = 0;
    const map = mountSvgMap(container, first, counted, { label: "World map", sliced, onReady: () => ready++ });
    const paths = () => container.querySelectorAll("g.countries path").length;
    const fillOf = (iso3: string) =>
      container.querySelector(`g.countries path[data-iso3="${iso3}"]`)?.getAttribute("fill");
    return { map, paths, fillOf, steps: () => steps, ready: () => ready };
  }
  const settled = async (done: () => boolean) => {
    for (let i = 0; i < 200 && !done(); i++) await new Promise((resume) => setTimeout(resume, 5));
  };

  it("draws nothing in the task that mounts it, then every country at once, then says it is ready", async () => {
    const svg = mount(true);
    expect(svg.paths()).toBe(0);
    expect(svg.ready()).toBe(0);
    await settled(() => svg.ready() > 0);
    expect(svg.paths()).toBe(236);
    expect(svg.steps()).toBeGreaterThan(200); // a chance to pause at least once per country
    expect(svg.ready()).toBe(1);
  });

  it("shows a view that came while its picture was being made", async () => {
    const { light, dark } = views();
    const svg = mount(true);
    svg.map.update(dark);
    await settled(() => svg.ready() > 0);
    const iso3 = [...dark.colours.keys()].find((c) => dark.colours.get(c) !== light.colours.get(c));
    if (!iso3) throw new Error("the dark theme changes some colour");
    expect(svg.fillOf(iso3)).toBe(dark.colours.get(iso3));
    expect(svg.fillOf("ATA")).toBe(dark.colours.get("ATA") ?? dark.land);
  });

  it("without slices, draws in the task that mounts it", () => {
    const svg = mount(false);
    expect(svg.paths()).toBe(236);
  });
});
