/**
 * CSV for Swedish spreadsheets: semicolon-separated (Excel with Swedish settings reads the comma as
 * the decimal sign), CRLF line ends, a UTF-8 byte order mark so å, ä and ö survive, and every cell
 * that a spreadsheet would run as a formula made inert (docs/decisions/0074). Move to src/platform/
 * when a second feature exports CSV.
 */

const formulaStart = /^[=+\-@\t\r]/;

/** A cell a spreadsheet shows as text: a leading formula character gets an apostrophe before it. */
export function neutralise(cell: string): string {
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

function quoted(cell: string): string {
  const safe = neutralise(cell);
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(quoted).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
