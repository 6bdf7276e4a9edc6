import { createReader, type Outcome, type TextGuard } from '../collaboration/form.ts';
import { type CountyCode, countyOfMunicipality, isCountyCode } from '../collaboration/municipalities.ts';
import { addDays, addMonths } from '../deadlines/calendar.ts';
import { type GoalArea, goalAreas } from '../sip/schema.ts';

/**
 * A standing collaboration forum (samverkansforum): BarnSam on Gotland, Östersund's manager network,
 * JämtBus in the county with a local group in every municipality. Its members are organisations,
 * each with representatives by role; it has a level, a meeting cadence and may sit under another
 * forum. The committee's duty to work with others and take the initiative: 18 kap. 6 § SoL
 * (2025:400). A forum handles no personal data about children (docs/decisions/0100).
 */

export const forumLevels = ['political', 'management', 'operational'] as const;
export type ForumLevel = (typeof forumLevels)[number];

export const representativeRoles = [
  'chair',
  'viceChair',
  'secretary',
  'member',
  'deputy',
  'adjunct',
] as const;
export type RepresentativeRole = (typeof representativeRoles)[number];

/** How often a forum meets; `asNeeded` has no next date. JämtBus meets four times a year. */
export const cadences = {
  weekly: { days: 7 },
  everyOtherWeek: { days: 14 },
  monthly: { months: 1 },
  everySixWeeks: { days: 42 },
  everyOtherMonth: { months: 2 },
  quarterly: { months: 3 },
  twiceAYear: { months: 6 },
  yearly: { months: 12 },
  asNeeded: null,
} as const satisfies Record<string, { days: number } | { months: number } | null>;
export type Cadence = keyof typeof cadences;
export const cadenceIds = Object.keys(cadences) as Cadence[];

/** Where a forum belongs: one municipality, a county network, or the national level. */
export type ForumHome =
  | { kind: 'municipality'; municipalityId: string; countyCode: CountyCode }
  | { kind: 'county'; countyCode: CountyCode }
  | { kind: 'national' };

export interface Representative {
  /** The account, when the representative has one (partners take part with their own account). */
  userId: string | null;
  name: string;
  title: string;
  role: RepresentativeRole;
}

export interface Member {
  organisationId: string;
  representatives: Representative[];
}

export interface ForumValue {
  name: string;
  purpose: string;
  level: ForumLevel;
  cadence: Cadence;
  parentForumId: string | null;
  goalAreas: GoalArea[];
  members: Member[];
}

export interface ForumInput {
  name?: string;
  purpose?: string;
  level?: string;
  cadence?: string;
  parentForumId?: string;
  goalAreas?: string[];
  members?: {
    organisationId?: string;
    representatives?: { userId?: string; name?: string; title?: string; role?: string }[];
  }[];
}

export type ForumRefusal =
  | 'needsTwoOrganisations'
  | 'coordinatorChairs'
  | 'oneChair'
  | 'parentNotFound'
  | 'parentCycle'
  | 'parentOutsideHome'
  | 'tooDeep';

/** A forum as the rules need to see the others: for the parent chain. */
export interface ForumNode {
  id: string;
  parentForumId: string | null;
  home: ForumHome;
}

export interface EligibleOrganisation {
  id: string;
  municipalityId: string;
  municipalityCode: string;
}

export const maxForumDepth = 4;

/**
 * Checks a forum as its secretary writes it. Members are organisations that may sit in a forum of
 * this home (see eligibleOrganisations); a forum needs at least two (collaboration is between
 * agencies) and at most one chair.
 */
export function validateForum(
  input: ForumInput,
  context: {
    guard: TextGuard;
    home: ForumHome;
    /** The forum being edited, when it is not new (it may not become its own ancestor). */
    forumId: string | null;
    organisations: readonly EligibleOrganisation[];
    forums: readonly ForumNode[];
    /** A county or national forum is chaired by the coordinator: no representative is its chair. */
    coordinatorChairs?: boolean;
  },
): Outcome<ForumValue, ForumRefusal> {
  const form = createReader<ForumRefusal>(context.guard);
  const name = form.text('name', input.name, { max: 200, required: true });
  const purpose = form.text('purpose', input.purpose, { max: 4000, multiline: true });
  const level = form.oneOf('level', input.level, forumLevels);
  const cadence = form.oneOf('cadence', input.cadence, cadenceIds);
  const areas = form.ids('goalAreas', input.goalAreas, goalAreas) as GoalArea[];
  const allowed = eligibleOrganisations(context.home, context.organisations).map((o) => o.id);
  const members: Member[] = [];
  for (const [i, member] of (input.members ?? []).entries()) {
    const organisationId = member.organisationId ?? '';
    if (!allowed.includes(organisationId)) form.fail(`members.${i}.organisationId`, 'notAMember');
    else if (members.some((m) => m.organisationId === organisationId))
      form.fail(`members.${i}.organisationId`, 'duplicate');
    const representatives = (member.representatives ?? []).map((r, j) => {
      const field = `members.${i}.representatives.${j}`;
      return {
        userId: r.userId || null,
        name: form.text(`${field}.name`, r.name, { max: 200, required: true, official: true }),
        title: form.text(`${field}.title`, r.title, { max: 200, official: true }),
        role: form.oneOf(`${field}.role`, r.role, representativeRoles),
      };
    });
    members.push({ organisationId, representatives });
  }
  if (new Set(members.map((m) => m.organisationId)).size < 2) form.fail('members', 'needsTwoOrganisations');
  // Counted from what was asked for: a role that failed to read is no chair.
  const chairs = (input.members ?? [])
    .flatMap((m) => m.representatives ?? [])
    .filter((r) => r.role === 'chair').length;
  if (context.coordinatorChairs && chairs > 0) form.fail('members', 'coordinatorChairs');
  else if (chairs > 1) form.fail('members', 'oneChair');
  const parentForumId = input.parentForumId || null;
  if (parentForumId) {
    const problem = parentProblem(context.forumId, context.home, parentForumId, context.forums);
    if (problem) form.fail('parentForumId', problem);
  }
  return form.done(() => ({
    name,
    purpose,
    level,
    cadence,
    parentForumId,
    goalAreas: goalAreas.filter((a) => areas.includes(a)),
    members,
  }));
}

/**
 * Who may sit in a forum: in a municipality's forum, the organisations registered in that
 * municipality; in a county network, those of every municipality in the county; nationally, all.
 */
export function eligibleOrganisations(
  home: ForumHome,
  organisations: readonly EligibleOrganisation[],
): EligibleOrganisation[] {
  switch (home.kind) {
    case 'municipality':
      return organisations.filter((o) => o.municipalityId === home.municipalityId);
    case 'county':
      return organisations.filter((o) => forumCountyOf(o.municipalityCode) === home.countyCode);
    case 'national':
      return [...organisations];
  }
}

/** Whether a forum of home `outer` may have a forum of home `inner` under it. */
export function homeContains(outer: ForumHome, inner: ForumHome): boolean {
  switch (outer.kind) {
    case 'national':
      return true;
    case 'county':
      return inner.kind !== 'national' && inner.countyCode === outer.countyCode;
    case 'municipality':
      return inner.kind === 'municipality' && inner.municipalityId === outer.municipalityId;
  }
}

/**
 * A forum may sit under one whose home contains its own (a local group under the county network,
 * never the other way), never under itself or its own descendants, and no deeper than four levels.
 */
export function parentProblem(
  forumId: string | null,
  home: ForumHome,
  parentForumId: string,
  forums: readonly ForumNode[],
): ForumRefusal | null {
  const byId = new Map(forums.map((f) => [f.id, f]));
  const parent = byId.get(parentForumId);
  if (!parent) return 'parentNotFound';
  if (!homeContains(parent.home, home)) return 'parentOutsideHome';
  let depth = 1;
  const seen = new Set<string>();
  for (let node: ForumNode | undefined = parent; node; node = byId.get(node.parentForumId ?? '')) {
    if (node.id === forumId || seen.has(node.id)) return 'parentCycle';
    seen.add(node.id);
    depth++;
  }
  return depth + deepestBelow(forumId, forums) > maxForumDepth ? 'tooDeep' : null;
}

/** How many levels hang below a forum (0 for a leaf or a new forum). */
function deepestBelow(forumId: string | null, forums: readonly ForumNode[]): number {
  if (!forumId) return 0;
  const children = forums.filter((f) => f.parentForumId === forumId);
  return children.length ? 1 + Math.max(...children.map((c) => deepestBelow(c.id, forums))) : 0;
}

/** When the next meeting is due after the last one held, by the forum's cadence. */
export function nextMeetingDue(lastHeldOn: string, cadence: Cadence): string | null {
  const step = cadences[cadence];
  if (step === null) return null;
  return 'days' in step ? addDays(lastHeldOn, step.days) : addMonths(lastHeldOn, step.months);
}

/**
 * A forum is behind its cadence when the next meeting was due before today and none is booked:
 * the start page of its secretary says so. A forum that never met is not behind.
 */
export function behindCadence(
  forum: { cadence: Cadence; lastHeldOn: string | null; nextPlannedOn: string | null },
  today: string,
): boolean {
  if (!forum.lastHeldOn || (forum.nextPlannedOn && forum.nextPlannedOn >= today)) return false;
  const due = nextMeetingDue(forum.lastHeldOn, forum.cadence);
  return due !== null && due < today;
}

/**
 * Where a forum sits (migration 0026, docs/decisions/0129): a municipality's own forum, a county
 * network (JämtBus) or a national forum. Only a coordinator outside every municipality creates the
 * two above the municipality.
 */
export const forumReaches = ['municipal', 'county', 'national'] as const;
export type ForumReach = (typeof forumReaches)[number];

/**
 * The county a municipality's forums belong to: its code's two first digits. A code in no county
 * (the demo's fictional Sjövik 9901 and its neighbour) counts as Jämtland's, as decision 0107 set
 * for Sjövik's forums.
 */
export function forumCountyOf(municipalityCode: string): CountyCode {
  return countyOfMunicipality(municipalityCode) ?? '23';
}

/** A stored forum's home; a municipal one needs its municipality's code. */
export function forumHomeOf(
  row: { reach: ForumReach; municipality_id: string | null; county_code: string | null },
  municipalityCode: string,
): ForumHome {
  if (row.reach === 'national') return { kind: 'national' };
  if (row.reach === 'county') return { kind: 'county', countyCode: (row.county_code ?? '23') as CountyCode };
  return {
    kind: 'municipality',
    municipalityId: row.municipality_id ?? '',
    countyCode: forumCountyOf(municipalityCode),
  };
}

/** What a coordinator of this scope may create: its county's network, or (nationally) any. */
export function homeForCoordinator(
  scope: { kind: 'national' } | { kind: 'county'; countyCode: CountyCode },
  reach: string | undefined,
  countyCode: string | undefined,
): ForumHome | 'reachInvalid' | 'outsideScope' {
  if (reach === 'national') return scope.kind === 'national' ? { kind: 'national' } : 'outsideScope';
  if (reach !== 'county') return 'reachInvalid';
  const county = scope.kind === 'county' ? countyCode || scope.countyCode : countyCode;
  if (!county || !isCountyCode(county)) return 'reachInvalid';
  if (scope.kind === 'county' && county !== scope.countyCode) return 'outsideScope';
  return { kind: 'county', countyCode: county as CountyCode };
}
