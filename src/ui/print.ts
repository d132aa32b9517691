/**
 * The line paper needs and a screen does not: the address of the page, printed under the credit
 * (print.css shows it on paper only). The address changes as the reader explores, so it is read
 * again just before printing (beforeprint, and the print media query for print previews).
 */
import "../styles/print.css";
import { h, setChildren } from "../dom.ts";
import { fullMapUrl } from "../embed/embed.ts";

/** Appends the line at the end of `app` (after the footer's credit). */
export function mountPrintLink(app: HTMLElement, getHref: () => string): HTMLElement {
  const line = h("p", { class: "print-link" });
  const refresh = () => {
    const href = fullMapUrl(getHref());
    setChildren(line, "Interactive map: ", h("a", { href }, href));
  };
  refresh();
  window.addEventListener("beforeprint", refresh);
  window.matchMedia("print").addEventListener("change", refresh);
  app.append(line);
  return line;
}
