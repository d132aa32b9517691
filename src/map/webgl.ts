/** Can this browser draw WebGL? Checked before loading MapLibre, so a locked-down browser gets the SVG map. */
export function supportsWebgl(): boolean {
  try {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
    // Give the test context back at once: browsers cap live contexts per page.
    gl?.getExtension("WEBGL_lose_context")?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
}
