import { type PlanArea, planAreas, type Theme, themes } from '../collaboration/areas.ts';
import { createReader, type Outcome, type TextGuard } from '../collaboration/form.ts';

/**
 * A municipality's action plan (plan för handling): written after the national coordinator's
 * first visit, followed up at the second. Version, who adopted it and when, a deadline, the
 * organisations taking part (Storuman's plan had child psychiatry with it), and areas, each with a
 * rationale (Östersund's six). Part of the committee's systematic quality work (5 kap. 2 § SoL
 * 2025:400); no statute prescribes the plan itself. docs/decisions/0104.
 */

export const planStatuses = ['draft', 'adopted', 'superseded', 'closed'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export interface PlanInput {
  title?: string;
  adoptedByBody?: string;
  adoptedOn?: string;
  deadline?: string;
  organisationIds?: string[];
  summary?: string;
  areas?: { area?: string; title?: string; rationale?: string; themes?: string[] }[];
}

export interface PlanAreaValue {
  area: PlanArea;
  /** The area's own title: required for 'other', else the standard label is shown. */
  title: string;
  rationale: string;
  themes: Theme[];
}

export interface PlanValue {
  title: string;
  adoptedByBody: string;
  adoptedOn: string | null;
  deadline: string;
  organisationIds: string[];
  summary: string;
  areas: PlanAreaValue[];
}

export type PlanRefusal = 'noArea' | 'areaTwice' | 'titleRequiredForOther' | 'deadlineBeforeAdoption';

/**
 * Checks a plan as the municipality writes it. Each standard area at most once (an 'other' area
 * may come several times, each with its own title); every area says why it is in the plan. The
 * adoption (body and date) may wait until the plan is adopted (see planStepRefusal).
 */
export function validatePlan(
  input: PlanInput,
  context: { guard: TextGuard; organisationIds: readonly string[] },
): Outcome<PlanValue, PlanRefusal> {
  const form = createReader<PlanRefusal>(context.guard);
  const title = form.text('title', input.title, { max: 200, required: true });
  const adoptedByBody = form.text('adoptedByBody', input.adoptedByBody, { max: 200, official: true });
  const adoptedOn = form.date('adoptedOn', input.adoptedOn);
  const deadline = form.date('deadline', input.deadline, { required: true });
  if (deadline && adoptedOn && deadline < adoptedOn) form.fail('deadline', 'deadlineBeforeAdoption');
  const organisationIds = form.ids('organisationIds', input.organisationIds, context.organisationIds);
  const summary = form.text('summary', input.summary, { max: 8000, multiline: true });
  const seen = new Set<string>();
  const areas = (input.areas ?? []).map((a, i) => {
    const area = form.oneOf(`areas.${i}.area`, a.area, planAreas);
    if (area !== 'other' && seen.has(area)) form.fail(`areas.${i}.area`, 'areaTwice');
    seen.add(area);
    const ownTitle = form.text(`areas.${i}.title`, a.title, { max: 200 });
    if (area === 'other' && !ownTitle) form.fail(`areas.${i}.title`, 'titleRequiredForOther');
    const chosen: string[] = form.ids(`areas.${i}.themes`, a.themes, themes);
    return {
      area,
      title: ownTitle,
      rationale: form.text(`areas.${i}.rationale`, a.rationale, {
        max: 4000,
        required: true,
        multiline: true,
      }),
      themes: themes.filter((t) => chosen.includes(t)),
    };
  });
  if (areas.length === 0) form.fail('areas', 'noArea');
  return form.done(() => ({
    title,
    adoptedByBody,
    adoptedOn,
    deadline: deadline ?? '',
    organisationIds,
    summary,
    areas,
  }));
}

export type PlanStep = 'edit' | 'adopt' | 'revise' | 'close';
export type PlanStepRefusal =
  | 'wrongStatus'
  | 'adoptionMissing'
  | 'adoptedInFuture'
  | 'noMeasure'
  | 'draftExists';

/**
 * draft → adopted (with the body that adopted it and the date, not in the future, and at least
 * one measure) → superseded by its next version, or closed. Only a draft is edited: an adopted plan
 * changes by a new version, so a follow-up visit's snapshot always names the version it saw.
 */
export function planStepRefusal(
  step: PlanStep,
  plan: {
    status: PlanStatus;
    adoptedByBody: string;
    adoptedOn: string | null;
    measures: number;
    /** Whether a newer draft version of the same plan exists already. */
    newerDraft: boolean;
  },
  today: string,
): PlanStepRefusal | null {
  const from: Record<PlanStep, readonly PlanStatus[]> = {
    edit: ['draft'],
    adopt: ['draft'],
    revise: ['adopted'],
    close: ['draft', 'adopted'],
  };
  if (!from[step].includes(plan.status)) return 'wrongStatus';
  if (step === 'adopt') {
    if (!plan.adoptedByBody || !plan.adoptedOn) return 'adoptionMissing';
    if (plan.adoptedOn > today) return 'adoptedInFuture';
    if (plan.measures === 0) return 'noMeasure';
  }
  if (step === 'revise' && plan.newerDraft) return 'draftExists';
  return null;
}

/** The next version of an adopted plan: a draft numbered one up, without its adoption. */
export function nextVersion<P extends PlanValue & { version: number }>(plan: P): P {
  return { ...plan, version: plan.version + 1, adoptedByBody: '', adoptedOn: null };
}
