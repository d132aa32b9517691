import { describe, expect, it, vi } from "vitest";
import { mineralTables } from "../../../src/data/later.ts";
import type { Loaded } from "../../../src/data/load.ts";
import type { MineralTable } from "../../../src/types.ts";
import { publishedDataset } from "../published.ts";

const { mineralTables: published, ...core } = publishedDataset();
const ok = (): Loaded<MineralTable[]> => ({ ok: true, value: published });
const failed = (): Loaded<MineralTable[]> => ({
  ok: false,
  error: "The map's data could not be loaded (minerals.json: HTTP 500).",
});

describe("the mineral tables on demand", () => {
  it("fetches once, however often asked, and the dataset then gains them (a new object)", async () => {
    const load = vi.fn(() => async () => ok());
    const tables = mineralTables(core, undefined, load);
    const changes: string[] = [];
    tables.onChange(() => changes.push(tables.status().state));
    const before = tables.dataset();
    expect(before.mineralTables).toBeNull();
    expect(tables.status()).toEqual({ state: "waiting" });
    await Promise.all([tables.request(), tables.request()]);
    await tables.request();
    expect(load).toHaveBeenCalledTimes(1);
    expect(tables.status()).toEqual({ state: "ready" });
    expect(tables.dataset()).not.toBe(before);
    expect(tables.dataset().mineralTables).toBe(published);
    expect(tables.dataset().places).toBe(core.places);
    await Promise.resolve();
    // Told of each change (loading, then ready), after the caller's turn: never inside a dispatch.
    expect(changes).toHaveLength(2);
    expect(changes.at(-1)).toBe("ready");
  });

  it("uses a fetch already under way (a minerals address starts it beside the dataset's)", async () => {
    const load = vi.fn(() => async () => ok());
    const tables = mineralTables(core, async () => ok(), load);
    await tables.request();
    expect(load).not.toHaveBeenCalled();
    expect(tables.status().state).toBe("ready");
  });

  it("after a failure, tries again only when the reader asks (retry), not on every change", async () => {
    let attempt = 0;
    const load = vi.fn(() => async () => (++attempt === 1 ? failed() : ok()));
    const tables = mineralTables(core, undefined, load);
    await tables.request();
    expect(tables.status()).toEqual({
      state: "failed",
      error: "The map's data could not be loaded (minerals.json: HTTP 500).",
    });
    expect(tables.dataset().mineralTables).toBeNull();
    await tables.request();
    expect(load).toHaveBeenCalledTimes(1);
    await tables.retry();
    expect(load).toHaveBeenCalledTimes(2);
    expect(tables.status().state).toBe("ready");
  });

  it("want: fetches when waiting, tries again after a failure, and once in, asks nothing more", async () => {
    let attempt = 0;
    const load = vi.fn(() => async () => (++attempt === 1 ? failed() : ok()));
    const tables = mineralTables(core, undefined, load);
    await tables.want();
    expect(tables.status().state).toBe("failed");
    await tables.want();
    expect(load).toHaveBeenCalledTimes(2);
    expect(tables.status().state).toBe("ready");
    await tables.want();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
