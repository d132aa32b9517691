/** The keyboard-shortcuts popover, built from the same table the key handler reads. */

import { h, setChildren } from "../dom.ts";
import { BUILT_IN_KEYS, SHORTCUTS } from "../model/shortcuts.ts";

export interface Help {
  toggle(open?: boolean): void;
  isOpen(): boolean;
}

export function mountHelp(button: HTMLElement, el: HTMLElement): Help {
  const row = (label: string, description: string) => [h("dt", {}, h("kbd", {}, label)), h("dd", {}, description)];
  const close = h("button", { type: "button", class: "help-close", "aria-label": "Close shortcuts" }, "×");
  setChildren(
    el,
    h("header", { class: "panel-header" }, h("h2", { id: "help-title" }, "Keyboard shortcuts"), close),
    h(
      "dl",
      { class: "shortcuts" },
      ...SHORTCUTS.flatMap((s) => row(s.label, s.description)),
      ...BUILT_IN_KEYS.flatMap((k) => row(k.label, k.description)),
    ),
  );
  const toggle = (open = el.hidden) => {
    el.hidden = !open;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) close.focus();
    else button.focus();
  };
  button.setAttribute("aria-controls", el.id);
  button.setAttribute("aria-expanded", "false");
  button.addEventListener("click", () => toggle());
  close.addEventListener("click", () => toggle(false));
  return { toggle, isOpen: () => !el.hidden };
}
