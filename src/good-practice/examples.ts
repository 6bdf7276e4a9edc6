import {
  type PlanArea,
  planAreas,
  type TargetGroup,
  type Theme,
  targetGroups,
  themes,
} from '../collaboration/areas.ts';
import { createReader, type Outcome, type TextGuard } from '../collaboration/form.ts';
import { addMonths } from '../deadlines/calendar.ts';

/**
 * Good examples (goda exempel, `goodPractice`): posts shared across municipalities, as SKR's
 * "inspiration from others" pages have them (date, municipality, problem, what was done, results,
 * contact) and as the coordinator's visit reports are. Each carries an evidence label and never the
 * word "recommended": Socialstyrelsen's method guide states that a listing is not a
 * recommendation, and social services work by science and proven experience (5 kap. 1 § SoL
 * 2025:400). Written as a draft, reviewed by an editor from another organisation, published;
 * stale after 24 months without a review. docs/decisions/0103.
 */

export const exampleKinds = ['example', 'visitReport'] as const;
export type ExampleKind = (typeof exampleKinds)[number];

/**
 * How much is known about the effect, from least to most: a result seen locally; an evaluation
 * with a report; a method that a systematic review has looked at (which may have found no effect:
 * the label says what was studied, not that it works).
 */
export const evidenceLevels = ['localResult', 'evaluatedWithReport', 'methodWithSystematicReview'] as const;
export type EvidenceLevel = (typeof evidenceLevels)[number];

/**
 * The states of one revision. Editing a published example starts a new draft revision; the
 * published one stays public until the new one is published and supersedes it (as the guide does,
 * docs/decisions/0022).
 */
export const exampleStates = ['draft', 'inReview', 'published', 'superseded', 'withdrawn'] as const;
export type ExampleState = (typeof exampleStates)[number];

/** After this long without a review a published example is flagged as stale. */
export const staleAfterMonths = 24;

export const limits = { links: 10, tags: 10, resultValues: 10 } as const;

export interface ExampleInput {
  kind?: string;
  title?: string;
  area?: string;
  themes?: string[];
  targetGroups?: string[];
  problem?: string;
  whatWasDone?: string;
  results?: string;
  resultValues?: { label?: string; value?: string; unit?: string; on?: string; source?: string }[];
  periodFrom?: string;
  periodTo?: string;
  cost?: string;
  contactName?: string;
  contactRole?: string;
  contactEmail?: string;
  contactPhone?: string;
  links?: { title?: string; url?: string }[];
  tags?: string;
  evidence?: string;
  evidenceReference?: string;
  evidenceUrl?: string;
}

export interface ExampleValue {
  kind: ExampleKind;
  title: string;
  area: PlanArea;
  themes: Theme[];
  targetGroups: TargetGroup[];
  problem: string;
  whatWasDone: string;
  results: string;
  resultValues: { label: string; value: number; unit: string; on: string; source: string }[];
  periodFrom: string | null;
  periodTo: string | null;
  cost: string;
  contact: { name: string; role: string; email: string | null; phone: string | null };
  links: { title: string; url: string }[];
  tags: string[];
  evidence: { level: EvidenceLevel; reference: string; url: string | null };
}

export type ExampleRefusal =
  | 'recommendationClaim'
  | 'evidenceReferenceRequired'
  | 'resultsRequired'
  | 'contactRequired';

// "Rekommenderad", "rekommenderas", "recommended": a label the system never gives.
const recommendation = /rekommender|recommend/i;
const emailPattern = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const phonePattern = /^\+?[0-9][0-9 ()-]{4,30}$/;

/**
 * Checks an example as its author writes it. Every free text passes the personal-data guard (a
 * post is public). What the evidence label claims must be backed: a local result needs the
 * results, an evaluation its report, a reviewed method the review. A contact (an official, by role)
 * is needed so that another municipality can ask.
 */
export function validateExample(
  input: ExampleInput,
  context: { guard: TextGuard },
): Outcome<ExampleValue, ExampleRefusal> {
  const form = createReader<ExampleRefusal>(context.guard);
  const kind = form.oneOf('kind', input.kind, exampleKinds);
  const title = form.text('title', input.title, { max: 200, required: true });
  if (recommendation.test(title)) form.fail('title', 'recommendationClaim');
  const area = form.oneOf('area', input.area, planAreas);
  const chosenThemes = form.ids('themes', input.themes, themes) as Theme[];
  const groups = form.ids('targetGroups', input.targetGroups, targetGroups) as TargetGroup[];
  const long = { max: 8000, multiline: true };
  const problem = form.text('problem', input.problem, { ...long, required: true });
  const whatWasDone = form.text('whatWasDone', input.whatWasDone, { ...long, required: true });
  const results = form.text('results', input.results, long);
  const resultValues = (input.resultValues ?? []).slice(0, limits.resultValues + 1).map((r, i) => ({
    label: form.text(`resultValues.${i}.label`, r.label, { max: 200, required: true }),
    value: form.number(`resultValues.${i}.value`, r.value, { required: true }) ?? 0,
    unit: form.text(`resultValues.${i}.unit`, r.unit, { max: 40 }),
    on: form.date(`resultValues.${i}.on`, r.on, { required: true }) ?? '',
    source: form.text(`resultValues.${i}.source`, r.source, { max: 300, required: true }),
  }));
  if (resultValues.length > limits.resultValues) form.fail('resultValues', 'tooMany');
  const periodFrom = form.date('periodFrom', input.periodFrom, { required: kind === 'visitReport' });
  const periodTo = form.date('periodTo', input.periodTo, { notBefore: periodFrom ?? undefined });
  const cost = form.text('cost', input.cost, { max: 1000, multiline: true });
  const contact = readContact(form, input);
  const links = (input.links ?? [])
    .filter((l) => l.url?.trim() || l.title?.trim())
    .map((l, i) => ({
      title: form.text(`links.${i}.title`, l.title, { max: 200, required: true }),
      url: form.webAddress(`links.${i}.url`, l.url, true) ?? '',
    }));
  if (links.length > limits.links) form.fail('links', 'tooMany');
  const tags = parseTags(input.tags);
  if (tags.length > limits.tags) form.fail('tags', 'tooMany');
  else if (tags.some((t) => t.length > 40)) form.fail('tags', 'tooLong', { max: 40 });
  else if (tags.some((t) => recommendation.test(t))) form.fail('tags', 'recommendationClaim');
  form.text('tags', tags.join(' '), { max: 1000 }); // the guard reads tags too
  const level = form.oneOf('evidence', input.evidence, evidenceLevels);
  const reference = form.text('evidenceReference', input.evidenceReference, { max: 1000, multiline: true });
  const url = form.webAddress('evidenceUrl', input.evidenceUrl);
  if (level === 'localResult' && !results && resultValues.length === 0)
    form.fail('results', 'resultsRequired');
  if (level !== 'localResult' && !reference && !url)
    form.fail('evidenceReference', 'evidenceReferenceRequired');
  return form.done(() => ({
    kind,
    title,
    area,
    themes: themes.filter((t) => chosenThemes.includes(t)),
    targetGroups: targetGroups.filter((g) => groups.includes(g)),
    problem,
    whatWasDone,
    results,
    resultValues,
    periodFrom,
    periodTo,
    cost,
    contact,
    links,
    tags,
    evidence: { level, reference, url },
  }));
}

function readContact(form: ReturnType<typeof createReader<ExampleRefusal>>, input: ExampleInput) {
  const official = { max: 200, official: true };
  const name = form.text('contactName', input.contactName, official);
  const role = form.text('contactRole', input.contactRole, official);
  const email = form.text('contactEmail', input.contactEmail, official) || null;
  if (email && !emailPattern.test(email)) form.fail('contactEmail', 'invalid');
  const phone = form.text('contactPhone', input.contactPhone, official) || null;
  if (phone && !phonePattern.test(phone)) form.fail('contactPhone', 'invalid');
  // A role and a way to reach it is enough: a function mailbox outlives a person.
  if (!role || (!email && !phone)) form.fail('contactRole', 'contactRequired');
  return { name, role, email, phone };
}

/** Tags as written ("Skolfam, familjehem  läsning") → lower case, unique, in order. */
export function parseTags(raw: string | undefined): string[] {
  const tags = (raw ?? '')
    .normalize('NFC')
    .toLowerCase()
    .split(/[,;\n]+|\s{2,}/)
    .map((t) => t.trim().replace(/^#+/, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return [...new Set(tags)];
}

// ---- The workflow ----

export type ExampleStep = 'submit' | 'publish' | 'returnToDraft' | 'confirmCurrent' | 'withdraw';
export type ExampleStepRefusal =
  | 'wrongState'
  | 'notAnEditor'
  | 'sameOrganisation'
  | 'ownExample'
  | 'noteRequired';

export interface ExampleEditor {
  userId: string;
  /** The author's or reviewer's organisation: a municipality, a partner organisation, the coordinator's office. */
  organisationKey: string;
  isEditor: boolean;
}

const stepFrom: Record<ExampleStep, readonly ExampleState[]> = {
  submit: ['draft'],
  publish: ['inReview'],
  returnToDraft: ['inReview'],
  confirmCurrent: ['published'],
  withdraw: ['published', 'inReview'],
};

/** The steps that are a review: an editor from another organisation, never the author. */
const reviewSteps: readonly ExampleStep[] = ['publish', 'returnToDraft', 'confirmCurrent'];

/**
 * draft → inReview (the author submits) → published (an editor of another organisation approves)
 * or back to draft with a note; a published example is confirmed current by such a review, or
 * withdrawn. The author's own organisation cannot review: four eyes from another roof.
 */
export function exampleStepRefusal(
  step: ExampleStep,
  example: { state: ExampleState; author: ExampleEditor },
  actor: ExampleEditor,
  note: string,
): ExampleStepRefusal | null {
  if (!stepFrom[step].includes(example.state)) return 'wrongState';
  if (reviewSteps.includes(step)) {
    if (!actor.isEditor) return 'notAnEditor';
    if (actor.userId === example.author.userId) return 'ownExample';
    if (actor.organisationKey === example.author.organisationKey) return 'sameOrganisation';
  }
  if ((step === 'returnToDraft' || step === 'withdraw') && !note.trim()) return 'noteRequired';
  return null;
}

export function exampleStateAfter(step: ExampleStep, state: ExampleState): ExampleState {
  const to: Record<ExampleStep, ExampleState | null> = {
    submit: 'inReview',
    publish: 'published',
    returnToDraft: 'draft',
    confirmCurrent: null,
    withdraw: 'withdrawn',
  };
  return to[step] ?? state;
}

/** The day a published example turns stale: 24 months after its last review. */
export function staleFrom(lastReviewedOn: string): string {
  return addMonths(lastReviewedOn, staleAfterMonths);
}

export function isStale(
  example: { state: ExampleState; lastReviewedOn: string | null },
  today: string,
): boolean {
  return (
    example.state === 'published' &&
    example.lastReviewedOn !== null &&
    today >= staleFrom(example.lastReviewedOn)
  );
}
