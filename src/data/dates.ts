/** Calendar dates as the data write them: YYYY-MM-DD, or YYYY / YYYY-MM where a source gives only that. */
export const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const PARTIAL_DATE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

/** True for a real calendar date written YYYY, YYYY-MM or YYYY-MM-DD (as `pattern` allows). */
export function isValidDate(text: string, pattern: RegExp = FULL_DATE): boolean {
  const m = pattern.exec(text);
  if (!m) return false;
  const [, y, mo, d] = m;
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const date = new Date(Date.UTC(Number(y), month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
