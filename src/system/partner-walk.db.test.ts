import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatPersonalNumber } from '../people/personal-number.ts';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import {
  createMunicipality,
  createPartnerOrganisation,
  createPerson,
  createSip,
  createUser,
  type TestUser,
} from '../testing/factories.ts';

/**
 * A partner walks every route of the app, with the ids of data it must not see filled in, and
 * sends every form with plausible values. Nothing of the social services file, and nothing of a
 * plan its organisation is no party to, or whose consent is withdrawn, or which is closed, may
 * come back; and nothing may change. The walk follows the route catalogue, so a new route is
 * walked the day it is added.
 */

interface Target {
  name: string;
  sipId: string;
  childId: string;
  needId: string;
  actionId: string;
  /** Text that must never reach the partner while walking this target. */
  secrets: string[];
  /** Whether the partner may not touch the plan at all (so nothing may change either). */
  closedToPartner: boolean;
}

let t: TestApp;
let client: Client;
let partner: TestUser;
let municipalityId: string;
let targets: Target[];
let ids: { worker: string; otherOrganisation: string; otherUser: string; registeredPerson: string };
let registerSecrets: string[];

before(async () => {
  t = await startTestApp();
  municipalityId = await createMunicipality(t.db.db);
  const school = await createPartnerOrganisation(t.db.db, municipalityId, {
    kind: 'school',
    name: 'Egna skolan',
  });
  const bup = await createPartnerOrganisation(t.db.db, municipalityId, {
    kind: 'childPsychiatry',
    name: 'Andra BUP',
  });
  // The partner administers its own organisation: the walk covers those rights too.
  partner = await createUser(t.db.db, t.config.secretKey, {
    municipalityId,
    role: 'partnerProfessional',
    partnerOrganisationId: school.id,
    administersOrganisation: true,
  });
  const worker = await createUser(t.db.db, t.config.secretKey, { municipalityId, role: 'socialWorker' });
  const otherUser = await createUser(t.db.db, t.config.secretKey, {
    municipalityId,
    role: 'partnerProfessional',
    partnerOrganisationId: bup.id,
  });
  const registered = await createPerson(t.db.db, municipalityId, {
    givenName: 'Registrerad',
    familyName: 'Registersson',
    birthDate: '1979-04-04',
  });
  registerSecrets = [
    'Registersson',
    registered.personalNumber!,
    formatPersonalNumber(registered.personalNumber),
  ];
  ids = {
    worker: worker.id,
    otherOrganisation: bup.id,
    otherUser: otherUser.id,
    registeredPerson: registered.id,
  };

  const target = async (
    name: string,
    familyName: string,
    sip: Omit<Parameters<typeof createSip>[1], 'municipalityId' | 'childId' | 'coordinatorUserId'>,
    closedToPartner: boolean,
  ): Promise<Target> => {
    const child = await createPerson(t.db.db, municipalityId, {
      givenName: 'Hemlig',
      familyName,
      birthDate: '2013-08-08',
    });
    const guardian = await createPerson(t.db.db, municipalityId, {
      givenName: 'Gömd',
      familyName: `${familyName}förälder`,
      birthDate: '1980-01-01',
    });
    await t.db.db
      .insertInto('guardianship')
      .values({
        municipality_id: municipalityId,
        child_id: child.id,
        guardian_id: guardian.id,
        kind: 'guardian',
      })
      .execute();
    const needText = `HEMLIGT-BEHOV-${familyName}`;
    const created = await createSip(t.db.db, {
      municipalityId,
      childId: child.id,
      coordinatorUserId: worker.id,
      needText,
      ...sip,
    });
    const need = await t.db.db
      .selectFrom('sip_need')
      .select('id')
      .where('sip_id', '=', created.id)
      .executeTakeFirstOrThrow();
    const own =
      created.actions.find((a) => a.responsible_organisation_id === school.id) ?? created.actions[0]!;
    const numbers = [
      child.personalNumber!,
      formatPersonalNumber(child.personalNumber),
      guardian.personalNumber!,
    ];
    return {
      name,
      sipId: created.id,
      childId: child.id,
      needId: need.id,
      actionId: own.id,
      secrets: closedToPartner
        ? [familyName, needText, ...numbers, 'Testgatan']
        : // A party sees the plan and the child's name, never what the consent leaves out.
          [needText, ...numbers, `${familyName}förälder`, 'Testgatan'],
      closedToPartner,
    };
  };
  targets = [
    await target('a plan its organisation is no party to', 'Annanplan', { organisationIds: [bup.id] }, true),
    await target(
      'a plan whose consent is withdrawn',
      'Aterkallad',
      { organisationIds: [school.id, bup.id], consent: { withdrawn: true } },
      true,
    ),
    await target('a closed plan', 'Avslutad', { organisationIds: [school.id], status: 'closed' }, true),
    await target(
      'a plan whose consent names neither the needs nor contact details',
      'Smalsamtycke',
      { organisationIds: [school.id], consent: { informationKinds: ['plan'] } },
      false,
    ),
  ];
  client = await login(t.app, partner);
});
after(() => t?.close());

/** Fills a route's parameters with the ids of data the partner must not reach. */
function urlFor(route: string, target: Target): string {
  let url = route;
  if (url.startsWith('/people') || url.startsWith('/api/v1/people')) url = url.replace(':id', target.childId);
  if (url.startsWith('/admin/users')) url = url.replace(':id', ids.worker);
  if (url.startsWith('/admin/organisations')) url = url.replace(':id', ids.otherOrganisation);
  url = url
    .replace(':id', target.sipId)
    .replace(':itemId', url.includes('/actions/') ? target.actionId : target.needId)
    .replace(':actionId', target.actionId)
    .replace(':organisationId', ids.otherOrganisation)
    .replace(':userId', ids.otherUser);
  const query: Record<string, string> = {
    '/people': '?q=Hemlig',
    '/api/v1/people': '?q=Hemlig',
    '/sips': `?child=${target.childId}`,
    '/log-review': `?person=${target.childId}`,
  };
  return url + (query[route] ?? '');
}

/** Plausible values for every form field of the app: the walk is refused by rights, not by validation. */
function formFor(target: Target): Record<string, string> {
  return {
    childId: target.childId,
    q: 'Hemlig',
    givenName: 'Ny',
    familyName: 'Person',
    personalNumber: '20130808-0000',
    guardianNumber: '19800101-0000',
    reason: 'goalsMet',
    needArea: 'goodHealth',
    needDescription: 'Behov',
    goalArea: 'goodHealth',
    goal: 'Mål',
    actionDescription: 'Insats',
    responsible: ids.otherOrganisation,
    dueOn: '2099-01-01',
    status: 'done',
    note: 'Anteckning',
    withdrawalNote: 'Återkallat',
    declineNote: 'Nej',
    closeNote: 'Klart',
    organisationId: ids.otherOrganisation,
    givenOn: '2026-01-01',
    validUntil: '2099-01-01',
    childsView: 'agrees',
    guardiansNote: 'Någon',
    name: 'Övertagen organisation',
    kind: 'school',
    username: `walk${Math.floor(performance.now())}`,
    displayName: 'Inkräktare',
    role: 'manager',
    temporaryPassword: 'temporary-password-1',
    action: 'deactivate',
    heldOn: '2026-01-01',
    nextFollowUpOn: '2099-01-01',
  };
}

async function snapshot() {
  const db = t.db.db;
  const [sips, consents, needs, persons, guardianships, users, organisations, participants] =
    await Promise.all([
      db
        .selectFrom('sip')
        .selectAll()
        .where('municipality_id', '=', municipalityId)
        .where('status', '<>', 'requested')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('sip_consent')
        .selectAll()
        .where('municipality_id', '=', municipalityId)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('sip_need')
        .select(['id', 'description'])
        .where('municipality_id', '=', municipalityId)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('person')
        .select(['id', 'given_name', 'family_name'])
        .where('municipality_id', '=', municipalityId)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('guardianship')
        .selectAll()
        .where('municipality_id', '=', municipalityId)
        .orderBy('child_id')
        .execute(),
      db
        .selectFrom('user_account')
        .select([
          'id',
          'role',
          'active',
          'administers_organisation',
          'password_hash',
          'partner_organisation_id',
        ])
        .where('municipality_id', '=', municipalityId)
        .where('partner_organisation_id', 'is distinct from', (eb) =>
          eb.selectFrom('user_account').select('partner_organisation_id').where('id', '=', partner.id),
        )
        .orderBy('id')
        .execute(),
      db
        .selectFrom('partner_organisation')
        .selectAll()
        .where('municipality_id', '=', municipalityId)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('sip_participant')
        .selectAll()
        .where('municipality_id', '=', municipalityId)
        .orderBy('sip_id')
        .orderBy('organisation_id')
        .execute(),
    ]);
  return { sips, consents, needs, persons, guardianships, users, organisations, participants };
}

const skipped = (url: string) => url.startsWith('/login') || url === '/logout';

describe('a partner walks every route of the app', () => {
  it('has routes to walk, with and without parameters', () => {
    assert.ok(t.app.routeCatalogue.length > 50);
    assert.ok(t.app.routeCatalogue.some((r) => r.url.includes(':id')));
  });

  for (const index of [0, 1, 2, 3]) {
    it(`gets nothing back and changes nothing, walking with the ids of target ${index + 1}`, async () => {
      const target = targets[index]!;
      const before = await snapshot();
      const leaks: string[] = [];
      const opened: string[] = [];
      for (const route of t.app.routeCatalogue) {
        if (skipped(route.url)) continue;
        const url = urlFor(route.url, target);
        const form = formFor(target);
        const response =
          route.method === 'GET'
            ? await client.get(url)
            : url.startsWith('/api/')
              ? await client.postJson(url, { status: 'done', note: 'x' })
              : await client.post(url, form);
        const body = response.body;
        for (const secret of [...target.secrets, ...registerSecrets])
          if (body.includes(secret))
            leaks.push(`${route.method} ${url} returned "${secret}" (${response.statusCode})`);
        // Every route aimed at someone's data is refused when the partner has no right to it.
        const aimed = route.url.includes(':');
        const partyRoute =
          !target.closedToPartner &&
          route.url.startsWith('/sips/:id') &&
          [
            'GET /sips/:id',
            'GET /sips/:id/print',
            'POST /sips/:id/actions/:actionId/status',
            'POST /sips/:id/consent/withdraw',
            'POST /sips/:id/agreement',
          ].includes(`${route.method} ${route.url}`);
        const partyApi =
          !target.closedToPartner &&
          [
            'GET /api/v1/sips/:id',
            'POST /api/v1/sips/:id/actions/:actionId/status',
            'POST /api/v1/sips/:id/agreement',
          ].includes(`${route.method} ${route.url}`);
        if (aimed && !partyRoute && !partyApi && response.statusCode < 400)
          opened.push(`${route.method} ${url} answered ${response.statusCode}`);
      }
      assert.deepEqual(leaks, [], target.name);
      assert.deepEqual(opened, [], target.name);
      if (target.closedToPartner)
        assert.deepEqual(await snapshot(), before, `nothing changed: ${target.name}`);
    });
  }

  it('leaves every refusal in the trail for the log review', async () => {
    const denied = await t.db.db
      .selectFrom('audit_event')
      .select(['action', 'subject_person_id'])
      .where('actor_user_id', '=', partner.id)
      .where('outcome', '=', 'denied')
      .execute();
    assert.ok(denied.length >= 20, `${denied.length} refusals recorded`);
    for (const target of targets.slice(0, 3))
      assert.ok(
        denied.some((e) => e.subject_person_id === target.childId),
        target.name,
      );
  });
});
