import { after, before } from 'node:test';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createUnit, createUser } from '../testing/factories.ts';
import { decidedPlacementCase, placementFormFor, privateHome } from './fixtures.ts';

/**
 * What the placement database tests share: one app for the test file (today fixed), a
 * municipality with an investigation unit and a home-finding unit, their staff, a child whose case
 * was decided with a placement, and homes in the register, one of them not investigated.
 */

export const today = '2026-03-13'; // a Friday
export let t: TestApp;
before(async () => {
  t = await startTestApp({ fixedToday: today });
});
after(() => t.close());

export async function world() {
  const db = t.db.db;
  const key = t.config.secretKey;
  const municipalityId = await createMunicipality(db);
  const { code } = await db
    .selectFrom('municipality')
    .select('code')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  const unit = await createUnit(db, municipalityId, 'investigation');
  const otherUnit = await createUnit(db, municipalityId, 'investigation');
  const homeFinding = await createUnit(db, municipalityId, 'placement');
  const user = (role: Parameters<typeof createUser>[2]['role'], unitId: string | null = null) =>
    createUser(db, key, { municipalityId, role, unitId });
  const users = {
    worker: await user('socialWorker', unit),
    worker2: await user('socialWorker', unit),
    manager: await user('manager', unit),
    otherManager: await user('manager', otherUnit),
    finder: await user('socialWorker', homeFinding),
    partner: await user('partnerProfessional'),
    intake: await user('intakeWorker', unit),
  };
  const decided = await decidedPlacementCase(db, {
    municipalityId,
    unitId: unit,
    responsibleUserId: users.worker.id,
    decidedBy: users.manager.id,
    today,
  });
  const home = async (name: string, investigated: boolean, extracts: boolean) =>
    (await privateHome(db, municipalityId, code, name, { investigated, extracts, today })).id;
  const approved = await home('Familjen Ek', true, true);
  const unfinished = await home('Familjen Al', false, true);
  const noExtracts = await home('Familjen Ask', true, false);
  const second = await home('Familjen Lind', true, true);
  const clients: Record<keyof typeof users, Client> = {} as Record<keyof typeof users, Client>;
  for (const [name, u] of Object.entries(users)) clients[name as keyof typeof users] = await login(t.app, u);
  return {
    municipalityId,
    code,
    unit,
    homeFinding,
    users,
    clients,
    ...decided,
    homes: { approved, unfinished, noExtracts, second },
  };
}

export type World = Awaited<ReturnType<typeof world>>;

/** The form that places the world's child in the approved home, with the worker designated. */
export const placementForm = (w: World, overrides: Record<string, string> = {}) =>
  placementFormFor(w, w.homes.approved, w.users.worker.id, overrides);
