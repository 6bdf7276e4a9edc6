import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newReference } from '../reports/domain.ts';
import { login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createPerson, createUnit, createUser } from '../testing/factories.ts';
import { intakePageSize } from './service.ts';

const today = '2026-03-13';
let t: TestApp;
before(async () => {
  t = await startTestApp({ fixedToday: today });
});
after(() => t.close());

async function setting() {
  const db = t.db.db;
  const municipalityId = await createMunicipality(db);
  const intakeUnit = await createUnit(db, municipalityId, 'intake');
  const intake = await createUser(db, t.config.secretKey, {
    municipalityId,
    role: 'intakeWorker',
    unitId: intakeUnit,
  });
  return { municipalityId, intakeUnit, intake };
}

/** Reports straight into the table, as a burst through the e-service would leave them. */
async function fileReports(
  municipalityId: string,
  unitId: string,
  count: number,
  fields: (i: number) => Record<string, unknown> = () => ({}),
  receivedAt = (i: number) => new Date(Date.UTC(2026, 2, 13, 6, 0, i)),
) {
  const rows = Array.from({ length: count }, (_, i) => ({
    municipality_id: municipalityId,
    reference: newReference(),
    unit_id: unitId,
    received_at: receivedAt(i),
    received_on: today,
    channel: 'publicForm' as const,
    reporter_kind: 'anonymous' as const,
    child_given_name: 'Vera',
    child_family_name: `Burst${i}`,
    concern: 'Vera säger att hon inte vågar gå hem efter skolan i dag.',
    ...fields(i),
  }));
  const refs: string[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const inserted = await t.db.db
      .insertInto('report')
      .values(rows.slice(i, i + 200))
      .returning('reference')
      .execute();
    refs.push(...inserted.map((r) => r.reference));
  }
  return refs;
}

const referencesOn = (body: string) =>
  [...body.matchAll(/href="\/intake\/reports\/[^"]+">([^<]+)</g)].map((m) => m[1]);
const textOf = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the intake list', () => {
  it('reaches every waiting report, paged, with the total: none is left out after a burst', async () => {
    const s = await setting();
    const total = 2 * intakePageSize + 17;
    const refs = await fileReports(s.municipalityId, s.intakeUnit, total);
    const intake = await login(t.app, s.intake);
    const first = await intake.get('/intake');
    assert.equal(first.statusCode, 200);
    assert.match(textOf(first.body), new RegExp(`${total} anmälningar väntar`));
    const seen = new Set<string>();
    for (let page = 1; page <= 3; page++) {
      const res = await intake.get(`/intake?page=${page}`);
      assert.equal(res.statusCode, 200);
      const onPage = referencesOn(res.body);
      assert.equal(onPage.length, page < 3 ? intakePageSize : 17, `page ${page}`);
      for (const r of onPage) seen.add(r!);
      if (page < 3) assert.match(res.body, new RegExp(`href="/intake\\?page=${page + 1}"`));
    }
    assert.equal(seen.size, total);
    for (const r of refs) assert.ok(seen.has(r), `${r} is reachable`);
    // Asking past the last page shows the last page rather than nothing.
    assert.deepEqual(referencesOn((await intake.get('/intake?page=99')).body).length, 17);
    assert.equal((await intake.get('/intake?page=0')).statusCode, 400);
  });

  it('puts immediate protection first, then the same-day protection assessments, then the rest', async () => {
    const s = await setting();
    const child = await createPerson(t.db.db, s.municipalityId, { birthDate: '2015-01-01' });
    // Older, already assessed reports that wait to be linked, received before the new ones.
    const linkOnly = await fileReports(
      s.municipalityId,
      s.intakeUnit,
      intakePageSize,
      () => ({ protection_outcome: 'noImmediateProtection', protection_assessed_on: today }),
      (i) => new Date(Date.UTC(2026, 2, 1, 6, 0, i)),
    );
    const immediate = await fileReports(
      s.municipalityId,
      s.intakeUnit,
      2,
      () => ({ protection_outcome: 'immediateProtectionNeeded', protection_assessed_on: today }),
      (i) => new Date(Date.UTC(2026, 2, 2, 6, 0, i)),
    );
    const unassessed = await fileReports(s.municipalityId, s.intakeUnit, 3, () => ({ child_id: child.id }));
    const intake = await login(t.app, s.intake);
    const res = await intake.get('/intake');
    const onPage = referencesOn(res.body);
    assert.deepEqual(onPage.slice(0, 5), [...immediate, ...unassessed]);
    assert.deepEqual(onPage.slice(5), linkOnly.slice(0, intakePageSize - 5));
    // What is on the next page is said before going there.
    const text = textOf(res.body);
    assert.match(text, /3 behöver skyddsbedömning/);
    assert.match(text, /2 med behov av omedelbart skydd/);
    assert.match(text, new RegExp(`${intakePageSize} ska kopplas till ett barn`));
    assert.match(text, /Sida 2: 51–55, ska kopplas till ett barn/);
    // Every report listed is audited as seen, and only those on the page.
    const listed = await t.db.db
      .selectFrom('audit_event')
      .select('record_id')
      .where('municipality_id', '=', s.municipalityId)
      .where('action', '=', 'report.list')
      .execute();
    assert.equal(listed.length, intakePageSize);
  });
});
