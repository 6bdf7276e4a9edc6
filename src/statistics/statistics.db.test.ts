import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import readXlsxFile from 'read-excel-file/node';
import { privateHome } from '../placements/fixtures.ts';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createPerson, createUnit, createUser } from '../testing/factories.ts';
import { casesTouching, reportsReceived } from './queries.ts';

/**
 * The indicators from live rows: hand-made cases whose answers are known, with the edge dates
 * (decided on day 14; on day 15 when day 14 is Epiphany; an extension), small numbers hidden
 * from the statistics reader and shown whole to the unit's manager, the rows behind a figure,
 * and the exports.
 */

const today = '2026-03-13';
let t: TestApp;
let municipalityId: string;
let intakeUnit: string;
let otherUnit: string;
let reader: Client;
let manager: Client;
let otherManager: Client;
let lateChildId: string;

type CaseFields = {
  opened: string;
  initialOn?: string | null;
  investigationOn?: string | null;
  decidedOn?: string | null;
  closedOn?: string | null;
  unit?: string;
};

async function addCase(f: CaseFields) {
  const child = await createPerson(t.db.db, municipalityId);
  const row = await t.db.db
    .insertInto('child_case')
    .values({
      municipality_id: municipalityId,
      child_id: child.id,
      unit_id: f.unit ?? intakeUnit,
      phase: f.closedOn ? 'closed' : f.investigationOn ? 'investigation' : 'initialAssessment',
      opened_on: f.opened,
      initial_decision: f.investigationOn ? 'openInvestigation' : f.initialOn ? 'noInvestigation' : null,
      initial_decided_on: f.initialOn ?? null,
      investigation_opened_on: f.investigationOn ?? null,
      decided_on: f.decidedOn ?? null,
      decision_outcome: f.decidedOn ? 'noIntervention' : null,
      closed_on: f.closedOn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.db
    .insertInto('report')
    .values({
      municipality_id: municipalityId,
      reference: `${row.id.slice(0, 4)}-${row.id.slice(4, 8)}`.toUpperCase(),
      unit_id: intakeUnit,
      received_on: f.opened,
      channel: 'professionalForm',
      reporter_kind: 'professional',
      reporter_name: 'Karin Lärare',
      reporter_organisation_kind: 'school',
      concern: 'Oro för barnet.',
      child_id: child.id,
      case_id: row.id,
    })
    .execute();
  return { caseId: row.id, childId: child.id };
}

before(async () => {
  t = await startTestApp({ fixedToday: today });
  const db = t.db.db;
  municipalityId = await createMunicipality(db);
  intakeUnit = await createUnit(db, municipalityId, 'intake');
  otherUnit = await createUnit(db, municipalityId, 'investigation');
  await db.updateTable('unit').set({ name: "=cmd|' /C calc'!A0" }).where('id', '=', otherUnit).execute();
  const key = t.config.secretKey;
  reader = await login(
    t.app,
    await createUser(db, key, { municipalityId, role: 'statisticsReader', withTotp: false }),
  );
  manager = await login(
    t.app,
    await createUser(db, key, { municipalityId, role: 'manager', unitId: intakeUnit }),
  );
  otherManager = await login(
    t.app,
    await createUser(db, key, { municipalityId, role: 'manager', unitId: otherUnit }),
  );
  // January 2026. Epiphany (6 Jan) is a Tuesday: a report of 23 Dec is due on Wednesday 7 Jan.
  await addCase({ opened: '2025-12-23', initialOn: '2026-01-07' }); // day 15, in time
  await addCase({ opened: '2026-01-05', initialOn: '2026-01-19' }); // day 14, in time
  lateChildId = (await addCase({ opened: '2026-01-05', initialOn: '2026-01-20' })).childId; // day 15, late
  const decidedBy = (await db.selectFrom('user_account').select('id').executeTakeFirstOrThrow()).id;
  const extend = (caseId: string) =>
    db
      .insertInto('deadline_extension')
      .values({
        municipality_id: municipalityId,
        case_id: caseId,
        rule_id: 'initialAssessment',
        extended_to: '2026-02-25',
        reason: 'Särskilda skäl',
        decided_on: '2026-01-14',
        decided_by: decidedBy,
      })
      .execute();
  await extend((await addCase({ opened: '2026-01-02', initialOn: '2026-02-05' })).caseId); // due 16 Jan
  // Four more late and four more extended, so that no count of the municipality is small.
  for (const day of ['07', '08', '09', '12']) {
    await addCase({
      opened: `2026-01-${day}`,
      initialOn: `2026-01-${String(Number(day) + 16).padStart(2, '0')}`,
    });
    const more = await addCase({ opened: `2026-01-${day}`, initialOn: '2026-02-20' });
    await extend(more.caseId);
  }
  for (const day of ['07', '08', '09', '12', '13', '14'])
    await addCase({
      opened: `2026-01-${day}`,
      initialOn: `2026-01-${String(Number(day) + 5).padStart(2, '0')}`,
    });
  // Investigations: 10 Sep + 4 months = Saturday 10 Jan, due Monday 12 Jan.
  await addCase({
    opened: '2025-08-25',
    investigationOn: '2025-09-10',
    decidedOn: '2026-01-12',
    unit: otherUnit,
  });
  await addCase({
    opened: '2025-08-25',
    investigationOn: '2025-09-15',
    decidedOn: '2026-01-20',
    unit: otherUnit,
  });
});
after(() => t?.close());

type Row = {
  id: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  label: string;
};
const api = async (client: Client, query: string) => {
  const res = await client.get(`/api/v1/statistics/indicators?${query}`);
  return {
    status: res.statusCode,
    rows: res.statusCode === 200 ? (res.json() as Row[]) : [],
    body: res.body,
  };
};
const byId = (rows: Row[], id: string) => rows.find((r) => r.id === id)!;

describe('indicators from live data', () => {
  it('reads the cases whose clocks can fall in the period, and the reports of it', async () => {
    const { cases, extensions } = await casesTouching(t.db.db, municipalityId, {
      from: '2026-01-01',
      to: '2026-01-31',
    });
    assert.equal(cases.length, 20);
    assert.equal(extensions.length, 5);
    assert.ok(cases.every((c) => c.intakeUnitId === intakeUnit));
    const reports = await reportsReceived(
      t.db.db,
      municipalityId,
      { from: '2026-01-01', to: '2026-01-31' },
      today,
    );
    assert.equal(reports.length, 17, 'the report of 23 December is not January’s');
    assert.ok(reports.every((r) => r.childSex !== 'unknown' && r.childBirthDate === '2015-03-12'));
  });

  it('answers the contract for the statistics reader: in-time share with small parts hidden', async () => {
    const { status, rows } = await api(reader, 'from=2026-01-01&to=2026-01-31');
    assert.equal(status, 200);
    const initial = byId(rows, 'initialAssessmentWithin14Days');
    // Due in January: 18 (the 23 December report's last day is 7 Jan, after Epiphany); in time 8
    // (day 15 after the holiday and day 14 among them), late 5 (one on day 15), extended 5.
    assert.deepEqual(initial, {
      id: 'initialAssessmentWithin14Days',
      label: 'Förhandsbedömningar inom 14 dagar',
      value: 8 / 18,
      numerator: 8,
      denominator: 18,
      suppressed: false,
    });
    const investigation = byId(rows, 'investigationWithin4Months');
    assert.equal(investigation.suppressed, true, 'two investigations: too few to show');
    assert.equal(investigation.value, null);
    // Decisions are read from the granted interventions now (decision 0098): none granted here,
    // so nothing falls due, shown as a count of none rather than left out.
    const decisions = byId(rows, 'decisionsNotCarriedOutWithin3Months');
    assert.equal(decisions.denominator, 0);
    assert.equal(decisions.numerator, 0);
  });

  it("shows the unit's manager their unit whole, and the reader the same unit suppressed", async () => {
    const whole = byId(
      (await api(otherManager, `from=2026-01-01&to=2026-01-31&unit=${otherUnit}`)).rows,
      'investigationWithin4Months',
    );
    assert.deepEqual([whole.value, whole.numerator, whole.denominator, whole.suppressed], [0.5, 1, 2, false]);
    const hidden = byId(
      (await api(reader, `from=2026-01-01&to=2026-01-31&unit=${otherUnit}`)).rows,
      'investigationWithin4Months',
    );
    assert.equal(hidden.suppressed, true);
    const elsewhere = byId(
      (await api(manager, `from=2026-01-01&to=2026-01-31&unit=${otherUnit}`)).rows,
      'investigationWithin4Months',
    );
    assert.equal(elsewhere.suppressed, true, "another unit's manager sees it suppressed");
  });

  it('refuses bad ranges with a 400 in the caller’s language, and an unknown unit with a 404', async () => {
    const bad = await reader.get('/api/v1/statistics/indicators?from=2026-02-30&to=2026-03-01');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /ÅÅÅÅ-MM-DD/);
    const backwards = await reader.get('/api/v1/statistics/indicators?from=2026-03-01&to=2026-02-01&lang=en');
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.body, /end date is before the start date/);
    const long = await reader.get('/api/v1/statistics/indicators?from=2000-01-01&to=2026-01-01');
    assert.equal(long.statusCode, 400);
    const unknown = await reader.get(
      '/api/v1/statistics/indicators?from=2026-01-01&to=2026-01-31&unit=00000000-0000-4000-8000-000000000000',
    );
    assert.equal(unknown.statusCode, 404);
    assert.equal((await reader.get('/api/v1/statistics/indicators?from=2026-01-01')).statusCode, 400);
  });

  it('is in /openapi.json', async () => {
    const doc = (await reader.get('/openapi.json')).json() as { paths: Record<string, unknown> };
    assert.ok(doc.paths['/api/v1/statistics/indicators']);
  });

  it('refuses the API to roles without statistics, and to anonymous callers', async () => {
    const worker = await login(
      t.app,
      await createUser(t.db.db, t.config.secretKey, {
        municipalityId,
        role: 'socialWorker',
        unitId: intakeUnit,
      }),
    );
    assert.equal(
      (await worker.get('/api/v1/statistics/indicators?from=2026-01-01&to=2026-01-31')).statusCode,
      403,
    );
    const anonymous = await t.app.inject({
      method: 'GET',
      url: '/api/v1/statistics/indicators?from=2026-01-01&to=2026-01-31',
    });
    assert.equal(anonymous.statusCode, 401);
  });
});

describe('the statistics pages', () => {
  it('shows the reader the indicator cards, charts with their tables, and ".." for small numbers', async () => {
    const res = await reader.get('/statistics?period=2026-01&lang=sv');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Förhandsbedömningar inom 14 dagar/);
    assert.match(res.body, /44,4\s?%/);
    assert.match(res.body, /<svg/);
    assert.match(res.body, /class="chart-table"/);
    assert.match(res.body, />\.\.</);
    assert.doesNotMatch(res.body, /Testsson/, 'no child on an aggregate page');
  });

  it('refuses a malformed period with a 400', async () => {
    assert.equal((await reader.get('/statistics?period=2026-13')).statusCode, 400);
    assert.equal((await reader.get('/statistics?period=abc')).statusCode, 400);
  });

  it('shows one indicator month by month with its definition and law', async () => {
    const res = await reader.get('/statistics/indicators/initialAssessmentWithin14Days?period=2026-Q1');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /20 kap. 2 §/);
    assert.match(res.body, /2026-01/);
    assert.doesNotMatch(res.body, /Visa barnen bakom/, 'the reader gets no drill-down');
  });
});

describe('the rows behind a figure', () => {
  const url = (cell: string, unit = intakeUnit) =>
    `/statistics/indicators/initialAssessmentWithin14Days/rows?period=2026-01&unit=${unit}&cell=${cell}`;

  it("lists the manager's own unit's children behind a count, audited per child", async () => {
    const res = await manager.get(url('late'));
    assert.equal(res.statusCode, 200);
    const person = await t.db.db
      .selectFrom('person')
      .select(['given_name', 'family_name'])
      .where('id', '=', lateChildId)
      .executeTakeFirstOrThrow();
    assert.match(res.body, new RegExp(person.family_name));
    const events = await t.db.db
      .selectFrom('audit_event')
      .select(['subject_person_id', 'reason'])
      .where('action', '=', 'statistics.drillDown')
      .where('subject_person_id', '=', lateChildId)
      .execute();
    assert.equal(events.length, 1);
    assert.match(events[0]!.reason ?? '', /initialAssessmentWithin14Days 2026-01 late/);
  });

  it("counts an archived child's row but shows nothing of the child, and audits no look at them", async () => {
    const person = await t.db.db
      .selectFrom('person')
      .select(['family_name', 'personal_number'])
      .where('id', '=', lateChildId)
      .executeTakeFirstOrThrow();
    const archive = (on: string | null) =>
      t.db.db.updateTable('person').set({ archived_on: on }).where('id', '=', lateChildId).execute();
    await archive('2026-11-30');
    try {
      const res = await manager.get(url('late'));
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Arkiverad akt \(räknas, visas inte\)/);
      assert.doesNotMatch(res.body, new RegExp(`${person.family_name}|${lateChildId}`));
      if (person.personal_number) assert.doesNotMatch(res.body, new RegExp(person.personal_number));
      const events = await t.db.db
        .selectFrom('audit_event')
        .select('seq')
        .where('action', '=', 'statistics.drillDown')
        .where('subject_person_id', '=', lateChildId)
        .execute();
      assert.equal(events.length, 1, 'only the look before the archiving');
    } finally {
      await archive(null);
    }
  });

  it('refuses the statistics reader and the manager of another unit, and an unknown part', async () => {
    assert.equal((await reader.get(url('late'))).statusCode, 403);
    assert.equal((await otherManager.get(url('late'))).statusCode, 403);
    assert.equal((await manager.get(url('nonsense'))).statusCode, 400);
  });
});

describe('exports', () => {
  it('gives the reader the per-unit table as CSV, a formula-looking unit name neutralised', async () => {
    const res = await reader.get('/statistics/export.csv?period=2026-01&table=units');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    assert.match(res.body, /'=cmd/);
    assert.doesNotMatch(res.body, /(^|;)=cmd/m);
  });

  it('gives the summary as XLSX with the values of the page', async () => {
    const res = await reader.get('/statistics/export.xlsx?period=2026-01&table=summary');
    assert.equal(res.statusCode, 200);
    const rows = (await readXlsxFile(res.rawPayload))[0]!.data;
    const initial = rows.find((r) => r[0] === 'Förhandsbedömningar inom 14 dagar')!;
    assert.deepEqual(initial.slice(1, 4), [8 / 18, 8, 18]);
    const investigation = rows.find((r) => r[0] === 'Utredningar klara inom fyra månader')!;
    assert.equal(investigation[1], '..');
  });

  it('audits every export and refuses an unknown table', async () => {
    const events = await t.db.db
      .selectFrom('audit_event')
      .select('reason')
      .where('action', '=', 'statistics.export')
      .execute();
    assert.ok(events.some((e) => /units 2026-01 municipality csv rows=2/.test(e.reason ?? '')));
    assert.equal((await reader.get('/statistics/export.csv?period=2026-01&table=nope')).statusCode, 400);
  });
});

describe('placement indicators from the placements feature', () => {
  before(async () => {
    const db = t.db.db;
    const child = await createPerson(db, municipalityId, { birthDate: '2014-02-02' });
    const home = await privateHome(db, municipalityId, '9999', 'Familjen Test', {
      investigated: true,
      extracts: true,
      today,
    });
    const placement = await db
      .insertInto('placement')
      .values({ municipality_id: municipalityId, child_id: child.id, unit_id: otherUnit })
      .returning('id')
      .executeTakeFirstOrThrow();
    const maker = { decided_by_kind: 'subcommittee' as const, decided_by_name: 'Individutskottet' };
    const p = { municipality_id: municipalityId, placement_id: placement.id };
    await db
      .insertInto('placement_decision')
      .values({ ...p, ...maker, basis: 'sol', decided_on: '2025-06-01', executed_on: '2025-06-10' })
      .execute();
    await db
      .insertInto('placement_period')
      .values({
        ...p,
        ...maker,
        home_id: home.id,
        form: 'familyHome',
        decided_on: '2025-06-01',
        started_on: '2025-06-10',
      })
      .execute();
    await db
      .insertInto('placement_step')
      .values([
        { ...p, kind: 'carePlanEstablished', on_date: '2025-06-05' },
        { ...p, kind: 'implementationPlanEstablished', on_date: '2025-06-20' },
      ])
      .execute();
    // Six months from the day it was carried out: due 10 December, held 1 December.
    await db
      .insertInto('placement_consideration')
      .values({ ...p, ...maker, kind: 'reconsideration', decided_on: '2025-12-01' })
      .execute();
    const talk = {
      ...p,
      kind: 'talkWithChild' as const,
      place: 'placementHome' as const,
      outcome: 'made' as const,
    };
    await db
      .insertInto('placement_contact')
      .values([
        { ...talk, on_date: '2025-08-01', child_alone: true },
        { ...talk, on_date: '2025-11-01', child_alone: true },
        { ...talk, on_date: '2025-11-20', child_alone: false, not_alone_reason: 'childDeclined' },
      ])
      .execute();
  });

  it("computes current plans, reconsiderations on time and private talks for the unit's manager", async () => {
    const { rows } = await api(otherManager, `from=2025-01-01&to=2025-12-31&unit=${otherUnit}`);
    const plans = byId(rows, 'placedChildrenWithCurrentPlans');
    assert.deepEqual([plans.value, plans.numerator, plans.denominator], [1, 1, 1]);
    const reconsideration = byId(rows, 'reconsiderationsOnTime');
    assert.deepEqual(
      [reconsideration.value, reconsideration.numerator, reconsideration.denominator],
      [1, 1, 1],
    );
    const talks = byId(rows, 'privateTalksPerPlacedChildYear');
    assert.equal(talks.numerator, 2, 'a talk with someone else present is not a private talk');
  });

  it('hides the one placed child from the statistics reader', async () => {
    const { rows } = await api(reader, 'from=2025-01-01&to=2025-12-31');
    assert.equal(byId(rows, 'placedChildrenWithCurrentPlans').suppressed, true);
  });
});
