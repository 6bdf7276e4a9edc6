import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';

/**
 * CSV and XLSX of any table the statistics pages show. A text cell that a spreadsheet would read
 * as a formula (=, +, -, @, tab, carriage return first) is neutralised with a leading apostrophe,
 * in both formats (OWASP's advice against CSV injection); numbers are written as numbers and are
 * never touched. Suppressed counts are written as the mark the page shows. Auditing an export of
 * personal data is the route's job (docs/design/statistics.md). See docs/decisions/0091.
 */

export type ExportValue = string | number | null | { suppressed: true };

export interface ExportColumn {
  key: string;
  header: string;
  /** `share` is a fraction 0–1, shown as a percentage in XLSX. */
  kind: 'text' | 'number' | 'share';
}

export interface ExportTable {
  title: string;
  columns: readonly ExportColumn[];
  rows: readonly Readonly<Record<string, ExportValue>>[];
  /** Lines under the table: the definition, the period, the source, what ".." means. */
  notes?: readonly string[];
}

/** Characters that make a spreadsheet treat a cell as a formula when they come first. */
const formulaStart = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

export interface CsvOptions {
  separator: ';' | ',';
  decimal: ',' | '.';
  /** A byte-order mark, so Excel reads the file as UTF-8 (å, ä, ö). */
  bom: boolean;
  suppressedMark: string;
}

/** Swedish Excel reads ";" between fields and "," in numbers. */
export const swedishCsv: CsvOptions = { separator: ';', decimal: ',', bom: true, suppressedMark: '..' };
export const englishCsv: CsvOptions = { separator: ',', decimal: '.', bom: true, suppressedMark: '..' };

const isSuppressed = (v: ExportValue): v is { suppressed: true } => typeof v === 'object' && v !== null;

/** Shares to four decimals: enough for a percentage with two, no binary noise. */
const rounded = (n: number, kind: ExportColumn['kind']) =>
  kind === 'share' ? Math.round(n * 10_000) / 10_000 : n;

function csvField(text: string, separator: string): string {
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvValue(value: ExportValue | undefined, column: ExportColumn, options: CsvOptions): string {
  if (value === null || value === undefined) return '';
  if (isSuppressed(value)) return options.suppressedMark;
  if (typeof value === 'number') {
    const text = String(rounded(value, column.kind));
    return options.decimal === ',' ? text.replace('.', ',') : text;
  }
  return csvField(neutraliseFormula(value), options.separator);
}

export type Progress = (done: number, total: number) => void;

/**
 * The CSV in pieces of `chunkRows` rows, so a long export streams to the response and reports
 * its progress as it goes.
 */
export function* csvChunks(table: ExportTable, options: CsvOptions, onProgress?: Progress, chunkRows = 500) {
  const line = (cells: string[]) => `${cells.join(options.separator)}\r\n`;
  const header = table.columns.map((c) => csvField(neutraliseFormula(c.header), options.separator));
  yield (options.bom ? '\uFEFF' : '') + line(header);
  for (let i = 0; i < table.rows.length; i += chunkRows) {
    const part = table.rows.slice(i, i + chunkRows);
    yield part.map((row) => line(table.columns.map((c) => csvValue(row[c.key], c, options)))).join('');
    onProgress?.(Math.min(i + chunkRows, table.rows.length), table.rows.length);
  }
  if (table.notes?.length) {
    yield `\r\n${table.notes.map((n) => line([csvField(neutraliseFormula(n), options.separator)])).join('')}`;
  }
}

export function toCsv(table: ExportTable, options: CsvOptions): string {
  return [...csvChunks(table, options)].join('');
}

function xlsxCell(value: ExportValue | undefined, column: ExportColumn, mark: string): Cell {
  if (value === null || value === undefined) return null;
  if (isSuppressed(value)) return { value: mark, type: String, align: 'right' };
  if (typeof value === 'number') {
    return column.kind === 'share'
      ? { value: rounded(value, 'share'), type: Number, format: '0.0%' }
      : { value, type: Number };
  }
  return { value: neutraliseFormula(value), type: String };
}

/** Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string, taken: ReadonlySet<string> = new Set()): string {
  const base =
    title
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Tabell';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++)
    name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  return name;
}

/** One sheet per table: the title, the table with its header row, the notes under it. */
export async function toXlsx(
  tables: readonly ExportTable[],
  options: { suppressedMark: string; onProgress?: Progress },
): Promise<Buffer> {
  const taken = new Set<string>();
  const total = tables.reduce((sum, t) => sum + t.rows.length, 0);
  let done = 0;
  const sheets = tables.map((table) => {
    const name = sheetName(table.title, taken);
    taken.add(name.toLowerCase());
    const data: SheetData = [
      [{ value: neutraliseFormula(table.title), type: String, fontWeight: 'bold' }],
      table.columns.map((c) => ({ value: neutraliseFormula(c.header), type: String, fontWeight: 'bold' })),
    ];
    for (const row of table.rows) {
      data.push(table.columns.map((c) => xlsxCell(row[c.key], c, options.suppressedMark)));
      if (++done % 500 === 0) options.onProgress?.(done, total);
    }
    for (const note of table.notes ?? []) data.push([{ value: neutraliseFormula(note), type: String }]);
    return { data, sheet: name, columns: table.columns.map((c) => ({ width: c.kind === 'text' ? 40 : 14 })) };
  });
  const buffer = await writeXlsxFile(sheets).toBuffer();
  options.onProgress?.(total, total);
  return buffer;
}
