// @vitest-environment happy-dom

import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { type MethodologyModel, methodologyModel } from "../../../src/model/methodology.ts";
import { downloadLinks, renderMethodology } from "../../../src/ui/sources.ts";
import { publishedDataset } from "../published.ts";

const dataset = publishedDataset();
const model = methodologyModel(dataset);

let el: HTMLElement;
beforeEach(() => {
  document.body.replaceChildren();
  el = document.createElement("aside");
  el.hidden = true;
  document.body.append(el);
});

describe("downloadLinks", () => {
  it("lists the three CSVs of the built site relative to the base", () => {
    expect(downloadLinks("./")).toEqual([
      { label: "Agreements (CSV)", href: "./data/agreements.csv", filename: "agreements.csv" },
      { label: "Forum memberships (CSV)", href: "./data/memberships.csv", filename: "memberships.csv" },
      {
        label: "Mineral production, refining and reserves (CSV)",
        href: "./data/minerals.csv",
        filename: "minerals.csv",
      },
    ]);
    expect(downloadLinks("/graphics/minerals").map((d) => d.href)).toEqual([
      "/graphics/minerals/data/agreements.csv",
      "/graphics/minerals/data/memberships.csv",
      "/graphics/minerals/data/minerals.csv",
    ]);
    expect(downloadLinks("")[0]?.href).toBe("data/agreements.csv");
  });

  it("points at files the data build writes", () => {
    for (const link of downloadLinks("public/")) expect(() => readFileSync(link.href)).not.toThrow();
  });
});

describe("renderMethodology: where the mineral tables are", () => {
  const early = methodologyModel({ ...dataset, mineralTables: null }, true);

  it("says they failed, why, and its Try again keeps the focus in the panel", () => {
    const onRetryTables = vi.fn();
    const failed = { state: "failed" as const, error: "The map's data could not be loaded (minerals.json: HTTP 500)." };
    renderMethodology(el, early, { onClose: () => {}, onRetryTables }, downloadLinks("./"), failed);
    const notice = el.querySelector(".methodology-tables[role=alert]");
    expect(notice?.textContent).toBe(
      "The mineral data could not be shown. The map's data could not be loaded (minerals.json: HTTP 500). The counts below leave them out. Try again",
    );
    const retry = notice?.querySelector("button");
    retry?.focus();
    retry?.click();
    expect(onRetryTables).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(el);
    expect(el.getAttribute("tabindex")).toBe("-1");
  });

  it("says they are loading; once they are in, a line in its place says so; opened with them in, nothing", () => {
    renderMethodology(el, model, { onClose: () => {} }, downloadLinks("./"), { state: "loading" });
    expect(el.querySelector(".methodology-tables[role=status]")?.textContent).toBe("Loading the mineral data…");
    // Arrived while open: the line stays (the content below keeps its place), saying they are in.
    renderMethodology(el, model, { onClose: () => {} }, downloadLinks("./"), { state: "ready" });
    const line = el.querySelector(".methodology-tables[role=status]");
    expect(line?.textContent).toBe("Mineral data loaded.");
    expect(line?.previousElementSibling?.className).toBe("methodology-asof");
    // Closed and opened again (or opened once they are in): no line.
    renderMethodology(el, null, { onClose: () => {} });
    renderMethodology(el, model, { onClose: () => {} }, downloadLinks("./"), { state: "ready" });
    expect(el.querySelector(".methodology-tables")).toBeNull();
  });
});

describe("renderMethodology", () => {
  it("shows the panel with a heading, the as-of date and every section", () => {
    renderMethodology(el, model, { onClose: () => {} });
    expect(el.hidden).toBe(false);
    expect(el.querySelector("h2#methodology-title")?.textContent).toBe("Sources and methodology");
    const time = el.querySelector("time");
    expect(time?.getAttribute("datetime")).toBe("2026-05-26");
    expect(time?.textContent).toBe("26 May 2026");
    const headings = [...el.querySelectorAll("h3")].map((h) => h.textContent);
    for (const s of model.sections) expect(headings).toContain(s.title);
    expect(headings).toContain("Download the data");
    expect(headings).toContain("Sources (105)");
    expect(el.querySelectorAll("dl.methodology-terms dt").length).toBeGreaterThan(10);
    expect(el.textContent).toMatch(/The 17 countries that concluded negotiations are not named/);
  });

  it("lists every source once with a safe external link, a copy badge naming the original, and its licence", () => {
    renderMethodology(el, model, { onClose: () => {} });
    const items = [...el.querySelectorAll(".methodology-sources > li")];
    expect(items).toHaveLength(dataset.sources.length);
    for (const item of items) {
      const link = item.querySelector("a");
      expect(link?.getAttribute("target")).toBe("_blank");
      expect(link?.getAttribute("rel")).toBe("noopener noreferrer");
    }
    const iea = el.querySelector('[data-source="iea-cmd-2025"]');
    expect(iea?.querySelector("a")?.getAttribute("href")).toBe(
      dataset.sources.find((s) => s.id === "iea-cmd-2025")?.url,
    );
    expect(iea?.querySelector(".badge")?.textContent).toBe("copy");
    expect(iea?.querySelector(".badge")?.getAttribute("title")).toMatch(/^IEA Critical Minerals Dataset/);
    expect(iea?.textContent).toMatch(/International Energy Agency, May 2025\. CC BY 4\.0\./);
    expect(iea?.textContent).toMatch(/Cited by 6 records\./);
    expect(iea?.querySelector(".methodology-original")?.textContent).toMatch(/^Original: IEA Critical/);
    const usgs = el.querySelector('[data-source="usgs-mcs2026"]');
    expect(usgs?.querySelector(".badge")).toBeNull();
    expect(el.querySelectorAll(".methodology-sources .badge")).toHaveLength(
      dataset.sources.filter((s) => s.isMirror).length,
    );
  });

  it("renders the downloads as links with a download name", () => {
    renderMethodology(el, model, { onClose: () => {} }, downloadLinks("./"));
    const links = [...el.querySelectorAll(".methodology-downloads a")];
    expect(links.map((a) => [a.getAttribute("href"), a.getAttribute("download")])).toEqual([
      ["./data/agreements.csv", "agreements.csv"],
      ["./data/memberships.csv", "memberships.csv"],
      ["./data/minerals.csv", "minerals.csv"],
    ]);
  });

  it("closes through its button, and hides when given no model", () => {
    const onClose = vi.fn();
    renderMethodology(el, model, { onClose });
    const close = el.querySelector<HTMLButtonElement>(".methodology-close");
    expect(close?.getAttribute("aria-label")).toBe("Close sources and methodology");
    close?.click();
    expect(onClose).toHaveBeenCalledTimes(1);
    renderMethodology(el, null, { onClose });
    expect(el.hidden).toBe(true);
    expect(el.childElementCount).toBe(0);
  });

  it("is idempotent", () => {
    renderMethodology(el, model, { onClose: () => {} });
    const first = el.innerHTML;
    renderMethodology(el, model, { onClose: () => {} });
    expect(el.innerHTML).toBe(first);
  });

  it("puts data in as text, never as HTML", () => {
    const hostile: MethodologyModel = {
      asOf: "2026-05-26",
      sections: [{ title: "<b>Title</b>", paragraphs: ["<b>para</b>"], definitions: [["<i>term</i>", "<u>def</u>"]] }],
      sources: [
        {
          id: "x",
          publisher: "<b>Publisher</b>",
          title: "<script>alert(1)</script>",
          date: "undated",
          url: "https://example.org/",
          isMirror: true,
          original: "<b>Original</b>",
          licence: "<em>licence</em>",
          usedBy: 1,
        },
      ],
    };
    renderMethodology(el, hostile, { onClose: () => {} });
    expect(el.querySelector("b, i, u, em, script")).toBeNull();
    expect(el.querySelector("h3")?.textContent).toBe("<b>Title</b>");
    expect(el.querySelector(".methodology-sources a")?.textContent).toBe("<script>alert(1)</script>");
    expect(el.querySelector(".methodology-original")?.textContent).toBe("Original: <b>Original</b>");
    expect(el.textContent).toMatch(/Cited by 1 record\./);
  });
});
