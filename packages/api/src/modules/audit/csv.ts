/**
 * CSV for spreadsheet users (RFC 4180: comma separated, CRLF line ends, fields quoted when they
 * hold a comma, quote or line break, quotes doubled). A cell that a spreadsheet would run as a
 * formula (starting with = + - @, or a tab / carriage return) is prefixed with a single quote, so
 * an attacker-controlled value such as a user agent cannot become a formula (OWASP CSV injection).
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',');
}

/** A header line followed by one line per row, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((r) => `${csvRow(r)}\r\n`).join('');
}
