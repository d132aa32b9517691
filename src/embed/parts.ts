/**
 * What an embed shows and how its frame is sized, read from its address. Pure (tested in Node).
 *
 * - `parts`: the optional parts an editor switches on, joined by "~" (`parts=timeline~chart`). By
 *   default an embed shows the map, its legend, a one-line headline and the credit.
 * - `fit=1`: the frame has a fixed height (the plain snippet): the layout compacts to the height it
 *   has instead of scrolling inside.
 * - Pym.js's own parameters (`initialWidth`, `childId`, `parentTitle`, `parentUrl`), which its
 *   parent adds to the frame's address: `childId` names the frame in Pym's height messages.
 */

export const EMBED_PARTS = ["timeline", "concentration", "chart", "notes"] as const;
export type EmbedPart = (typeof EMBED_PARTS)[number];

/** What each part is, for the share dialog and the README. */
export const PART_LABELS: Record<EmbedPart, string> = {
  timeline: "Timeline",
  concentration: "Concentration card (minerals)",
  chart: "Every-mineral chart (minerals)",
  notes: "Notes under the legend",
};

/** Parameters that url.ts accepts without a warning and leaves to this module. */
export const PYM_PARAMS = ["initialWidth", "childId", "parentTitle", "parentUrl"] as const;

export interface EmbedParams {
  parts: ReadonlySet<EmbedPart>;
  fit: boolean;
  /** Pym.js's id for this frame, when a Pym parent loaded it. */
  pymChildId: string | null;
  warnings: string[];
}

/** Pym ids are element ids of the parent page: keep them short and printable. */
const PYM_ID = /^[\w.:-]{1,100}$/;

function isPart(value: string): value is EmbedPart {
  return (EMBED_PARTS as readonly string[]).includes(value);
}

export function parseEmbedParams(search: string): EmbedParams {
  const params = new URLSearchParams(search);
  const warnings: string[] = [];
  const parts = new Set<EmbedPart>();
  const raw = params.get("parts");
  if (raw !== null && raw !== "") {
    for (const name of raw.split(/[~,]/)) {
      if (isPart(name)) parts.add(name);
      else
        warnings.push(
          `Ignoring embed part ${JSON.stringify(name.slice(0, 40))} in parts=: expected ${EMBED_PARTS.join(", ")}.`,
        );
    }
  }
  const fitValue = params.get("fit");
  if (fitValue !== null && fitValue !== "0" && fitValue !== "1") {
    warnings.push(`Ignoring URL parameter fit=${JSON.stringify(fitValue.slice(0, 40))}: expected 0 or 1.`);
  }
  const childId = params.get("childId");
  return {
    parts,
    fit: fitValue === "1",
    pymChildId: childId !== null && PYM_ID.test(childId) ? childId : null,
    warnings,
  };
}

/** The embed address with these parts and sizing (in the fixed order of EMBED_PARTS). */
export function withEmbedParams(href: string, parts: ReadonlySet<EmbedPart>, fit: boolean): string {
  const url = new URL(href);
  url.searchParams.delete("parts");
  url.searchParams.delete("fit");
  const chosen = EMBED_PARTS.filter((part) => parts.has(part));
  if (chosen.length > 0) url.searchParams.set("parts", chosen.join("~"));
  if (fit) url.searchParams.set("fit", "1");
  return url.href.replace(/%7E/gi, "~");
}

/** Classes on <html> that switch the parts on (embed.css hides every part without its class). */
export function partClasses(params: EmbedParams): string[] {
  return [...EMBED_PARTS.filter((part) => params.parts.has(part)).map((part) => `part-${part}`)].concat(
    params.fit ? ["is-fit"] : [],
  );
}

// ── Other protocols: Pym.js and AMP ─────────────────────────────────────────────────────────

/** Pym.js's height message (pym.js v1: "pym" + "xPYMx" + id + "xPYMx" + type + "xPYMx" + value). */
export function pymMessage(childId: string, type: string, value: string | number): string {
  return ["pym", childId, type, String(value)].join("xPYMx");
}

/** Reads a Pym.js message addressed to `childId`, or null. */
export function parsePymMessage(data: unknown, childId: string): { type: string; value: string } | null {
  if (typeof data !== "string") return null;
  const prefix = `pymxPYMx${childId}xPYMx`;
  if (!data.startsWith(prefix)) return null;
  const rest = data.slice(prefix.length);
  const split = rest.indexOf("xPYMx");
  if (split <= 0) return null;
  return { type: rest.slice(0, split), value: rest.slice(split + 5) };
}

/** AMP's request to resize an amp-iframe (amp-iframe resizable). */
export function ampEmbedSize(height: number): { sentinel: "amp"; type: "embed-size"; height: number } {
  return { sentinel: "amp", type: "embed-size", height: Math.ceil(height) };
}
