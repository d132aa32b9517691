/** Formatting for readers: dates and numbers in plain English, deterministic (no locale from the machine). Pure. */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-02-04" → "4 Feb 2026"; "2025-05" → "May 2025"; "2025" → "2025". */
export function formatDate(iso: string | null): string {
  if (!iso) return "date not published";
  const [year, month, day] = iso.split("-");
  const name = month ? MONTHS[Number(month) - 1] : undefined;
  if (day && name) return `${Number(day)} ${name} ${year}`;
  if (name) return `${name} ${year}`;
  return year ?? iso;
}

/** 0.4495 → "45%"; small shares keep one decimal ("0.4%"). */
export function formatShare(share: number | null): string {
  if (share === null) return "n/a";
  const percent = share * 100;
  if (percent > 0 && percent < 1) return `${percent.toFixed(1)}%`;
  return `${Math.round(percent)}%`;
}

/** 91700 → "91,700"; keeps published decimals (196.143 → "196.143"). */
export function formatNumber(value: number): string {
  const [whole = "0", fraction] = String(Math.abs(value)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 ? "−" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** The one table of confidence words: "High" in a table cell, "High confidence" in a sentence. */
export const CONFIDENCE_LEVELS = { high: "High", medium: "Medium", low: "Low" } as const;
export const CONFIDENCE_LABELS = {
  high: `${CONFIDENCE_LEVELS.high} confidence`,
  medium: `${CONFIDENCE_LEVELS.medium} confidence`,
  low: `${CONFIDENCE_LEVELS.low} confidence`,
} as const;
