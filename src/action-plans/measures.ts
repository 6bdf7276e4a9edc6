import { createReader, type Outcome, type TextGuard } from '../collaboration/form.ts';

/**
 * A measure (åtgärd) in an action plan's area: what will be done, by whom, with whom, when, how
 * far it has come, and the evidence that it was done. A measure may cite good examples it builds
 * on (Östersund's library project cites the Letterbox Club); an example lists the plans citing it.
 */

export const measureStatuses = ['planned', 'started', 'done', 'dropped'] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

export interface MeasureInput {
  areaIndex?: string;
  title?: string;
  description?: string;
  ownerOrganisationId?: string;
  ownerRole?: string;
  partnerOrganisationIds?: string[];
  startsOn?: string;
  dueOn?: string;
  citedExampleIds?: string[];
}

export interface MeasureValue {
  areaIndex: number;
  title: string;
  description: string;
  ownerOrganisationId: string;
  ownerRole: string;
  partnerOrganisationIds: string[];
  startsOn: string | null;
  dueOn: string;
  citedExampleIds: string[];
}

export type MeasureRefusal = 'ownerNotTakingPart' | 'ownerAlsoPartner' | 'exampleNotPublished';

/**
 * The owner and the partners are organisations taking part in the plan; the owner is not also
 * listed as a partner; cited examples are published ones (a draft may change or vanish).
 */
export function validateMeasure(
  input: MeasureInput,
  context: {
    guard: TextGuard;
    areaCount: number;
    planOrganisationIds: readonly string[];
    publishedExampleIds: readonly string[];
  },
): Outcome<MeasureValue, MeasureRefusal> {
  const form = createReader<MeasureRefusal>(context.guard);
  const areaIndex = Number(input.areaIndex);
  if (!Number.isInteger(areaIndex) || areaIndex < 0 || areaIndex >= context.areaCount)
    form.fail('areaIndex', 'invalid');
  const title = form.text('title', input.title, { max: 300, required: true });
  const description = form.text('description', input.description, { max: 4000, multiline: true });
  const owner = input.ownerOrganisationId ?? '';
  if (!context.planOrganisationIds.includes(owner)) form.fail('ownerOrganisationId', 'ownerNotTakingPart');
  const ownerRole = form.text('ownerRole', input.ownerRole, { max: 200, required: true, official: true });
  const partners = form.ids(
    'partnerOrganisationIds',
    input.partnerOrganisationIds,
    context.planOrganisationIds,
  );
  if (partners.includes(owner)) form.fail('partnerOrganisationIds', 'ownerAlsoPartner');
  const startsOn = form.date('startsOn', input.startsOn);
  const dueOn = form.date('dueOn', input.dueOn, { required: true, notBefore: startsOn ?? undefined });
  const cited = [...new Set(input.citedExampleIds ?? [])].filter(Boolean);
  if (cited.some((id) => !context.publishedExampleIds.includes(id)))
    form.fail('citedExampleIds', 'exampleNotPublished');
  return form.done(() => ({
    areaIndex,
    title,
    description,
    ownerOrganisationId: owner,
    ownerRole,
    partnerOrganisationIds: partners,
    startsOn,
    dueOn: dueOn ?? '',
    citedExampleIds: cited,
  }));
}

export type StatusChangeRefusal = 'notAllowed' | 'evidenceRequired' | 'reasonRequired' | 'dateInFuture';

const next: Record<MeasureStatus, readonly MeasureStatus[]> = {
  planned: ['started', 'dropped'],
  started: ['done', 'dropped'],
  done: [],
  dropped: [],
};

/**
 * planned → started → done, or dropped from planned or started. Done needs evidence (what shows
 * it was done: a report, a routine adopted, figures), dropped a reason. Done and dropped are final:
 * a measure taken up again is a new measure, so the history stays true.
 */
export function statusChangeRefusal(
  from: MeasureStatus,
  change: { to: MeasureStatus; on: string; evidence: string; reason: string },
  today: string,
): StatusChangeRefusal | null {
  if (!next[from].includes(change.to)) return 'notAllowed';
  if (change.on > today) return 'dateInFuture';
  if (change.to === 'done' && !change.evidence.trim()) return 'evidenceRequired';
  if (change.to === 'dropped' && !change.reason.trim()) return 'reasonRequired';
  return null;
}

export function allowedNextStatuses(from: MeasureStatus): readonly MeasureStatus[] {
  return next[from];
}

/** Late: planned or started past its due date. */
export function isLate(measure: { status: MeasureStatus; dueOn: string }, today: string): boolean {
  return (measure.status === 'planned' || measure.status === 'started') && measure.dueOn < today;
}

/** The plans that cite an example, each once, for the example's page ("used in these plans"). */
export function plansCitingExample(
  exampleId: string,
  measures: readonly { planId: string; citedExampleIds: readonly string[] }[],
): string[] {
  return [...new Set(measures.filter((m) => m.citedExampleIds.includes(exampleId)).map((m) => m.planId))];
}
