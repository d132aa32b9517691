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
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, LF or CRLF) into records keyed by the
 * header. Throws a DataError naming file and line for a truncated quote or a wrong field count.
 */
export function parseCsv(text: string, file: string, expectedHeader?: readonly string[]): CsvRecord[] {
  const rows = splitRows(text, file);
  const header = rows[0];
  if (!header || (header.cells.length === 1 && header.cells[0] === "")) {
    throw new DataError([{ file, line: 1, field: "(header)", reason: "file is empty" }]);
  }
  if (expectedHeader && header.cells.join(",") !== expectedHeader.join(",")) {
    throw new DataError([
      {
        file,
        line: 1,
        field: "(header)",
        reason: `expected columns "${expectedHeader.join(",")}", found "${header.cells.join(",")}"`,
      },
    ]);
  }
  const records: CsvRecord[] = [];
  const issues: DataIssue[] = [];
  for (const row of rows.slice(1)) {
    if (row.cells.length === 1 && row.cells[0] === "") continue; // blank line
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
  if (issues.length > 0) throw new DataError(issues);
  return records;
}

interface RawRow {
  line: number;
  cells: string[];
}

function splitRows(text: string, file: string): RawRow[] {
  const rows: RawRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 1;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
      quoteLine = line;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = "";
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) {
    throw new DataError([
      { file, line: quoteLine, field: "(row)", reason: "unterminated quoted field (file truncated?)" },
    ]);
  }
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

/** Serialises rows as RFC 4180 CSV with a header line and a trailing newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean)[])[]): string {
  const quote = (value: string | number | boolean): string => {
    const s = String(value);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[header, ...rows].map((row) => row.map(quote).join(",")).join("\n")}\n`;
}
