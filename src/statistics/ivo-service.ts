import type { Kysely } from 'kysely';
import type { IsoDate } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import { type ExportTable, swedishCsv, toCsv } from './export.ts';
import { reportingTexts } from './i18n/reporting.ts';
import { favourableDecisions, type IvoDecisionRow } from './ivo-queries.ts';
import { councilStatistics, type IvoRow, ivoQuarterRows, rowsMissingReason } from './ivo-report.ts';
import { type Period, parsePeriodKey, periodContaining, previousPeriod } from './periods.ts';
import {
  type SubmissionPayload,
  type SubmissionRow,
  submissionById,
  submissionsOf,
} from './submission-store.ts';
import { suppress, tableProblem } from './suppression.ts';

type Db = Kysely<Database>;

/** The quarter asked for, or the last one that has ended; null for anything but a quarter. */
export function ivoQuarter(key: string | undefined, today: IsoDate): Period | null {
  if (!key) return previousPeriod(periodContaining('quarter', today));
  const period = parsePeriodKey(key.trim());
  return period?.kind === 'quarter' ? period : null;
}

export interface IvoQuarter {
  quarter: Period;
  rows: IvoRow[];
  decisions: Map<string, IvoDecisionRow>;
  missingReasons: IvoRow[];
}

/** The decisions in the last IVO report submitted for an earlier quarter. */
async function previouslyReported(db: Db, municipalityId: string, quarter: Period): Promise<Set<string>> {
  const earlier = (await submissionsOf(db, municipalityId, 'ivo')).find((s) => s.periodKey < quarter.key);
  if (!earlier) return new Set();
  const full = await submissionById(db, municipalityId, earlier.id);
  return new Set((full?.payload.rows ?? []).map((r) => String(r.decisionId)));
}

export async function ivoQuarterOf(
  db: Db,
  municipalityId: string,
  quarter: Period,
  today: IsoDate,
): Promise<IvoQuarter> {
  const decisions = await favourableDecisions(
    db,
    municipalityId,
    { since: quarter.from, upTo: quarter.to },
    today,
  );
  const rows = ivoQuarterRows(decisions, quarter, await previouslyReported(db, municipalityId, quarter));
  return {
    quarter,
    rows,
    decisions: new Map(decisions.map((d) => [d.id, d])),
    missingReasons: rowsMissingReason(rows),
  };
}

/** A row as sent: no name, no identity number; the decision by its id, the child by sex and year. */
export function submissionRow(row: IvoRow): SubmissionRow {
  return {
    decisionId: row.decisionId,
    kind: row.kind,
    decidedOn: row.decidedOn,
    interventionKind: row.interventionKind,
    interruptedOn: row.interruptedOn,
    eventOn: row.eventOn,
    daysWaited: row.daysWaited,
    delayReason: row.delayReason,
    sex: row.sex,
    birthYear: row.birthYear,
    previouslyReported: row.previouslyReported,
  };
}

export function ivoTable(q: IvoQuarter, lang: 'sv' | 'en'): ExportTable {
  const tx = reportingTexts(lang).ivo;
  return {
    title: tx.reportTitle(q.quarter.key),
    columns: [
      { key: 'decidedOn', header: tx.decidedOn, kind: 'text' },
      { key: 'interventionKind', header: tx.intervention, kind: 'text' },
      { key: 'kind', header: tx.kind, kind: 'text' },
      { key: 'interruptedOn', header: tx.interruptedOn, kind: 'text' },
      { key: 'eventOn', header: tx.eventOn, kind: 'text' },
      { key: 'daysWaited', header: tx.daysWaited, kind: 'number' },
      { key: 'delayReason', header: tx.reason, kind: 'text' },
      { key: 'sex', header: tx.sex, kind: 'text' },
      { key: 'birthYear', header: tx.birthYear, kind: 'number' },
      { key: 'previouslyReported', header: tx.previouslyReported, kind: 'text' },
    ],
    rows: q.rows.map((r) => ({
      decidedOn: r.decidedOn,
      interventionKind: r.interventionKind,
      kind: tx.kinds[r.kind],
      interruptedOn: r.interruptedOn,
      eventOn: r.eventOn,
      daysWaited: r.daysWaited,
      delayReason: r.delayReason,
      sex: tx.sexes[r.sex] ?? r.sex,
      birthYear: r.birthYear,
      previouslyReported: r.previouslyReported ? tx.yes : tx.no,
    })),
    notes: [tx.reportFor],
  };
}

/** The report as submitted: its rows, their key, and the Swedish CSV file exactly as sent. */
export function ivoPayload(q: IvoQuarter): SubmissionPayload {
  return {
    rows: q.rows.map(submissionRow),
    key: ['decisionId', 'kind'],
    file: toCsv(ivoTable(q, 'sv'), swedishCsv),
  };
}

export interface CouncilTable {
  kinds: string[];
  /** Each cell's count, or null when hidden; the last column and row are the totals. */
  cells: (number | null)[][];
}

/** The council's statistics (34 kap. 3 §) with small counts, and what would reveal them, hidden. */
export function councilTables(q: IvoQuarter): { notCarriedOut: CouncilTable; notResumed: CouncilTable } {
  const stats = councilStatistics(q.rows, q.quarter);
  const table = (counts: number[][]): CouncilTable => {
    const kinds = stats.interventionKinds.filter((_, i) => counts[i]!.some((n) => n > 0));
    const rows = counts.filter((row) => row.some((n) => n > 0));
    if (rows.length === 0) return { kinds: [], cells: [] };
    const t = tableProblem(rows);
    const hidden = suppress(t.problem);
    const value = (key: string) => (hidden.has(key) ? null : t.problem.cells[key]!);
    const cells = rows.map((row, r) => [...row.map((_, c) => value(t.cell(r, c))), value(t.rowTotal(r))]);
    cells.push([...stats.bands.map((_, c) => value(t.columnTotal(c))), value(t.total)]);
    return { kinds, cells };
  };
  return { notCarriedOut: table(stats.notCarriedOut), notResumed: table(stats.notResumed) };
}
