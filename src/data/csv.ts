/** A parsed CSV record: its fields by header name and the 1-based line it started on. */
export interface CsvRecord {
  line: number;
  fields: Record<string, string>;
}

/** A problem found in a data file, precise enough to fix it without searching. */
export interface DataIssue {
  file: string;
  line: number;
  field: string;
  reason: string;
}

export class DataError extends Error {
  readonly issues: readonly DataIssue[];
  constructor(issues: readonly DataIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "DataError";
    this.issues = issues;
  }
}

/** "data/agreements.csv:12: date_signed: not a valid date (2026-02-30)" */
export function formatIssue(issue: DataIssue): string {
  return `${issue.file}:${issue.line}: ${issue.field}: ${issue.reason}`;
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, LF or CRLF) into records keyed by the header.
 * Stricter than RFC 4180 where a slip would otherwise pass silently: a quote inside an unquoted
 * field, text after a closing quote, a line break inside a field (in practice an unbalanced quote),
 * control characters (NUL, tab…) and U+FFFD (what invalid UTF-8 decodes to) are errors, and so is a
 * file with a header and no records. Throws one DataError naming file, line, field and cause of
 * every problem.
 */
export function parseCsv(text: string, file: string, expectedHeader?: readonly string[]): CsvRecord[] {
  const { rows, problems } = splitRows(text);
  const header = rows[0];
  if (!header || (header.cells.length === 1 && header.cells[0] === "")) {
    throw new DataError([{ file, line: 1, field: "(header)", reason: "file is empty" }]);
  }
  const fieldName = (column: number): string => header.cells[column] ?? `(column ${column + 1})`;
  const issues: DataIssue[] = problems.map((p) => ({
    file,
    line: p.line,
    field: p.line === header.line ? "(header)" : fieldName(p.column),
    reason: p.reason,
  }));
  const badLines = new Set(problems.map((p) => p.line));
  for (const row of rows) {
    row.cells.forEach((cell, column) => {
      const reason = textProblem(cell);
      if (reason) issues.push({ file, line: row.line, field: row === header ? "(header)" : fieldName(column), reason });
    });
  }
  if (expectedHeader && header.cells.join(",") !== expectedHeader.join(",")) {
    issues.push({
      file,
      line: 1,
      field: "(header)",
      reason: `expected columns "${expectedHeader.join(",")}", found "${header.cells.join(",")}"`,
    });
    throw new DataError(issues);
  }
  const records: CsvRecord[] = [];
  for (const row of rows.slice(1)) {
    if (row.cells.length === 1 && row.cells[0] === "") continue; // blank line
    if (badLines.has(row.line)) continue; // its cause is reported; a field count would only mislead
    if (row.cells.length !== header.cells.length) {
      issues.push({
        file,
        line: row.line,
        field: "(row)",
        reason: `expected ${header.cells.length} fields, found ${row.cells.length}`,
      });
      continue;
    }
    const fields: Record<string, string> = {};
    header.cells.forEach((name, i) => {
      fields[name] = row.cells[i] ?? "";
    });
    records.push({ line: row.line, fields });
  }
  if (issues.length === 0 && records.length === 0 && !rows.slice(1).some((row) => badLines.has(row.line))) {
    issues.push({
      file,
      line: header.line,
      field: "(header)",
      reason: "no records: the file has a header and nothing else",
    });
  }
  if (issues.length > 0) throw new DataError(issues.sort((a, b) => a.line - b.line));
  return records;
}

/** Characters that never belong in a data file's text, named so the contributor can find them. */
function textProblem(cell: string): string | null {
  if (cell.includes("\uFFFD")) {
    return "invalid UTF-8 (bytes decoded as the replacement character U+FFFD): save the file as UTF-8";
  }
  let code = -1;
  for (let i = 0; i < cell.length && code < 0; i++) {
    const c = cell.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) code = c;
  }
  if (code < 0) return null;
  const name = code === 0 ? " (NUL)" : code === 9 ? " (tab)" : "";
  return `control character U+${code.toString(16).toUpperCase().padStart(4, "0")}${name} in the text`;
}

interface RawRow {
  line: number;
  cells: string[];
}

/** A syntax problem at one cell (0-based column) of the row starting on `line`. */
interface CellProblem {
  line: number;
  column: number;
  reason: string;
}

/**
 * Splits CSV text into rows of cells. On a syntax problem it records the cause and resynchronises at
 * the end of the line, so one slip gives one message, not a cascade of wrong field counts.
 */
function splitRows(text: string): { rows: RawRow[]; problems: CellProblem[] } {
  const rows: RawRow[] = [];
  const problems: CellProblem[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let quoted = false;
  let flagged = false; // this cell already has a problem recorded
  const problem = (reason: string) => {
    if (!flagged) problems.push({ line, column: cells.length, reason });
    flagged = true;
  };
  const endCell = () => {
    cells.push(cell);
    cell = "";
    flagged = false;
  };
  const endRow = () => {
    endCell();
    rows.push({ line, cells });
    cells = [];
    line++;
  };
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
          continue;
        }
        quoted = false;
        const next = src[i + 1];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
          const junk = src.slice(i + 1).split(/[,\r\n]/, 1)[0] ?? "";
          problem(`text after the closing quote ("${junk}"): quote the whole field, doubling any quote inside`);
        }
      } else if (ch === "\n" || ch === "\r") {
        // Our files keep every record on one line, so this is an opening quote with no partner.
        problem("a quoted field runs past the end of the line: a closing quote is missing (unbalanced quotes)");
        quoted = false;
        if (ch === "\r" && src[i + 1] === "\n") i++;
        endRow();
      } else cell += ch;
      continue;
    }
    if (ch === '"') {
      if (cell === "") quoted = true;
      else {
        problem('a quote inside an unquoted field: quote the whole field and double the quote ("a""b")');
        cell += ch;
      }
    } else if (ch === ",") endCell();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      endRow();
    } else cell += ch;
  }
  if (quoted) problem("unterminated quoted field (file truncated?)");
  if (cell !== "" || cells.length > 0 || quoted) {
    cells.push(cell);
    rows.push({ line, cells });
  }
  return { rows, problems };
}

/** Serialises rows as RFC 4180 CSV with a header line and a trailing newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean)[])[]): string {
  const quote = (value: string | number | boolean): string => {
    const s = String(value);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[header, ...rows].map((row) => row.map(quote).join(",")).join("\n")}\n`;
}
