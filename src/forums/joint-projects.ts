import { createReader, type Outcome, type TextGuard } from '../collaboration/form.ts';
import { type GoalArea, goalAreas } from '../sip/schema.ts';

/**
 * A forum's joint projects: BarnSam's six (SIP, school attendance and results, parenthood and
 * cognitive difficulties, children in family homes and HVB, children as next of kin, small children
 * with developmental delays). Each has goals tied to the shared goal areas (Hässleholm's good
 * health, success in school, safety at home, the same areas a SIP uses) and may follow indicators
 * (src/collaboration/indicators.ts).
 */

export const projectStatuses = ['planned', 'ongoing', 'finished', 'stopped'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export interface JointProjectInput {
  title?: string;
  description?: string;
  organisationIds?: string[];
  leadOrganisationId?: string;
  startsOn?: string;
  endsOn?: string;
  goals?: { area?: string; goal?: string }[];
}

export interface JointProjectValue {
  title: string;
  description: string;
  organisationIds: string[];
  leadOrganisationId: string;
  startsOn: string | null;
  endsOn: string | null;
  goals: { area: GoalArea; goal: string }[];
}

export type JointProjectRefusal = 'leadNotTakingPart' | 'noGoal';

/** A project has a lead among the member organisations taking part, and at least one goal. */
export function validateJointProject(
  input: JointProjectInput,
  context: { guard: TextGuard; memberOrganisationIds: readonly string[] },
): Outcome<JointProjectValue, JointProjectRefusal> {
  const form = createReader<JointProjectRefusal>(context.guard);
  const title = form.text('title', input.title, { max: 200, required: true });
  const description = form.text('description', input.description, { max: 8000, multiline: true });
  const organisationIds = form.ids('organisationIds', input.organisationIds, context.memberOrganisationIds);
  const lead = input.leadOrganisationId ?? '';
  if (!organisationIds.includes(lead)) form.fail('leadOrganisationId', 'leadNotTakingPart');
  const startsOn = form.date('startsOn', input.startsOn);
  const endsOn = form.date('endsOn', input.endsOn, { notBefore: startsOn ?? undefined });
  const goals = (input.goals ?? [])
    .filter((g) => g.goal?.trim() || g.area)
    .map((g, i) => ({
      area: form.oneOf(`goals.${i}.area`, g.area, goalAreas),
      goal: form.text(`goals.${i}.goal`, g.goal, { max: 1000, required: true, multiline: true }),
    }));
  if (goals.length === 0) form.fail('goals', 'noGoal');
  return form.done(() => ({
    title,
    description,
    organisationIds,
    leadOrganisationId: lead,
    startsOn,
    endsOn,
    goals,
  }));
}

/** A project moves forward only: planned → ongoing → finished, or stopped from either. */
export function projectStepAllowed(from: ProjectStatus, to: ProjectStatus): boolean {
  const next: Record<ProjectStatus, readonly ProjectStatus[]> = {
    planned: ['ongoing', 'stopped'],
    ongoing: ['finished', 'stopped'],
    finished: [],
    stopped: [],
  };
  return next[from].includes(to);
}
