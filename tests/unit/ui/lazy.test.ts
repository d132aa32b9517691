// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from "vitest";
import { chunk, drawWhenLoaded, onClickWith } from "../../../src/ui/lazy.ts";

/** An import the test settles by hand. */
function controlled<M>() {
  const calls: { resolve: (m: M) => void; reject: (e: unknown) => void }[] = [];
  const importer = vi.fn(
    () =>
      new Promise<M>((resolve, reject) => {
        calls.push({ resolve, reject });
      }),
  );
  return { importer, calls, last: () => calls[calls.length - 1] as (typeof calls)[number] };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  document.body.replaceChildren();
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

describe("chunk", () => {
  it("imports once, however often it is asked, and holds the module once in", async () => {
    const { importer, last } = controlled<{ n: number }>();
    const code = chunk(importer);
    expect(code.module).toBeNull();
    const a = code.load();
    code.prefetch();
    const b = code.load();
    expect(importer).toHaveBeenCalledTimes(1);
    last().resolve({ n: 1 });
    expect(await a).toEqual({ n: 1 });
    expect(await b).toBe(await a);
    expect(code.module).toEqual({ n: 1 });
    await code.load();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it("imports afresh after a failure (a prefetch's failure is left unreported)", async () => {
    const { importer, last } = controlled<string>();
    const code = chunk(importer);
    code.prefetch();
    last().reject(new Error("offline"));
    await flush();
    expect(code.module).toBeNull();
    const again = code.load();
    expect(importer).toHaveBeenCalledTimes(2);
    last().resolve("in");
    expect(await again).toBe("in");
  });
});

describe("onClickWith", () => {
  it("a click before the chunk is in runs once it arrives, the button busy meanwhile; later clicks run at once", async () => {
    const { importer, last } = controlled<string>();
    const button = document.createElement("button");
    document.body.append(button);
    const used: string[] = [];
    onClickWith(button, chunk(importer), "the thing", (m) => used.push(m));
    button.click();
    button.click(); // a second click while it loads: still one action
    expect(button.getAttribute("aria-busy")).toBe("true");
    expect(used).toEqual([]);
    last().resolve("m");
    await flush();
    expect(used).toEqual(["m"]);
    expect(button.hasAttribute("aria-busy")).toBe(false);
    button.click();
    expect(used).toEqual(["m", "m"]);
  });

  it("prefetches when the pointer comes over the button or it takes the focus", () => {
    const { importer } = controlled<string>();
    const button = document.createElement("button");
    document.body.append(button);
    onClickWith(button, chunk(importer), "the thing", () => undefined);
    button.dispatchEvent(new Event("pointerenter"));
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it("a failure says so beside the button, once, and Try again loads and runs it", async () => {
    const { importer, last } = controlled<string>();
    const button = document.createElement("button");
    document.body.append(button);
    const used: string[] = [];
    onClickWith(button, chunk(importer), "the share dialog", (m) => used.push(m));
    button.click();
    last().reject(new Error("500"));
    await flush();
    button.click();
    last().reject(new Error("500"));
    await flush();
    const alerts = document.querySelectorAll("[role=alert]");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.textContent).toContain("Could not load the share dialog.");
    expect(button.nextElementSibling).toBe(alerts[0]);
    alerts[0]?.querySelector("button")?.click();
    last().resolve("m");
    await flush();
    expect(used).toEqual(["m"]);
    expect(document.querySelectorAll("[role=alert]")).toHaveLength(0);
  });
});

describe("drawWhenLoaded", () => {
  it("shows loading, draws once the code is in, and offers Try again after a failure", async () => {
    const { importer, last } = controlled<string>();
    const code = chunk(importer);
    const el = document.createElement("section");
    const redraw = vi.fn();
    drawWhenLoaded(el, code, "the table", redraw);
    drawWhenLoaded(el, code, "the table", redraw); // a render while it loads changes nothing
    expect(el.textContent).toBe("Loading the table…");
    expect(el.getAttribute("aria-busy")).toBe("true");
    last().reject(new Error("500"));
    await flush();
    expect(el.textContent).toContain("Could not load the table.");
    expect(el.hasAttribute("aria-busy")).toBe(false);
    expect(redraw).not.toHaveBeenCalled();
    el.querySelector("button")?.click();
    expect(el.textContent).toBe("Loading the table…");
    last().resolve("in");
    await flush();
    expect(redraw).toHaveBeenCalledTimes(1);
    expect(importer).toHaveBeenCalledTimes(2);
  });
});
