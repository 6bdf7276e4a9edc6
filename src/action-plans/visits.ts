import { createHash } from 'node:crypto';
import type { PlanArea, Theme } from '../collaboration/areas.ts';
import { createReader, type Outcome, type TextGuard } from '../collaboration/form.ts';
import type { IndicatorValue, MeasuredValue } from '../collaboration/indicators.ts';
import type { MeasureStatus } from './measures.ts';
import type { PlanStatus } from './plan.ts';

/**
 * A follow-up visit (uppföljning, kommunbesök): the national coordinator and SKL visited each
 * municipality twice; the second visit followed up the action plan, with health care and the
 * nearest university's social-work programme invited. The visit records who came from which
 * organisation, findings per measure and next steps, which become dated tasks for their owners.
 * When the visit is held, the plan is frozen as a snapshot kept with the visit (printable, with a
 * digest that shows it never changed). The visitor writes the report. docs/decisions/0104.
 */

export const visitStatuses = ['planned', 'held', 'reported'] as const;
export type VisitStatus = (typeof visitStatuses)[number];

export const findingAssessments = [
  'onTrack',
  'progressing',
  'delayed',
  'notStarted',
  'done',
  'dropped',
] as const;
export type FindingAssessment = (typeof findingAssessments)[number];

export interface VisitInput {
  visitedOn?: string;
  place?: string;
  visitors?: { userId?: string; name?: string; organisation?: string }[];
  attendees?: { name?: string; role?: string; organisationId?: string; organisationName?: string }[];
}

export interface VisitValue {
  visitedOn: string;
  place: string;
  visitors: { userId: string | null; name: string; organisation: string }[];
  attendees: { name: string; role: string; organisationId: string | null; organisationName: string }[];
}

export type VisitRefusal = 'noVisitor' | 'organisationRequired';

/**
 * The visit's frame. Visitors and attendees are adults in office, named with their organisation
 * (an attendee from an organisation outside the plan, e.g. the university, by its name).
 */
export function validateVisit(
  input: VisitInput,
  context: { guard: TextGuard; organisationIds: readonly string[] },
): Outcome<VisitValue, VisitRefusal> {
  const form = createReader<VisitRefusal>(context.guard);
  const visitedOn = form.date('visitedOn', input.visitedOn, { required: true });
  const place = form.text('place', input.place, { max: 200 });
  const official = { max: 200, official: true };
  const visitors = (input.visitors ?? [])
    .filter((v) => v.name?.trim() || v.userId)
    .map((v, i) => ({
      userId: v.userId || null,
      name: form.text(`visitors.${i}.name`, v.name, { ...official, required: true }),
      organisation: form.text(`visitors.${i}.organisation`, v.organisation, { ...official, required: true }),
    }));
  if (visitors.length === 0) form.fail('visitors', 'noVisitor');
  const attendees = (input.attendees ?? [])
    .filter((a) => a.name?.trim() || a.role?.trim())
    .map((a, i) => {
      const organisationId = a.organisationId || null;
      if (organisationId && !context.organisationIds.includes(organisationId))
        form.fail(`attendees.${i}.organisationId`, 'notAMember');
      const organisationName = form.text(`attendees.${i}.organisationName`, a.organisationName, official);
      if (!organisationId && !organisationName) form.fail(`attendees.${i}`, 'organisationRequired');
      return {
        name: form.text(`attendees.${i}.name`, a.name, official),
        role: form.text(`attendees.${i}.role`, a.role, { ...official, required: true }),
        organisationId,
        organisationName,
      };
    });
  return form.done(() => ({ visitedOn: visitedOn ?? '', place, visitors, attendees }));
}

export interface FollowUpInput {
  findings?: { measureId?: string; assessment?: string; finding?: string }[];
  nextSteps?: {
    description?: string;
    measureId?: string;
    ownerOrganisationId?: string;
    ownerRole?: string;
    dueOn?: string;
  }[];
}

export interface FollowUpValue {
  findings: { measureId: string; assessment: FindingAssessment; finding: string }[];
  nextSteps: {
    description: string;
    measureId: string | null;
    ownerOrganisationId: string;
    ownerRole: string;
    dueOn: string;
  }[];
}

export type FollowUpRefusal = 'unknownMeasure' | 'measureTwice';

/**
 * What the visit found per measure (each measure once) and the next steps agreed: each with an
 * owner organisation of the plan and a due date after the visit.
 */
export function validateFollowUp(
  input: FollowUpInput,
  context: {
    guard: TextGuard;
    visitedOn: string;
    measureIds: readonly string[];
    organisationIds: readonly string[];
  },
): Outcome<FollowUpValue, FollowUpRefusal> {
  const form = createReader<FollowUpRefusal>(context.guard);
  const seen = new Set<string>();
  const findings = (input.findings ?? []).map((f, i) => {
    const measureId = f.measureId ?? '';
    if (!context.measureIds.includes(measureId)) form.fail(`findings.${i}.measureId`, 'unknownMeasure');
    else if (seen.has(measureId)) form.fail(`findings.${i}.measureId`, 'measureTwice');
    seen.add(measureId);
    return {
      measureId,
      assessment: form.oneOf(`findings.${i}.assessment`, f.assessment, findingAssessments),
      finding: form.text(`findings.${i}.finding`, f.finding, { max: 4000, multiline: true }),
    };
  });
  const nextSteps = (input.nextSteps ?? []).map((s, i) => {
    const measureId = s.measureId || null;
    if (measureId && !context.measureIds.includes(measureId))
      form.fail(`nextSteps.${i}.measureId`, 'unknownMeasure');
    const owner = s.ownerOrganisationId ?? '';
    if (!context.organisationIds.includes(owner))
      form.fail(`nextSteps.${i}.ownerOrganisationId`, 'notAMember');
    const dueOn = form.date(`nextSteps.${i}.dueOn`, s.dueOn, { required: true });
    if (dueOn && dueOn <= context.visitedOn) form.fail(`nextSteps.${i}.dueOn`, 'dateBeforeStart');
    return {
      description: form.text(`nextSteps.${i}.description`, s.description, {
        max: 2000,
        required: true,
        multiline: true,
      }),
      measureId,
      ownerOrganisationId: owner,
      ownerRole: form.text(`nextSteps.${i}.ownerRole`, s.ownerRole, {
        max: 200,
        required: true,
        official: true,
      }),
      dueOn: dueOn ?? '',
    };
  });
  return form.done(() => ({ findings, nextSteps }));
}

export interface VisitTask {
  visitId: string;
  description: string;
  measureId: string | null;
  ownerOrganisationId: string;
  ownerRole: string;
  dueOn: string;
  status: 'open';
}

/** The next steps as tasks on their owners' lists, each pointing back at the visit. */
export function tasksFromNextSteps(visitId: string, followUp: FollowUpValue): VisitTask[] {
  return followUp.nextSteps.map((step) => ({ visitId, ...step, status: 'open' as const }));
}

export type VisitStep = 'hold' | 'editFollowUp' | 'writeReport' | 'finishReport';
export type VisitStepRefusal = 'wrongStatus' | 'notYetVisited' | 'notAVisitor' | 'reportEmpty';

/**
 * planned → held (on or after the day; the plan's snapshot is taken now) → reported (the visitor's
 * report is final). Findings and next steps can be corrected until the report is final; only a
 * visitor writes and finishes the report.
 */
export function visitStepRefusal(
  step: VisitStep,
  visit: { status: VisitStatus; visitedOn: string; visitorUserIds: readonly string[]; report: string },
  actorUserId: string,
  today: string,
): VisitStepRefusal | null {
  const from: Record<VisitStep, readonly VisitStatus[]> = {
    hold: ['planned'],
    editFollowUp: ['held'],
    writeReport: ['held'],
    finishReport: ['held'],
  };
  if (!from[step].includes(visit.status)) return 'wrongStatus';
  if (step === 'hold' && visit.visitedOn > today) return 'notYetVisited';
  if ((step === 'writeReport' || step === 'finishReport') && !visit.visitorUserIds.includes(actorUserId))
    return 'notAVisitor';
  if (step === 'finishReport' && !visit.report.trim()) return 'reportEmpty';
  return null;
}

// ---- The snapshot ----

export interface PlanSnapshot {
  takenOn: string;
  plan: {
    id: string;
    version: number;
    title: string;
    status: PlanStatus;
    adoptedByBody: string;
    adoptedOn: string | null;
    deadline: string;
  };
  areas: {
    area: PlanArea;
    title: string;
    rationale: string;
    themes: Theme[];
    measures: {
      id: string;
      title: string;
      status: MeasureStatus;
      ownerRole: string;
      dueOn: string;
      evidence: string;
    }[];
    indicators: {
      name: string;
      unit: string;
      baseline: number;
      target: number;
      current: MeasuredValue | null;
    }[];
  }[];
}

/**
 * The plan as it stood at the visit: its version, areas, measures with status and evidence, and
 * each indicator with the value current that day. Plain data that is stored once and never changed.
 */
export function planSnapshot(
  takenOn: string,
  plan: PlanSnapshot['plan'],
  areas: readonly {
    area: PlanArea;
    title: string;
    rationale: string;
    themes: readonly Theme[];
    measures: readonly PlanSnapshot['areas'][number]['measures'][number][];
    indicators: readonly { indicator: IndicatorValue; current: MeasuredValue | null }[];
  }[],
): PlanSnapshot {
  return {
    takenOn,
    plan: { ...plan },
    areas: areas.map((a) => ({
      area: a.area,
      title: a.title,
      rationale: a.rationale,
      themes: [...a.themes],
      measures: a.measures.map((m) => ({ ...m })),
      indicators: a.indicators.map(({ indicator, current }) => ({
        name: indicator.name,
        unit: indicator.unit,
        baseline: indicator.baseline.value,
        target: indicator.target.value,
        current: current ? { ...current } : null,
      })),
    })),
  };
}

/**
 * The snapshot's digest (SHA-256 of its JSON with keys in sorted order, so a database that
 * reorders keys, as jsonb does, gives the same digest). Printed with the snapshot.
 */
export function snapshotDigest(snapshot: PlanSnapshot): string {
  return createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
