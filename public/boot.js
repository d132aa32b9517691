/*
 * Runs before the first paint (a classic script in <head>): marks a compact embed at once, so its
 * layout is the final one from the first frame and nothing moves when the app starts. The same
 * rule as embedOptions in src/embed/embed.ts: compact when the URL says embed=1 or when framed.
 */
(() => {
  let framed = true;
  try {
    framed = window.self !== window.top;
  } catch {
    // A cross-origin parent may refuse the comparison: then we are framed.
  }
  if (framed || new URLSearchParams(window.location.search).get("embed") === "1") {
    document.documentElement.classList.add("is-embed");
  }
})();
