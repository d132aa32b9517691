import { describe, expect, it } from "vitest";
import { exportName } from "../../../src/present/export.ts";
import { embedTitle, fileStem, pageTitle, slugify, viewName } from "../../../src/present/names.ts";
import { DEFAULT_STATE } from "../../../src/state/state.ts";
import { sceneFor } from "./fixture.ts";

const forums = (forum: (typeof DEFAULT_STATE)["forum"], date: string) => ({
  scene: sceneFor({ view: "forums", forum, date }),
  state: { view: "forums" as const, forum },
});

describe("the name of a view", () => {
  it("names a minerals view by its mineral, stage and the year drawn", () => {
    const scene = sceneFor({ view: "minerals", mineral: "lithium", stage: "refining", year: 2024 });
    const state = { view: "minerals" as const, forum: DEFAULT_STATE.forum };
    expect(viewName(scene, state)).toBe("Lithium refining, 2024");
    expect(pageTitle(scene, state)).toBe("Lithium refining, 2024 — Critical Minerals Map");
    expect(fileStem(scene, state)).toBe("critical-minerals-lithium-refining-2024");
    expect(exportName(scene, state)).toBe("critical-minerals-lithium-refining-2024");
  });

  it("names the year and stage drawn, not the ones asked for", () => {
    // Graphite refining has a 2024 table only (IEA): asked for 2025, the map draws 2024.
    const scene = sceneFor({ view: "minerals", mineral: "graphite", stage: "refining", year: 2025 });
    const state = { view: "minerals" as const, forum: DEFAULT_STATE.forum };
    expect(viewName(scene, state)).toBe(`${scene.minerals?.mineral?.name} refining, ${scene.minerals?.choice?.year}`);
    expect(scene.minerals?.choice?.year).toBe(2024);
    const cobalt = sceneFor({ view: "minerals", mineral: "cobalt", stage: "mine", year: 2025 });
    expect(viewName(cobalt, state)).toBe("Cobalt mine production, 2025");
    expect(fileStem(cobalt, state)).toBe("critical-minerals-cobalt-mine-production-2025");
    const rare = sceneFor({ view: "minerals", mineral: "rare-earths", stage: "reserves", year: 2025 });
    expect(fileStem(rare, state)).toBe("critical-minerals-rare-earths-reserves-2025");
  });

  it("names a mineral without a country table by its name alone", () => {
    const scene = sceneFor({ view: "minerals", mineral: "germanium" });
    const state = { view: "minerals" as const, forum: DEFAULT_STATE.forum };
    expect(scene.minerals?.choice).toBeNull();
    expect(viewName(scene, state)).toBe("Germanium");
    expect(fileStem(scene, state)).toBe("critical-minerals-germanium");
  });

  it("names a forums view by its forum and date", () => {
    const pax = forums("pax-silica", "2026-02-20");
    expect(pageTitle(pax.scene, pax.state)).toBe("Pax Silica members, 20 Feb 2026 — Critical Minerals Map");
    expect(fileStem(pax.scene, pax.state)).toBe("critical-minerals-pax-silica-2026-02-20");
    const overlap = forums("overlap", "2026-02-20");
    expect(fileStem(overlap.scene, overlap.state)).toBe("critical-minerals-forums-overlap-2026-02-20");
    const names = new Set(
      (["forge", "msp", "pax-silica", "ministerial", "overlap"] as const).map((forum) => {
        const { scene, state } = forums(forum, "2026-02-20");
        return viewName(scene, state);
      }),
    );
    expect(names.size).toBe(5);
  });

  it("names the pacts by their date, and never a mineral outside the minerals view", () => {
    const scene = sceneFor({ view: "pacts", date: "2026-02-04", mineral: "cobalt" });
    const state = { view: "pacts" as const, forum: "pax-silica" as const };
    expect(viewName(scene, state)).toBe("Critical-minerals pacts with the US, 4 Feb 2026");
    expect(fileStem(scene, state)).toBe("critical-minerals-pacts-2026-02-04");
    expect(pageTitle(scene, state)).not.toMatch(/cobalt|pax/i);
  });

  it("titles an embed's iframe with the date or year only where the address pins it", () => {
    // The address has no date: the embed follows the latest data, and its title claims no date.
    const latest = sceneFor({ view: "pacts" });
    const pacts = { view: "pacts" as const, forum: DEFAULT_STATE.forum, date: null, year: null };
    expect(pageTitle(latest, pacts)).toMatch(/, \d{1,2} [A-Z][a-z]{2} \d{4} — /);
    expect(embedTitle(latest, pacts)).toBe("Critical-minerals pacts with the US — Critical Minerals Map");
    const pinned = sceneFor({ view: "pacts", date: "2026-02-04" });
    expect(embedTitle(pinned, { ...pacts, date: "2026-02-04" })).toBe(
      "Critical-minerals pacts with the US, 4 Feb 2026 — Critical Minerals Map",
    );
    const pax = { view: "forums" as const, forum: "pax-silica" as const, date: null, year: null };
    expect(embedTitle(sceneFor({ view: "forums", forum: "pax-silica" }), pax)).toBe(
      "Pax Silica members — Critical Minerals Map",
    );
    // A minerals view is dated by its data year, pinned by `year`; the timeline date is not its own.
    const minerals = { view: "minerals" as const, forum: DEFAULT_STATE.forum, year: null, date: "2026-02-04" };
    const lithium = sceneFor({ view: "minerals", mineral: "lithium", stage: "refining" });
    expect(embedTitle(lithium, minerals)).toBe("Lithium refining — Critical Minerals Map");
    const lithium2024 = sceneFor({ view: "minerals", mineral: "lithium", stage: "refining", year: 2024 });
    expect(embedTitle(lithium2024, { ...minerals, year: 2024 })).toBe("Lithium refining, 2024 — Critical Minerals Map");
  });

  it("slugs ASCII words only", () => {
    expect(slugify("Rare earths (REO)")).toBe("rare-earths-reo");
    expect(slugify("Côte d’Ivoire")).toBe("cote-d-ivoire");
    expect(slugify("--")).toBe("");
  });
});
