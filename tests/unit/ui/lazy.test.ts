// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  chunk,
  drawWhenLoaded,
  onClickWith,
  PREFETCH_AFTER,
  prefetchWhenIdle,
  retryAddress,
} from "../../../src/ui/lazy.ts";

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

describe("retryAddress", () => {
  it("asks again at the address the browser's error names, with the attempt added", () => {
    // Chromium's and Firefox's words.
    const chromium = new TypeError(
      "Failed to fetch dynamically imported module: https://example.org/map/assets/sources-z3e4qn5Y.js",
    );
    expect(retryAddress(chromium, 1)).toBe("https://example.org/map/assets/sources-z3e4qn5Y.js?retry=1");
    const firefox = new TypeError("error loading dynamically imported module: http://127.0.0.1:4173/assets/table-X.js");
    expect(retryAddress(firefox, 2)).toBe("http://127.0.0.1:4173/assets/table-X.js?retry=2");
    // A retry that failed names the retry's address: the next one replaces the count.
    const again = new TypeError(
      "Failed to fetch dynamically imported module: https://example.org/a/share-1.js?retry=1",
    );
    expect(retryAddress(again, 2)).toBe("https://example.org/a/share-1.js?retry=2");
  });

  it("gives nothing where the error names no module (WebKit's words; not an error at all)", () => {
    expect(retryAddress(new TypeError("Importing a module script failed."), 1)).toBeNull();
    expect(retryAddress("offline", 1)).toBeNull();
    expect(retryAddress(new Error("see https://example.org/help for more"), 1)).toBeNull();
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

  it("a surface named by its heading (aria-labelledby) has that heading while loading and after a failure", async () => {
    const { importer, last: settle } = controlled<string>();
    const el = document.createElement("aside");
    el.setAttribute("aria-labelledby", "things-title");
    document.body.append(el);
    const name = () => document.getElementById(el.getAttribute("aria-labelledby") ?? "");
    drawWhenLoaded(el, chunk(importer), "the things", () => undefined, "Things");
    expect(name()?.tagName).toBe("H2");
    expect(name()?.textContent).toBe("Things");
    expect(el.contains(name())).toBe(true);
    settle().reject(new Error("500"));
    await flush();
    expect(el.textContent).toContain("Could not load the things.");
    expect(name()?.textContent).toBe("Things");
    // Try again: loading again, still named.
    el.querySelector("button")?.click();
    expect(el.textContent).toContain("Loading the things…");
    expect(name()?.textContent).toBe("Things");
  });

  it("without a title, the status line is what aria-labelledby points at", async () => {
    const { importer, last } = controlled<string>();
    const el = document.createElement("aside");
    el.setAttribute("aria-labelledby", "things-title");
    document.body.append(el);
    drawWhenLoaded(el, chunk(importer), "the things", () => undefined);
    expect(document.getElementById("things-title")?.textContent).toBe("Loading the things…");
    last().reject(new Error("500"));
    await flush();
    expect(document.getElementById("things-title")?.textContent).toContain("Could not load the things.");
  });
});

describe("prefetchWhenIdle", () => {
  it("prefetches a while after ready, at idle, what is shown or has no trigger; never with Save-Data", () => {
    vi.useFakeTimers();
    const idle = vi.fn((f: () => void) => f());
    vi.stubGlobal("requestIdleCallback", idle);
    const shown = document.createElement("button");
    document.body.append(shown);
    const hidden = document.createElement("button");
    document.body.append(hidden);
    // Laid out or not (happy-dom lays nothing out): what a hidden element's client rects say.
    shown.getClientRects = () => [new DOMRect(0, 0, 10, 10)] as unknown as DOMRectList;
    hidden.getClientRects = () => [] as unknown as DOMRectList;
    const [always, visible, invisible] = [vi.fn(), vi.fn(), vi.fn()];
    prefetchWhenIdle([
      [null, { prefetch: always }],
      [shown, { prefetch: visible }],
      [hidden, { prefetch: invisible }],
    ]);
    vi.advanceTimersByTime(PREFETCH_AFTER - 1);
    expect(always).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(idle).toHaveBeenCalledTimes(1);
    expect(always).toHaveBeenCalledTimes(1);
    expect(visible).toHaveBeenCalledTimes(1);
    expect(invisible).not.toHaveBeenCalled();

    vi.stubGlobal("navigator", { ...navigator, connection: { saveData: true } });
    const saving = vi.fn();
    prefetchWhenIdle([[null, { prefetch: saving }]]);
    vi.advanceTimersByTime(PREFETCH_AFTER * 10);
    expect(saving).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
});
