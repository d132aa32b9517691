/**
 * What a person would see wrong on a page, checked inside the page with plain DOM APIs so that any
 * driver (playwright in Chromium, puppeteer in Firefox, WebDriver in WebKit) can evaluate it:
 *
 * - every visible control is hit-testable at its centre (it, a child or its label is what
 *   `elementFromPoint` returns): nothing lies on top of it;
 * - nothing makes the page scroll sideways, and no control or text sticks out of the viewport or is
 *   cut off by a box that clips it;
 * - no text is clipped without an ellipsis, and clipped text with an ellipsis has its full text at
 *   hand (a title or an accessible name);
 * - every tab stop is visible, named and reachable by pointer too;
 * - on phone widths, touch targets are at least 24×24 CSS px (WCAG 2.2 2.5.8, with its spacing and
 *   inline exceptions), and the controls a test names (`targets`) are at least the size it gives;
 * - no visible text uses symbol characters that common fonts lack (U+23xx media symbols, emoji):
 *   they render as empty boxes or colour emoji.
 *
 * `layoutProblems` must stay self-contained (no imports, no helpers outside its body): drivers send
 * its source text to the page. Use `layoutCheckExpression` to get an expression any driver can
 * evaluate (it also neutralises the `__name` helper that some TypeScript transpilers insert).
 */

/** Widths up to this are phones: touch targets are checked there. */
export const PHONE_MAX_WIDTH = 480;

/** Widths readers use, with the height of a common screen of that width. */
export const SIZES: readonly [number, number][] = [
  [320, 568],
  [360, 740],
  [390, 844],
  [414, 896],
  [768, 1024],
  [1024, 768],
  [1280, 800],
  [1366, 768],
  [1440, 900],
  [1920, 1080],
];

/** Every view of the app (query strings), reached in one page by history navigation. */
export const APP_VIEWS: readonly string[] = [
  "",
  "?country=AUS",
  "?view=forums",
  "?view=forums&forum=msp",
  "?view=forums&forum=pax-silica",
  "?view=forums&forum=ministerial",
  "?view=forums&forum=overlap",
  "?view=minerals",
  "?view=minerals&mineral=lithium&stage=mine",
  "?view=minerals&mineral=lithium&stage=refining",
  "?view=minerals&mineral=lithium&stage=reserves",
  "?view=minerals&mineral=cobalt&stage=refining",
  "?view=minerals&mineral=rare-earths&stage=mine",
  "?view=minerals&mineral=gallium&stage=refining",
  "?view=minerals&mineral=cobalt&country=COD",
  "?view=minerals&table=1",
  "?table=1",
];

/** The embed's views (the embed layout is chosen before the first paint: a page opened at the first). */
export const EMBED_VIEWS: readonly string[] = ["?embed=1", "?embed=1&view=minerals&mineral=gallium"];

export interface LayoutCheckOptions {
  /** Check touch targets (phone widths). */
  touch: boolean;
  /** Problems inside these selectors are not reported (for known, documented exceptions). */
  ignore?: string[];
  /** Controls matching `selector` are targets of at least `size`×`size` CSS px, no exception. */
  targets?: { selector: string; size: number }[];
}

/** Returns one readable line per problem; an empty list when the page looks right. */
export function layoutProblems(options: LayoutCheckOptions): string[] {
  const problems: string[] = [];
  const view = { width: document.documentElement.clientWidth, height: window.innerHeight };
  const ignored = (el: Element) => (options.ignore ?? []).some((selector) => el.closest(selector));
  const describe = (el: Element) => {
    const id = el.id ? `#${el.id}` : "";
    const cls =
      typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
    const text = (el.getAttribute("aria-label") ?? el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${id}${cls}>${text ? ` "${text}"` : ""}`;
  };
  // Styles are read once per element: the checks walk the same ancestors many times.
  const styles = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (el: Element): CSSStyleDeclaration => {
    let style = styles.get(el);
    if (!style) {
      style = getComputedStyle(el);
      styles.set(el, style);
    }
    return style;
  };
  /** Hidden by its own or an ancestor's opacity 0, or by the "visually hidden" clipping pattern. */
  const hiddenUp = new Map<Element, boolean>();
  const visuallyHidden = (el: Element | null): boolean => {
    if (!el) return false;
    const known = hiddenUp.get(el);
    if (known !== undefined) return known;
    const style = styleOf(el);
    const clipped = Boolean(
      style.clip && style.clip !== "auto" && /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(style.clip),
    );
    const hidden =
      clipped ||
      /inset\(50%\)/.test(style.clipPath) ||
      Number.parseFloat(style.opacity) === 0 ||
      visuallyHidden(el.parentElement);
    hiddenUp.set(el, hidden);
    return hidden;
  };
  // Under a modal dialog the rest of the page is inert (the browser makes it so, with no attribute):
  // only the dialog is there to use.
  let modal: Element | null = null;
  try {
    modal = document.querySelector("dialog:modal");
  } catch {
    modal = null;
  }
  const rendered = (el: Element): boolean => {
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return false;
    if (el.closest("[hidden], [inert], [aria-hidden='true']")) return false;
    if (modal && !modal.contains(el)) return false;
    if (typeof el.checkVisibility === "function") {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    } else {
      const style = styleOf(el);
      if (style.visibility !== "visible" || style.display === "none") return false;
    }
    return !visuallyHidden(el);
  };
  /** The nearest ancestor that clips its content (overflow other than visible), or null. */
  const clippingAncestor = (el: Element): { node: Element; scrolls: boolean } | null => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      const style = styleOf(node);
      if (style.overflowX !== "visible" || style.overflowY !== "visible") {
        const scrolls = /auto|scroll/.test(style.overflowX) || /auto|scroll/.test(style.overflowY);
        return { node, scrolls };
      }
    }
    return null;
  };
  const accessibleName = (el: Element): string => {
    const labelledBy = el.getAttribute("aria-labelledby");
    if (labelledBy) {
      const text = labelledBy
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ")
        .trim();
      if (text) return text;
    }
    const label = el.getAttribute("aria-label")?.trim();
    if (label) return label;
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) {
      const text = Array.from(labels)
        .map((l) => l.textContent ?? "")
        .join(" ")
        .trim();
      if (text) return text;
    }
    if (el instanceof HTMLInputElement && /^(button|submit|reset)$/.test(el.type) && el.value) return el.value;
    const inner = (el.textContent ?? "").trim();
    if (inner && !(el instanceof HTMLSelectElement) && !(el instanceof HTMLTextAreaElement)) return inner;
    const svgTitle = el.querySelector("svg title, img[alt]");
    if (svgTitle) return (svgTitle.getAttribute("alt") ?? svgTitle.textContent ?? "").trim();
    return (el.getAttribute("title") ?? (el as HTMLInputElement).placeholder ?? "").trim();
  };
  /** True when a pointer at (x, y) reaches el (or its label, or something inside it). */
  const reaches = (el: Element, x: number, y: number): boolean => {
    const hit = document.elementFromPoint(x, y);
    if (!hit) return false;
    if (hit === el || el.contains(hit)) return true;
    const labels = (el as HTMLInputElement).labels;
    if (labels && Array.from(labels).some((l) => l === hit || l.contains(hit))) return true;
    return false;
  };
  /** Brings el's centre into the viewport (and nested scroll boxes) if it is not, and returns it. */
  /** Scroll positions before the checks scrolled anything, put back at the end. */
  const scrolled = new Map<Element, [number, number]>();
  const centreOf = (el: Element): { x: number; y: number } => {
    // Scrolled into sight in the page and in every scrolling box around it, as a reader would
    // (a no-op when it is in sight already).
    for (let node = el.parentElement; node; node = node.parentElement) {
      if (!scrolled.has(node)) scrolled.set(node, [node.scrollLeft, node.scrollTop]);
    }
    el.scrollIntoView({ block: "nearest", inline: "nearest" });
    // A link wrapped over two lines has an empty middle: aim at its first line box.
    const box = el.getClientRects()[0] ?? el.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  };

  const startX = window.scrollX;
  const startY = window.scrollY;

  // 1. Sideways scroll.
  const scrollWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  if (scrollWidth > view.width + 1) {
    problems.push(`the page scrolls sideways: ${scrollWidth} px of content in a ${view.width} px viewport`);
  }

  // 2. Controls: hit-testable, inside the viewport, big enough to touch.
  const controlSelector =
    "button, select, input:not([type='hidden']), textarea, a[href], summary, [role='button'], [role='tab'], [role='checkbox'], [role='radio'], [role='switch'], [role='menuitem'], [role='option'], [role='slider']";
  const controls = Array.from(document.querySelectorAll(controlSelector)).filter(
    (el) => rendered(el) && !ignored(el) && !(el as HTMLButtonElement).disabled,
  );
  const targetBox = (el: Element): DOMRect => {
    // A checkbox or radio and the label wrapping it are one target: a tap on either toggles it.
    const box = el.getBoundingClientRect();
    const label = el.closest("label");
    if (label && el instanceof HTMLInputElement && /checkbox|radio/.test(el.type)) {
      const l = label.getBoundingClientRect();
      const left = Math.min(box.left, l.left);
      const top = Math.min(box.top, l.top);
      return new DOMRect(left, top, Math.max(box.right, l.right) - left, Math.max(box.bottom, l.bottom) - top);
    }
    return box;
  };
  for (const el of controls) {
    const { x, y } = centreOf(el);
    if (!reaches(el, x, y)) {
      const hit = document.elementFromPoint(x, y);
      problems.push(`${describe(el)} is covered at its centre by ${hit ? describe(hit) : "nothing (off screen)"}`);
    }
  }
  for (const el of controls) {
    const box = el.getBoundingClientRect();
    const clip = clippingAncestor(el);
    if (clip?.scrolls) continue; // inside a scrolling box: it can be scrolled to
    if (box.left < -1 || box.right > view.width + 1) {
      problems.push(`${describe(el)} sticks out of the viewport (x ${Math.round(box.left)}–${Math.round(box.right)})`);
    } else if (clip) {
      const c = clip.node.getBoundingClientRect();
      if (box.left < c.left - 1 || box.right > c.right + 1 || box.top < c.top - 1 || box.bottom > c.bottom + 1) {
        problems.push(`${describe(el)} is cut off by ${describe(clip.node)}`);
      }
    }
  }
  if (options.touch) {
    const boxes = controls.map((el) => ({ el, box: targetBox(el) }));
    const small = (b: DOMRect) => b.width < 23.5 || b.height < 23.5;
    for (const { el, box } of boxes) {
      if (!small(box)) continue;
      // Inline exception: a link inside a sentence.
      if (el instanceof HTMLAnchorElement) {
        const block = el.closest("p, li, td, dd");
        if (block && (block.textContent ?? "").trim().length > (el.textContent ?? "").trim().length + 10) continue;
      }
      // Spacing exception: a 24 px circle centred on it touches no other target (nor another small target's circle).
      const cx = box.left + box.width / 2;
      const cy = box.top + box.height / 2;
      const crowded = boxes.some(({ el: other, box: o }) => {
        if (other === el || other.contains(el) || el.contains(other)) return false;
        const nx = Math.max(o.left, Math.min(cx, o.right));
        const ny = Math.max(o.top, Math.min(cy, o.bottom));
        if (Math.hypot(nx - cx, ny - cy) < 12) return true;
        return small(o) && Math.hypot(o.left + o.width / 2 - cx, o.top + o.height / 2 - cy) < 24;
      });
      if (crowded) {
        problems.push(
          `${describe(el)} is a ${Math.round(box.width)}×${Math.round(box.height)} px touch target (under 24×24, too close to others)`,
        );
      }
    }
  }

  for (const { selector, size } of options.targets ?? []) {
    for (const el of controls) {
      if (!el.matches(selector)) continue;
      const box = targetBox(el);
      if (box.width < size - 0.5 || box.height < size - 0.5) {
        problems.push(
          `${describe(el)} is a ${Math.round(box.width)}×${Math.round(box.height)} px target (under ${size}×${size})`,
        );
      }
    }
  }

  // 3. Tab stops: visible, named, reachable by pointer.
  const tabStops = Array.from(document.querySelectorAll<HTMLElement>("*")).filter((el) => {
    if (el.tabIndex < 0 || ignored(el)) return false;
    if ((el as HTMLButtonElement).disabled) return false;
    if (el.closest("[inert]") || (modal && !modal.contains(el))) return false;
    if (el instanceof HTMLInputElement && el.type === "radio" && !el.checked && el.name) {
      const group = document.querySelectorAll<HTMLInputElement>(`input[type='radio'][name='${el.name}']`);
      if (Array.from(group).some((r) => r.checked)) return false; // only the checked radio is a tab stop
    }
    // A tab stop is anything the browser would focus with Tab: natively focusable or tabindex ≥ 0.
    const natively = el.matches("a[href], button, input, select, textarea, summary, iframe, [contenteditable='true']");
    if (!natively && !el.hasAttribute("tabindex")) return false;
    // Focusable at all: rendered (no display: none up the tree) and not visibility: hidden.
    if (typeof el.checkVisibility === "function") return el.checkVisibility({ visibilityProperty: true });
    const style = styleOf(el);
    return style.display !== "none" && style.visibility === "visible" && !el.closest("[hidden]");
  });
  for (const el of tabStops) {
    if (!rendered(el)) {
      problems.push(`${describe(el)} is a tab stop but not visible`);
      continue;
    }
    if (!accessibleName(el)) problems.push(`${describe(el)} is a tab stop without a name`);
    if (el.matches(controlSelector)) continue; // hit-tested above
    const { x, y } = centreOf(el);
    if (!reaches(el, x, y)) {
      const hit = document.elementFromPoint(x, y);
      problems.push(`${describe(el)} is a tab stop covered at its centre by ${hit ? describe(hit) : "nothing"}`);
    }
  }

  // 4. Text: clipped, sticking out, or in symbols common fonts lack.
  const symbols = /[\u2300-\u23FF\u2B00-\u2BFF\u{1F000}-\u{1FAFF}\u2600-\u27BF]/u;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const textHolders = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? "";
    if (!text.trim() || !node.parentElement) continue;
    const parent = node.parentElement;
    if (parent.closest("script, style, noscript, title, option") || ignored(parent)) continue;
    if (!rendered(parent)) continue;
    textHolders.add(parent);
    const symbol = text.match(symbols);
    if (symbol) {
      const code = (symbol[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
      problems.push(`${describe(parent)} shows "${symbol[0]}" (U+${code}), a symbol common fonts lack`);
    }
  }
  for (const el of textHolders) {
    const style = styleOf(el);
    const box = el.getBoundingClientRect();
    if (el.closest("svg")) continue;
    const clipsX = style.overflowX !== "visible";
    const clipsY = style.overflowY !== "visible";
    const scrollsX = /auto|scroll/.test(style.overflowX);
    const scrollsY = /auto|scroll/.test(style.overflowY);
    const fullText = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (clipsX && !scrollsX && el.scrollWidth > el.clientWidth + 1) {
      if (style.textOverflow !== "ellipsis") {
        problems.push(`${describe(el)} is clipped sideways without an ellipsis`);
      } else {
        const available = [
          el.getAttribute("title"),
          el.getAttribute("aria-label"),
          el.closest("[title]")?.getAttribute("title"),
        ];
        if (!available.some((t) => t?.replace(/\s+/g, " ").trim().includes(fullText))) {
          problems.push(`${describe(el)} is cut with an ellipsis but its full text is nowhere at hand (no title)`);
        }
      }
    }
    if (clipsY && !scrollsY && el.scrollHeight > el.clientHeight + 2 && style.webkitLineClamp === "none") {
      problems.push(`${describe(el)} is clipped at the bottom`);
    }
    const clip = clippingAncestor(el);
    if (clip?.scrolls) continue;
    if (box.left < -1 || box.right > view.width + 1) {
      problems.push(
        `${describe(el)} text sticks out of the viewport (x ${Math.round(box.left)}–${Math.round(box.right)})`,
      );
    } else if (clip && !el.closest("#map, .map")) {
      const c = clip.node.getBoundingClientRect();
      if (box.right > c.right + 1 || box.left < c.left - 1)
        problems.push(`${describe(el)} is cut off by ${describe(clip.node)}`);
    }
  }
  // A select shows its chosen option in its own box: it must fit (browsers cut it without an ellipsis).
  const measure = document.createElement("canvas").getContext("2d");
  for (const el of controls) {
    if (!(el instanceof HTMLSelectElement) || !measure) continue;
    const option = el.selectedOptions[0];
    if (!option) continue;
    const style = styleOf(el);
    measure.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const textWidth = measure.measureText(option.text).width;
    const room = el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
    if (textWidth > room + 1) problems.push(`${describe(el)} cuts its chosen option "${option.text}"`);
  }

  for (const [node, [left, top]] of scrolled) {
    node.scrollLeft = left;
    node.scrollTop = top;
  }
  window.scrollTo(startX, startY);
  return Array.from(new Set(problems));
}

/** An expression that evaluates to `layoutProblems(options)` in any page (for string-evaluating drivers). */
export function layoutCheckExpression(options: LayoutCheckOptions): string {
  return `(() => { const __name = (f) => f; return (${layoutProblems.toString()})(${JSON.stringify(options)}); })()`;
}
