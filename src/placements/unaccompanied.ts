import { addMonths, type IsoDate } from '../deadlines/calendar.ts';
import { ageOn } from '../people/domain.ts';
import { type Duty, dutyFrom } from './duty.ts';
import { birthday } from './model.ts';
import { dateRefusals, type Refusal } from './validation.ts';

/**
 * Unaccompanied minors (ensamkommande barn): the appointed guardian (god man) the chief guardian
 * appoints, the residence permit that makes the committee apply for a specially appointed custodian
 * (lag (2005:429) om god man för ensamkommande barn 10 §, to which SoF (2025:468) 11 kap. 1 § tredje
 * stycket points), and what the municipality tracks without a legal deadline: the health
 * examination, school and the plan for turning 18 (docs/decisions/0073).
 */

export interface AppointedGuardian {
  name: string;
  /** The chief guardian (överförmyndaren) who appointed the god man. */
  appointedBy: string;
  appointedOn: IsoDate;
  /** How to reach the god man: telephone or e-mail. */
  contact: string;
}

export const notAppliedReasons = ['turns18Soon', 'parentsArriving', 'other'] as const;
export type NotAppliedReason = (typeof notAppliedReasons)[number];

export interface UnaccompaniedRecord {
  childId: string;
  birthDate: IsoDate;
  arrivedOn: IsoDate;
  /** The Migration Agency's assignment of the child to the municipality (anvisning). */
  assignedOn: IsoDate | null;
  appointedGuardian: AppointedGuardian | null;
  residencePermitOn: IsoDate | null;
  specialCustodian: {
    appliedOn: IsoDate | null;
    /** Special reasons not to apply, recorded instead (the child turns 18 soon, the parents are coming). */
    notAppliedReason: NotAppliedReason | null;
    notAppliedText?: string | null;
    appointedOn: IsoDate | null;
  };
  healthExaminationDoneOn: IsoDate | null;
  schoolStartedOn: IsoDate | null;
  /** The plan for the transition at 18 (housing, support, the god man's assignment ending). */
  transitionPlannedOn: IsoDate | null;
}

/** The municipality's own setting: how long before 18 the transition is to be planned (default six months). */
export const defaultTransitionPlanMonths = 6;

export type UnaccompaniedTask =
  | { task: 'appointedGuardianMissing'; since: IsoDate }
  | { task: 'specialCustodianApplication'; duty: Duty }
  | { task: 'specialCustodianPending'; since: IsoDate }
  | { task: 'healthExamination'; since: IsoDate }
  | { task: 'schoolStart'; since: IsoDate }
  | { task: 'transitionAt18'; dueOn: IsoDate; turns18On: IsoDate };

/** What is open for an unaccompanied minor today; nothing once 18. */
export function unaccompaniedTasks(
  record: UnaccompaniedRecord,
  today: IsoDate,
  transitionPlanMonths = defaultTransitionPlanMonths,
): UnaccompaniedTask[] {
  if (ageOn(record.birthDate, today) >= 18) return [];
  const tasks: UnaccompaniedTask[] = [];
  const custodian = record.specialCustodian;
  if (!record.appointedGuardian && !custodian.appointedOn) {
    tasks.push({ task: 'appointedGuardianMissing', since: record.arrivedOn });
  }
  if (record.residencePermitOn && !custodian.appointedOn) {
    if (!custodian.appliedOn && !custodian.notAppliedReason) {
      const duty = dutyFrom('specialCustodianApplication', record.residencePermitOn);
      if (duty) tasks.push({ task: 'specialCustodianApplication', duty });
    } else if (custodian.appliedOn) {
      tasks.push({ task: 'specialCustodianPending', since: custodian.appliedOn });
    }
  }
  if (!record.healthExaminationDoneOn) tasks.push({ task: 'healthExamination', since: record.arrivedOn });
  if (!record.schoolStartedOn) tasks.push({ task: 'schoolStart', since: record.arrivedOn });
  const turns18On = birthday(record.birthDate, 18);
  const dueOn = addMonths(turns18On, -transitionPlanMonths);
  if (!record.transitionPlannedOn && dueOn <= today) tasks.push({ task: 'transitionAt18', dueOn, turns18On });
  return tasks;
}

/** Refusals of the record: dates that are not dates, in the future or before the child arrived. */
export function unaccompaniedRefusals(record: UnaccompaniedRecord, today: IsoDate): Refusal[] {
  const custodian = record.specialCustodian;
  const afterArrival: [string, IsoDate | null | undefined][] = [
    ['assignedOn', record.assignedOn],
    ['appointedGuardian.appointedOn', record.appointedGuardian?.appointedOn],
    ['residencePermitOn', record.residencePermitOn],
    ['healthExaminationDoneOn', record.healthExaminationDoneOn],
    ['schoolStartedOn', record.schoolStartedOn],
  ];
  const dates = dateRefusals(
    [
      ['arrivedOn', record.arrivedOn],
      ...afterArrival,
      ['specialCustodian.appliedOn', custodian.appliedOn],
      ['specialCustodian.appointedOn', custodian.appointedOn],
      ['transitionPlannedOn', record.transitionPlannedOn],
    ],
    today,
  );
  if (dates.length) return dates;
  const refusals: Refusal[] = afterArrival
    .filter(([, date]) => date && date < record.arrivedOn)
    .map(([at]) => ({ code: 'beforeArrival', at }));
  // The application follows the permit, and the court's appointment the application.
  const permit = record.residencePermitOn;
  if (custodian.appliedOn && (!permit || custodian.appliedOn < permit)) {
    refusals.push({ code: 'appliedBeforePermit', at: 'specialCustodian.appliedOn' });
  }
  if (custodian.appointedOn && (!custodian.appliedOn || custodian.appointedOn < custodian.appliedOn)) {
    refusals.push({ code: 'appointedBeforeApplication', at: 'specialCustodian.appointedOn' });
  }
  if (custodian.notAppliedReason === 'other' && !custodian.notAppliedText?.trim()) {
    refusals.push({ code: 'reasonTextMissing', at: 'specialCustodian.notAppliedText' });
  }
  if (record.appointedGuardian && !record.appointedGuardian.name.trim()) {
    refusals.push({ code: 'guardianNameMissing', at: 'appointedGuardian.name' });
  }
  return refusals;
}
