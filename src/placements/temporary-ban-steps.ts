import type { IsoDate } from '../deadlines/calendar.ts';
import { checkDecisionMaker } from './decisions.ts';
import type { DecisionMaker, Placement } from './model.ts';
import { type TemporaryMovingBan, temporaryBanRefusals, temporaryBanState } from './temporary-ban.ts';
import { dateRefusals, type Refusal } from './validation.ts';

/**
 * The later steps of a temporary moving ban (27–30 §§ LVU; docs/decisions/0113), one at a time as
 * the minutes and the court's decisions come: put before the administrative court (28 §), the
 * court's confirmation or not, the committee's application for a moving ban (29 §), a chair's
 * decision reported at the committee's next meeting (27 § andra stycket), and the decision that
 * the ban ends at once (30 § andra stycket). Pure: the updated ban, or the refusals as codes.
 */

export const temporaryBanSteps = [
  'submitted',
  'confirmed',
  'notConfirmed',
  'applied',
  'reported',
  'lifted',
] as const;
export type TemporaryBanStep = (typeof temporaryBanSteps)[number];

/** A ban as recorded, with what the clock does not need: the chair's report. */
export interface RecordedTemporaryBan extends TemporaryMovingBan {
  reportedOn: IsoDate | null;
}

/** Who may decide that a temporary ban ends at once: the committee, or the court (30 § andra stycket). */
export const lifters = ['committee', 'subcommittee', 'court'] as const;

export function liftRefusals(by: DecisionMaker): Refusal[] {
  if ((lifters as readonly string[]).includes(by.kind)) return [];
  return [{ code: by.kind === 'official' ? 'officialMayNotDecide' : 'chairMayNotDecide', at: 'decidedBy' }];
}

const makerRefusals = (by: DecisionMaker): Refusal[] => {
  const { refusal } = checkDecisionMaker('movingBanApplication', by);
  return refusal ? [{ code: refusal, at: 'decidedBy' }] : [];
};

/**
 * The ban with the step applied, or why not. `by` is who decided a lifting (required) or a new
 * application for a moving ban (null when the step links an application already recorded).
 */
export function applyStep(
  ban: RecordedTemporaryBan,
  step: TemporaryBanStep,
  on: IsoDate,
  placement: Placement,
  today: IsoDate,
  by: DecisionMaker | null,
): { ban: RecordedTemporaryBan; refusals: Refusal[] } {
  const dates = dateRefusals([['stepOn', on]], today);
  if (dates.length) return { ban, refusals: dates };
  const refuse = (code: Refusal['code'], at = 'step') => ({ ban, refusals: [{ code, at }] });
  if (step === 'reported') {
    // The report is owed whatever became of the ban: the committee is told of its chair's decision.
    if (ban.decidedBy.kind !== 'chair') return refuse('notChairDecision');
    if (ban.reportedOn) return refuse('stepAlreadyRecorded');
    if (on < ban.decidedOn) return refuse('temporaryBanOutOfOrder', 'stepOn');
    return { ban: { ...ban, reportedOn: on }, refusals: [] };
  }
  const byCourt = ban.decidedBy.kind === 'court';
  if (byCourt && (step === 'submitted' || step === 'confirmed' || step === 'notConfirmed'))
    return refuse('stepNotForCourtBan');
  const already =
    (step === 'submitted' && ban.submittedOn) ||
    ((step === 'confirmed' || step === 'notConfirmed') && ban.courtReview) ||
    (step === 'applied' && ban.appliedOn) ||
    (step === 'lifted' && ban.liftedOn);
  if (already) return refuse('stepAlreadyRecorded');
  // Nothing more happens to a ban that had ended by the step's day (it lapsed, or was decided).
  const ended = temporaryBanState(ban, on).ended;
  if (ended) return refuse('temporaryBanEnded', 'stepOn');
  // Who decided: the lifting (30 § andra stycket), a new application (30 kap. 7 § 11 SoL).
  const who =
    step === 'lifted'
      ? liftRefusals(by ?? { kind: 'official', name: '' })
      : step === 'applied' && by
        ? makerRefusals(by)
        : [];
  if (who.length) return { ban, refusals: who };
  const next: RecordedTemporaryBan =
    step === 'submitted'
      ? { ...ban, submittedOn: on }
      : step === 'confirmed' || step === 'notConfirmed'
        ? { ...ban, courtReview: { on, confirmed: step === 'confirmed' } }
        : step === 'applied'
          ? { ...ban, appliedOn: on }
          : { ...ban, liftedOn: on };
  const renamed = temporaryBanRefusals(next, placement, today).map((r) =>
    r.at === stepField[step] ? { ...r, at: 'stepOn' } : r,
  );
  return { ban: next, refusals: renamed };
}

/** The field of the ban each step sets, as temporaryBanRefusals names it. */
const stepField: Record<Exclude<TemporaryBanStep, 'reported'>, string> = {
  submitted: 'submittedOn',
  confirmed: 'courtReviewOn',
  notConfirmed: 'courtReviewOn',
  applied: 'appliedOn',
  lifted: 'liftedOn',
};
