import { addMonths, daysBetween, type IsoDate } from '../deadlines/calendar.ts';
import { threeMonthMark } from './care-indicators.ts';
import type { ChildSex, FavourableDecisionRow } from './inputs.ts';
import { contains, type Period } from './periods.ts';

/**
 * The quarterly report to IVO and to the municipal auditors of favourable decisions not carried
 * out within three months (34 kap. 1 § SoL), with the later date of execution (34 kap. 2 §), and
 * the council's statistics (34 kap. 3 §). Rows are as of the quarter's last day.
 */

export type IvoRowKind =
  /** Three months passed, still not carried out at the end of the quarter (1 § första stycket). */
  | 'notCarriedOut'
  /** Interrupted, and not resumed within three months (1 § andra stycket). */
  | 'notResumed'
  /** Carried out in the quarter, after the three months (2 §: the date is reported). */
  | 'carriedOut'
  /** Resumed in the quarter, after the three months. */
  | 'resumed'
  /** Stopped applying in the quarter without being carried out (declined, moved away …). */
  | 'ended';

export interface IvoDecision extends FavourableDecisionRow {
  sex: ChildSex;
  birthYear: number | null;
}

export interface IvoRow {
  decisionId: string;
  kind: IvoRowKind;
  decidedOn: IsoDate;
  interventionKind: string;
  interruptedOn: IsoDate | null;
  /** The day of execution (or resumption, or ending) when the row reports one. */
  eventOn: IsoDate | null;
  /** "Kortfattat ange skälen för fördröjningen"; required for the rows still waiting. */
  delayReason: string | null;
  /** Days from the decision (or the interruption) to the event, or to the quarter's end. */
  daysWaited: number;
  sex: ChildSex;
  birthYear: number | null;
  /** Whether the decision was in the previous submission: a 2 § report follows a 1 § report. */
  previouslyReported: boolean;
}

/** The rows of a quarter's report, ordered by decision date. */
export function ivoQuarterRows(
  decisions: readonly IvoDecision[],
  quarter: Period,
  previouslyReported: ReadonlySet<string>,
): IvoRow[] {
  const end = quarter.to;
  const by = (day: IsoDate | null, limit: IsoDate) => day !== null && day <= limit;
  const rows: IvoRow[] = [];
  for (const d of decisions) {
    if (!d.reportable) continue;
    const row = (kind: IvoRowKind, from: IsoDate, eventOn: IsoDate | null): IvoRow => ({
      decisionId: d.id,
      kind,
      decidedOn: d.decidedOn,
      interventionKind: d.interventionKind,
      interruptedOn: d.interruptedOn,
      eventOn,
      delayReason: d.delayReason,
      daysWaited: daysBetween(from, eventOn ?? end),
      sex: d.sex,
      birthYear: d.birthYear,
      previouslyReported: previouslyReported.has(d.id),
    });
    const mark = threeMonthMark(d.decidedOn);
    const late = mark < end && !by(d.carriedOutOn, mark) && !by(d.endedOn, mark);
    if (late) {
      if (contains(quarter, d.carriedOutOn)) rows.push(row('carriedOut', d.decidedOn, d.carriedOutOn));
      else if (contains(quarter, d.endedOn) && !by(d.carriedOutOn, end))
        rows.push(row('ended', d.decidedOn, d.endedOn));
      else if (!by(d.carriedOutOn, end) && !by(d.endedOn, end))
        rows.push(row('notCarriedOut', d.decidedOn, null));
    }
    if (d.interruptedOn && by(d.carriedOutOn, d.interruptedOn)) {
      const again = threeMonthMark(d.interruptedOn);
      if (again < end && !by(d.resumedOn, again) && !by(d.endedOn, again)) {
        if (contains(quarter, d.resumedOn)) rows.push(row('resumed', d.interruptedOn, d.resumedOn));
        else if (contains(quarter, d.endedOn) && !by(d.resumedOn, end))
          rows.push(row('ended', d.interruptedOn, d.endedOn));
        else if (!by(d.resumedOn, end) && !by(d.endedOn, end))
          rows.push(row('notResumed', d.interruptedOn, null));
      }
    }
  }
  return rows.sort(
    (a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.decisionId.localeCompare(b.decisionId),
  );
}

/** A row still waiting must say why (34 kap. 1 §); the report cannot be sent without it. */
export function rowsMissingReason(rows: readonly IvoRow[]): IvoRow[] {
  return rows.filter(
    (r) => (r.kind === 'notCarriedOut' || r.kind === 'notResumed') && !r.delayReason?.trim(),
  );
}

export const waitingBands = ['3to6Months', '6to9Months', '9to12Months', 'over12Months'] as const;
export type WaitingBand = (typeof waitingBands)[number];

/** How long a decision has waited at the end of the quarter, in the council report's bands. */
export function waitingBand(from: IsoDate, end: IsoDate): WaitingBand {
  if (end <= addMonths(from, 6)) return '3to6Months';
  if (end <= addMonths(from, 9)) return '6to9Months';
  if (end <= addMonths(from, 12)) return '9to12Months';
  return 'over12Months';
}

/**
 * The council's statistics (34 kap. 3 §): how many decisions were not carried out (or not resumed)
 * at the end of the quarter, by kind of intervention and time waited. No person in it; small
 * counts are suppressed like any figure for the public (./suppression.ts, tableProblem).
 */
export function councilStatistics(rows: readonly IvoRow[], quarter: Period) {
  const waiting = rows.filter((r) => r.kind === 'notCarriedOut' || r.kind === 'notResumed');
  const kinds = [...new Set(waiting.map((r) => r.interventionKind))].sort((a, b) => a.localeCompare(b, 'sv'));
  const table = (kind: 'notCarriedOut' | 'notResumed') =>
    kinds.map((k) =>
      waitingBands.map(
        (band) =>
          waiting.filter(
            (r) =>
              r.kind === kind &&
              r.interventionKind === k &&
              waitingBand(kind === 'notResumed' ? r.interruptedOn! : r.decidedOn, quarter.to) === band,
          ).length,
      ),
    );
  return {
    interventionKinds: kinds,
    bands: waitingBands,
    notCarriedOut: table('notCarriedOut'),
    notResumed: table('notResumed'),
  };
}
