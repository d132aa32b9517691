/**
 * Colour maths for checking the palettes: WCAG contrast, colour-vision-deficiency simulation and the
 * CIEDE2000 colour difference. Pure; used by the tests that guard src/model/palette.ts.
 *
 * Sources:
 * - sRGB transfer function and the sRGB → CIE XYZ (D65) matrix: IEC 61966-2-1:1999, as restated at
 *   http://www.brucelindbloom.com/index.html?Eqn_RGB_XYZ_Matrix.html
 * - Relative luminance and contrast ratio: WCAG 2.2, definitions of "relative luminance" and
 *   "contrast ratio", https://www.w3.org/TR/WCAG22/#dfn-relative-luminance
 * - Colour-vision deficiency: G. M. Machado, M. M. Oliveira, L. A. F. Fernandes, "A Physiologically-based
 *   Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6):1291–1298, 2009; matrices for
 *   severity 1.0 from the authors' table, https://www.inf.ufrgs.br/~oliveira/pubs_files/CVD_Simulation/CVD_Simulation.html.
 *   They act on linear RGB (the model is built on LMS responses to linear light).
 * - CIELAB: CIE 15:2004, with the D65 white of the sRGB matrix so #ffffff is exactly L* 100, a* = b* = 0.
 * - CIEDE2000: G. Sharma, W. Wu, E. N. Dalal, "The CIEDE2000 Color-Difference Formula: Implementation
 *   Notes, Supplementary Test Data, and Mathematical Observations", Color Research & Application
 *   30(1):21–30, 2005 (equations 1–22; kL = kC = kH = 1).
 */

/** Linear-light or gamma-encoded RGB, each channel in [0, 1]. */
export type Rgb = readonly [number, number, number];
export type Lab = readonly [number, number, number];
export type Deficiency = "protanopia" | "deuteranopia" | "tritanopia";

const map3 = (v: Rgb, f: (c: number, i: number) => number): Rgb => [f(v[0], 0), f(v[1], 1), f(v[2], 2)];
const clip = (c: number): number => Math.min(1, Math.max(0, c));

/** "#rrggbb" or "#rgb" → gamma-encoded sRGB in [0, 1]. */
export function parseHex(hex: string): Rgb {
  const body = hex.trim().replace(/^#/, "");
  const full = body.length === 3 ? [...body].map((c) => c + c).join("") : body;
  if (!/^[0-9a-fA-F]{6}$/.test(full)) throw new Error(`not a hex colour: ${hex}`);
  const n = Number.parseInt(full, 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

/** Gamma-encoded sRGB in [0, 1] → "#rrggbb". */
export function toHex(rgb: Rgb): string {
  const byte = (c: number) =>
    Math.round(clip(c) * 255)
      .toString(16)
      .padStart(2, "0");
  return `#${byte(rgb[0])}${byte(rgb[1])}${byte(rgb[2])}`;
}

/** sRGB decoding, one channel (IEC 61966-2-1). */
export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** sRGB encoding, one channel (IEC 61966-2-1). */
export function linearToSrgb(c: number): number {
  return c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055;
}

const toLinear = (rgb: Rgb): Rgb => map3(rgb, srgbToLinear);
const toGamma = (rgb: Rgb): Rgb => map3(rgb, linearToSrgb);

/** WCAG 2.2 relative luminance of a colour (0 black, 1 white). */
export function relativeLuminance(colour: string | Rgb): number {
  const [r, g, b] = toLinear(typeof colour === "string" ? parseHex(colour) : colour);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.2 contrast ratio, from 1 to 21, symmetric. */
export function contrastRatio(a: string | Rgb, b: string | Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `top` at opacity `alpha` over an opaque `bottom`, blended as browsers do (in gamma-encoded sRGB). */
export function composite(top: Rgb, alpha: number, bottom: Rgb): Rgb {
  return map3(top, (c, i) => c * alpha + (bottom[i] ?? 0) * (1 - alpha));
}

type Matrix = readonly [Rgb, Rgb, Rgb];

/** Machado, Oliveira & Fernandes (2009), severity 1.0, for linear RGB. */
export const MACHADO_2009: Record<Deficiency, Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function multiply(m: Matrix, v: Rgb): Rgb {
  return [
    m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
    m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
    m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
  ];
}

/**
 * How a colour looks with a deficiency: the Machado matrix applied in linear RGB, clipped to the
 * gamut, re-encoded to sRGB. `null` is normal vision (the colour unchanged).
 */
export function simulate(colour: string | Rgb, deficiency: Deficiency | null): Rgb {
  const rgb = typeof colour === "string" ? parseHex(colour) : colour;
  if (deficiency === null) return rgb;
  const out = multiply(MACHADO_2009[deficiency], toLinear(rgb));
  return toGamma(map3(out, clip));
}

/** sRGB (linear) → CIE XYZ, D65 (IEC 61966-2-1). */
const SRGB_TO_XYZ: Matrix = [
  [0.4124564, 0.3575761, 0.1804375],
  [0.2126729, 0.7151522, 0.072175],
  [0.0193339, 0.119192, 0.9503041],
];
/** The D65 white of that matrix (its row sums), so sRGB white is L* 100, a* = b* = 0. */
const WHITE = multiply(SRGB_TO_XYZ, [1, 1, 1]);

/** Gamma-encoded sRGB → CIELAB (D65). */
export function toLab(colour: string | Rgb): Lab {
  const rgb = typeof colour === "string" ? parseHex(colour) : colour;
  const xyz = multiply(SRGB_TO_XYZ, toLinear(rgb));
  const epsilon = 216 / 24389;
  const kappa = 24389 / 27;
  const f = (t: number) => (t > epsilon ? Math.cbrt(t) : (kappa * t + 16) / 116);
  const fx = f(xyz[0] / WHITE[0]);
  const fy = f(xyz[1] / WHITE[1]);
  const fz = f(xyz[2] / WHITE[2]);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const DEG = Math.PI / 180;

/** CIEDE2000 colour difference ΔE00 between two CIELAB colours (Sharma, Wu & Dalal 2005). */
export function deltaE2000(lab1: Lab, lab2: Lab): number {
  const [L1, a1, b1] = lab1;
  const [L2, a2, b2] = lab2;
  // (2)–(6): a* is stretched by G so neutral colours get the right chroma.
  const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)));
  const a1p = (1 + g) * a1;
  const a2p = (1 + g) * a2;
  const c1p = Math.hypot(a1p, b1);
  const c2p = Math.hypot(a2p, b2);
  const hueOf = (b: number, ap: number) => {
    if (b === 0 && ap === 0) return 0;
    const h = Math.atan2(b, ap) / DEG;
    return h < 0 ? h + 360 : h;
  };
  const h1p = hueOf(b1, a1p);
  const h2p = hueOf(b2, a2p);
  // (8)–(10)
  const dLp = L2 - L1;
  const dCp = c2p - c1p;
  let dhp = 0;
  if (c1p * c2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin((dhp / 2) * DEG);
  // (12)–(22)
  const lBarP = (L1 + L2) / 2;
  const cBarP = (c1p + c2p) / 2;
  let hBarP = h1p + h2p;
  if (c1p * c2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hBarP = (h1p + h2p) / 2;
    else if (h1p + h2p < 360) hBarP = (h1p + h2p + 360) / 2;
    else hBarP = (h1p + h2p - 360) / 2;
  }
  const t =
    1 -
    0.17 * Math.cos((hBarP - 30) * DEG) +
    0.24 * Math.cos(2 * hBarP * DEG) +
    0.32 * Math.cos((3 * hBarP + 6) * DEG) -
    0.2 * Math.cos((4 * hBarP - 63) * DEG);
  const dTheta = 30 * Math.exp(-(((hBarP - 275) / 25) ** 2));
  const rC = 2 * Math.sqrt(cBarP ** 7 / (cBarP ** 7 + 25 ** 7));
  const sL = 1 + (0.015 * (lBarP - 50) ** 2) / Math.sqrt(20 + (lBarP - 50) ** 2);
  const sC = 1 + 0.045 * cBarP;
  const sH = 1 + 0.015 * cBarP * t;
  const rT = -Math.sin(2 * dTheta * DEG) * rC;
  const l = dLp / sL;
  const c = dCp / sC;
  const h = dHp / sH;
  return Math.sqrt(l * l + c * c + h * h + rT * c * h);
}

/** ΔE00 between two colours as seen with `deficiency` (null: normal vision). */
export function perceivedDifference(a: string, b: string, deficiency: Deficiency | null = null): number {
  return deltaE2000(toLab(simulate(a, deficiency)), toLab(simulate(b, deficiency)));
}
