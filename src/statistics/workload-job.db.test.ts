import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../platform/db/database.ts';
import { openTestDatabase } from '../testing/database.ts';
import {
  createMunicipality,
  createPerson,
  createUnit,
  createUser,
  type TestUser,
} from '../testing/factories.ts';
import { parseWorkloadArgs, recomputeWorkloads, workloadBatchSize } from './workload-job.ts';

/**
 * The nightly workload job (decision 0128), on PGlite and PostgreSQL: every worker who carries
 * cases gets the running month kept, with or without assignments; a second run changes nothing but
 * the figures that changed; `--municipality` keeps to one; earlier months are never touched.
 */

let db: Db;
let municipalityId: string;
let code: string;
let otherId: string;
let anna: TestUser;
let bo: TestUser;
const secretKey = Buffer.alloc(32, 7);

async function investigation(worker: string, opened: string) {
  const child = await createPerson(db.db, municipalityId);
  const unitId = (await db.db
    .selectFrom('user_account')
    .select('unit_id')
    .where('id', '=', worker)
    .executeTakeFirstOrThrow())!.unit_id!;
  await db.db
    .insertInto('child_case')
    .values({
      municipality_id: municipalityId,
      child_id: child.id,
      unit_id: unitId,
      phase: 'investigation',
      opened_on: opened,
      initial_decision: 'openInvestigation',
      initial_decided_on: opened,
      investigation_opened_on: opened,
      responsible_user_id: worker,
    })
    .execute();
}

const months = (id: string) =>
  db.db
    .selectFrom('workload_month')
    .select(['user_id', 'month', 'points', 'measured_on'])
    .where('municipality_id', '=', id)
    .orderBy('user_id')
    .orderBy('month')
    .execute();

before(async () => {
  db = await openTestDatabase();
  municipalityId = await createMunicipality(db.db);
  code = (
    await db.db
      .selectFrom('municipality')
      .select('code')
      .where('id', '=', municipalityId)
      .executeTakeFirstOrThrow()
  ).code;
  const unitId = await createUnit(db.db, municipalityId, 'investigation');
  anna = await createUser(db.db, secretKey, { municipalityId, role: 'socialWorker', unitId });
  bo = await createUser(db.db, secretKey, { municipalityId, role: 'intakeWorker', unitId });
  // Neither a manager nor a worker without a unit carries cases here.
  await createUser(db.db, secretKey, { municipalityId, role: 'manager', unitId });
  await createUser(db.db, secretKey, { municipalityId, role: 'socialWorker' });
  await investigation(anna.id, '2026-01-05');
  otherId = await createMunicipality(db.db);
  await createUser(db.db, secretKey, {
    municipalityId: otherId,
    role: 'socialWorker',
    unitId: await createUnit(db.db, otherId, 'investigation'),
  });
});
after(() => db?.close());

describe('the nightly workload job', () => {
  it('keeps the running month of every case worker of the municipality, a worker without cases at 0', async () => {
    const lines: string[] = [];
    const result = await recomputeWorkloads(db.db, '2026-03-13', {
      municipalityCode: code,
      progress: (l) => lines.push(l),
    });
    assert.deepEqual(result, { municipalities: 1, workers: 2 });
    const kept = await months(municipalityId);
    assert.deepEqual(
      kept.map((k) => [k.user_id, k.month, Number(k.points) > 0]),
      [
        [anna.id, '2026-03', true],
        [bo.id, '2026-03', false],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    assert.equal(Number(kept.find((k) => k.user_id === bo.id)!.points), 0);
    assert.deepEqual(lines, [`${code}: 2/2 workers, 2026-03`]);
    assert.equal((await months(otherId)).length, 0, 'another municipality is left alone');
  });

  it('is idempotent: a second run on the same day keeps one row per worker and month', async () => {
    const before = await months(municipalityId);
    await recomputeWorkloads(db.db, '2026-03-13', { municipalityCode: code });
    assert.deepEqual(await months(municipalityId), before);
  });

  it('updates the running month from a later day and leaves the months before as kept', async () => {
    await recomputeWorkloads(db.db, '2026-04-02', { municipalityCode: code });
    await investigation(bo.id, '2026-04-01');
    await recomputeWorkloads(db.db, '2026-04-03', { municipalityCode: code });
    const kept = await months(municipalityId);
    assert.equal(kept.length, 4);
    const march = kept.filter((k) => k.month === '2026-03');
    assert.ok(
      march.every((k) => k.measured_on === '2026-03-13'),
      'March is not recomputed in April',
    );
    const boApril = kept.find((k) => k.user_id === bo.id && k.month === '2026-04')!;
    assert.equal(boApril.measured_on, '2026-04-03');
    assert.ok(Number(boApril.points) > 0, 'the case assigned in April counts');
  });

  it('runs every active municipality without --municipality, in batches with progress', async () => {
    const third = await createMunicipality(db.db);
    const unitId = await createUnit(db.db, third, 'intake');
    for (let i = 0; i < workloadBatchSize + 1; i++)
      await createUser(db.db, secretKey, { municipalityId: third, role: 'intakeWorker', unitId });
    const thirdCode = (
      await db.db.selectFrom('municipality').select('code').where('id', '=', third).executeTakeFirstOrThrow()
    ).code;
    const lines: string[] = [];
    const result = await recomputeWorkloads(db.db, '2026-04-03', { progress: (l) => lines.push(l) });
    assert.ok(result.municipalities >= 3);
    assert.equal((await months(third)).length, workloadBatchSize + 1);
    assert.equal((await months(otherId)).length, 1);
    assert.ok(lines.includes(`${thirdCode}: ${workloadBatchSize}/${workloadBatchSize + 1} workers, 2026-04`));
    assert.ok(
      lines.includes(`${thirdCode}: ${workloadBatchSize + 1}/${workloadBatchSize + 1} workers, 2026-04`),
    );
  });

  it('skips a deactivated municipality', async () => {
    const off = await createMunicipality(db.db);
    await createUser(db.db, secretKey, {
      municipalityId: off,
      role: 'socialWorker',
      unitId: await createUnit(db.db, off, 'investigation'),
    });
    await db.db.updateTable('municipality').set({ active: false }).where('id', '=', off).execute();
    await recomputeWorkloads(db.db, '2026-04-03');
    assert.equal((await months(off)).length, 0);
  });
});

describe('the command’s arguments', () => {
  it('takes an optional municipality code and day, and refuses anything else with the usage', () => {
    assert.deepEqual(parseWorkloadArgs([]), { ok: true, municipalityCode: undefined, today: undefined });
    assert.deepEqual(parseWorkloadArgs(['--municipality', '1234', '--today', '2026-02-28']), {
      ok: true,
      municipalityCode: '1234',
      today: '2026-02-28',
    });
    for (const bad of [
      ['--municipality', '12'],
      ['--today', '2026-02-30'],
      ['--unknown'],
      ['--municipality'],
    ]) {
      const parsed = parseWorkloadArgs(bad);
      assert.equal(parsed.ok, false, bad.join(' '));
      if (!parsed.ok) assert.match(parsed.error, /Usage: npm run workload:recompute/);
    }
  });
});
