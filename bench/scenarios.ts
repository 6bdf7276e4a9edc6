import type { Kysely } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';
import type { Rng } from './generate/rng.ts';

/**
 * The user paths under load, as data. Each scenario says who does it and, for a virtual user's
 * next request, what the application is asked and what the bare baseline is asked (the same
 * data, the same SQL). To add a path: add an entry here, a baseline route in baseline.ts that runs
 * the feature's own queries, and whatever it needs in the fixture (server.ts).
 */

/** Marks the reports the benchmark files, so the next run can start without them (server.ts). */
export const benchReportWhereabouts = 'Skolan, årskurs 5 (benchmark)';

/** Reports filed by earlier runs would wait in intake for ever and weigh on later runs' queries. */
export async function removeBenchReports(db: Kysely<Database>): Promise<void> {
  await db
    .deleteFrom('report')
    .where('child_whereabouts', '=', benchReportWhereabouts)
    .where('case_id', 'is', null)
    .execute();
}

/**
 * Who a virtual user is. A placement worker is a social worker who is the designated worker of
 * children in care now; the public file reports (a form with its CSRF token), visitors only read
 * public pages (good examples). Both of the latter are anonymous.
 */
export type BenchRole =
  | 'socialWorker'
  | 'placementWorker'
  | 'manager'
  | 'intakeWorker'
  | 'public'
  | 'visitor';
export type SignedInRole = Exclude<BenchRole, 'public' | 'visitor'>;

export function isAnonymous(role: BenchRole): role is 'public' | 'visitor' {
  return role === 'public' || role === 'visitor';
}

/** What the server tells the runner about the generated data: ids to ask for, users to log in. */
export interface Fixture {
  municipalityId: string;
  today: string;
  /** Managers are those of investigation units (they have a unit's deadlines to oversee). */
  users: Record<SignedInRole, { id: string; username: string; unitId: string | null }[]>;
  /** The main municipality's code, for the public report form. */
  municipalityCode: string;
  /** Children each social worker follows now (their own caseload). */
  caseloads: Record<string, string[]>;
  /** Children with an open episode: what managers look up in the log. */
  activeChildren: string[];
  /** Names of people in the register, as users type them. */
  names: { given: string; family: string }[];
  /** Children in care now, by their designated worker. */
  placedChildren: Record<string, string[]>;
  /** The main municipality's adopted action plan. */
  actionPlanId: string | null;
}

/** What people search the good examples for: common words, a rarer one, two words together. */
export const exampleSearches = [
  'familjehem',
  'mentorer',
  'skolnärvaro',
  'polisen',
  'föräldrastöd',
  'samverkan barn',
];

/** The last whole year and month before today, as the statistics page's period keys. */
export function lastYearAndMonth(today: string): { year: string; month: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  return { year: String(year - 1), month: previous };
}

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  /** A form body; `{csrf}` is replaced by the virtual user's CSRF token. */
  form?: Record<string, string>;
  /** Status codes that count as success. */
  expect: number[];
}

export interface NextRequest {
  app: RequestSpec;
  baseline: RequestSpec;
}

export interface Scenario {
  name: string;
  title: string;
  /** Read scenarios are held to the "at least half the baseline's throughput" goal. */
  kind: 'read' | 'write';
  role: BenchRole;
  /** For anonymous visitors: the page they open first (it gives the CSRF token for the form). */
  visitPath?: (fixture: Fixture) => string;
  /**
   * Requests from one address before the virtual user moves to another: the public form allows a
   * few reports an hour per address, and the public are many people at many addresses.
   */
  requestsPerAddress?: number;
  next(input: { rng: Rng; userId: string; unitId: string | null; fixture: Fixture }): NextRequest;
}

const get = (path: string, expect = [200]): RequestSpec => ({ method: 'GET', path, expect });

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export const scenarios: Scenario[] = [
  {
    name: 'childPage',
    title: "A child's page",
    kind: 'read',
    role: 'socialWorker',
    next({ rng, userId, fixture }) {
      const own = fixture.caseloads[userId];
      // Mostly the worker's own children; now and then a child from elsewhere in the register.
      const child = own?.length && rng.chance(0.9) ? rng.pick(own) : rng.pick(fixture.activeChildren);
      return {
        app: get(`/people/${child}`),
        baseline: get(`/baseline/people/${child}?m=${fixture.municipalityId}&u=${userId}`),
      };
    },
  },
  {
    name: 'personSearch',
    title: 'Person search by name',
    kind: 'read',
    role: 'intakeWorker',
    next({ rng, fixture }) {
      // Three in four searches give given and family name; the rest the family name only.
      const name = rng.pick(fixture.names);
      const q = rng.chance(0.75) ? `${name.given} ${name.family}` : name.family;
      const encoded = encodeURIComponent(q);
      return {
        app: get(`/people?q=${encoded}`),
        baseline: get(`/baseline/people?q=${encoded}&m=${fixture.municipalityId}`),
      };
    },
  },
  {
    name: 'logReview',
    // Up to yesterday: the benchmark's own page views of today do not pile up in what is reviewed.
    title: 'Log review: who has seen this child (last 12 months)',
    kind: 'read',
    role: 'manager',
    next({ rng, userId, fixture }) {
      const child = rng.pick(fixture.activeChildren);
      const from = daysBefore(fixture.today, 365);
      const to = daysBefore(fixture.today, 1);
      return {
        app: get(`/log-review?person=${child}&from=${from}&to=${to}`),
        baseline: get(
          `/baseline/log-review?person=${child}&from=${from}&to=${to}&m=${fixture.municipalityId}&u=${userId}`,
        ),
      };
    },
  },
  {
    name: 'worklist',
    title: "A social worker's worklist",
    kind: 'read',
    role: 'socialWorker',
    next({ userId, fixture }) {
      return {
        app: get('/worklist'),
        baseline: get(`/baseline/worklist?m=${fixture.municipalityId}&u=${userId}`),
      };
    },
  },
  {
    name: 'unitDeadlines',
    title: "A manager's unit deadline overview",
    kind: 'read',
    role: 'manager',
    next({ unitId, fixture }) {
      return {
        app: get('/worklist/unit'),
        baseline: get(`/baseline/worklist/unit?m=${fixture.municipalityId}&unit=${unitId}`),
      };
    },
  },
  {
    name: 'myCases',
    title: "A social worker's own cases",
    kind: 'read',
    role: 'socialWorker',
    next({ userId, fixture }) {
      return {
        app: get('/my-cases'),
        baseline: get(`/baseline/my-cases?m=${fixture.municipalityId}&u=${userId}`),
      };
    },
  },
  {
    name: 'childHub',
    title: "A placed child's page (the hub: reports, cases, plans, placements)",
    kind: 'read',
    role: 'placementWorker',
    next({ rng, userId, fixture }) {
      const child = rng.pick(fixture.placedChildren[userId] ?? fixture.activeChildren);
      return {
        app: get(`/people/${child}`),
        baseline: get(`/baseline/people/${child}?m=${fixture.municipalityId}&u=${userId}`),
      };
    },
  },
  {
    name: 'placedChildren',
    title: "A designated worker's placed children, with their duties",
    kind: 'read',
    role: 'placementWorker',
    next({ userId, fixture }) {
      return {
        app: get('/placements'),
        baseline: get(`/baseline/placements?m=${fixture.municipalityId}&u=${userId}`),
      };
    },
  },
  {
    name: 'unitDuties',
    title: "A manager's unit placements and the duties due",
    kind: 'read',
    role: 'manager',
    next({ userId, unitId, fixture }) {
      return {
        app: get('/placements?unit=1'),
        baseline: get(`/baseline/placements?m=${fixture.municipalityId}&u=${userId}&unit=${unitId}`),
      };
    },
  },
  {
    name: 'statisticsYear',
    title: "A year's indicators",
    kind: 'read',
    role: 'manager',
    next({ userId, fixture }) {
      const { year } = lastYearAndMonth(fixture.today);
      return {
        app: get(`/statistics?period=${year}`),
        baseline: get(`/baseline/statistics?period=${year}&m=${fixture.municipalityId}&u=${userId}`),
      };
    },
  },
  {
    name: 'statisticsMonth',
    title: "A month's indicators",
    kind: 'read',
    role: 'manager',
    next({ userId, fixture }) {
      const { month } = lastYearAndMonth(fixture.today);
      return {
        app: get(`/statistics?period=${month}`),
        baseline: get(`/baseline/statistics?period=${month}&m=${fixture.municipalityId}&u=${userId}`),
      };
    },
  },
  {
    name: 'actionPlan',
    title: 'The action plan with its live indicators',
    kind: 'read',
    role: 'manager',
    next({ userId, fixture }) {
      const id = fixture.actionPlanId ?? '00000000-0000-4000-8000-000000000000';
      return {
        app: get(`/action-plans/${id}`),
        baseline: get(`/baseline/action-plans/${id}?m=${fixture.municipalityId}&u=${userId}`),
      };
    },
  },
  {
    name: 'exampleSearch',
    title: 'Searching the good examples',
    kind: 'read',
    role: 'visitor',
    visitPath: () => '/examples',
    next({ rng }) {
      const q = encodeURIComponent(rng.pick(exampleSearches));
      return { app: get(`/examples?q=${q}`), baseline: get(`/baseline/examples?q=${q}`) };
    },
  },
  // Last: the reports it files wait in intake and would weigh on the other scenarios' queries.
  {
    name: 'publicReport',
    title: 'Filing a public concern report',
    kind: 'write',
    role: 'public',
    visitPath: (fixture) => `/report?m=${fixture.municipalityCode}`,
    requestsPerAddress: 9,
    next({ rng, fixture }) {
      const name = rng.pick(fixture.names);
      const form = {
        reporterKind: 'anonymous',
        childGivenName: name.given,
        childFamilyName: name.family,
        childWhereabouts: benchReportWhereabouts,
        concern:
          'Barnet har flera dagar i rad kommit till skolan hungrigt och utan ytterkläder, och säger att det ' +
          'inte vill gå hem efter skolan.',
        guardiansInformed: rng.pick(['yes', 'no', 'unknown']),
      };
      return {
        app: {
          method: 'POST',
          path: `/report?m=${fixture.municipalityCode}`,
          form: { ...form, _csrf: '{csrf}' },
          expect: [303],
        },
        baseline: {
          method: 'POST',
          path: `/baseline/report?m=${fixture.municipalityId}`,
          form,
          expect: [200],
        },
      };
    },
  },
];

export function scenarioByName(name: string): Scenario {
  const scenario = scenarios.find((s) => s.name === name);
  if (!scenario) {
    throw new Error(`Unknown scenario "${name}": use one of ${scenarios.map((s) => s.name).join(', ')}`);
  }
  return scenario;
}
