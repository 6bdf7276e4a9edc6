import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newReference } from '../reports/domain.ts';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import {
  createMunicipality,
  createPartnerOrganisation,
  createPerson,
  createUnit,
  createUser,
} from '../testing/factories.ts';

/**
 * A police user walks every route of the app with the ids of joint visits, their child, report and
 * case filled in, and sends every form. What comes back may be the summary the family consented to
 * and nothing else: no child's name or number, no child's account, risk, support or summary the
 * consent leaves out, nothing of a visit without consent, withdrawn, or of another police
 * organisation; and nothing may change. The walk follows the route catalogue, so a new route is
 * walked the day it is added.
 */

interface Target {
  name: string;
  visitId: string;
  secrets: string[];
  /** The one summary route the police may open for this visit. */
  readable: boolean;
}

let t: TestApp;
let officer: Client;
let targets: Target[];
let ids: { childId: string; reportId: string; caseId: string };

before(async () => {
  t = await startTestApp();
  const db = t.db.db;
  const m = await createMunicipality(db);
  const intakeUnit = await createUnit(db, m, 'intake');
  const intake = await createUser(db, t.config.secretKey, {
    municipalityId: m,
    role: 'intakeWorker',
    unitId: intakeUnit,
  });
  const police = await createPartnerOrganisation(db, m, { kind: 'police', name: 'Egen polis' });
  const otherPolice = await createPartnerOrganisation(db, m, { kind: 'police', name: 'Annan polis' });
  const user = await createUser(db, t.config.secretKey, {
    municipalityId: m,
    role: 'partnerProfessional',
    partnerOrganisationId: police.id,
  });
  const child = await createPerson(db, m, {
    givenName: 'Hemlig',
    familyName: 'Hembesöksson',
    birthDate: '2014-02-02',
  });
  const kase = await db
    .insertInto('child_case')
    .values({
      municipality_id: m,
      child_id: child.id,
      unit_id: intakeUnit,
      phase: 'initialAssessment',
      opened_on: '2026-03-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const report = await db
    .insertInto('report')
    .values({
      municipality_id: m,
      reference: newReference(),
      unit_id: intakeUnit,
      received_on: '2026-03-01',
      channel: 'publicForm',
      reporter_kind: 'anonymous',
      concern: 'HEMLIG-ORO: barnet är rädd hemma.',
      child_id: child.id,
      case_id: kase.id,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
  ids = { childId: child.id, reportId: report.id, caseId: kase.id };
  const visit = async (
    label: string,
    policeId: string,
    consent: { kinds: ('summary' | 'support' | 'followUp')[]; withdrawn: boolean } | null,
  ) => {
    const row = await db
      .insertInto('joint_visit')
      .values({
        municipality_id: m,
        report_id: report.id,
        case_id: kase.id,
        child_id: child.id,
        unit_id: intakeUnit,
        police_organisation_id: policeId,
        police_reference: `REF-${label}`,
        incident_at: new Date('2026-03-01T20:00:00Z'),
        visit_at: new Date('2026-03-01T21:00:00Z'),
        place: `PLATS-${label}`,
        social_services_participants: 'Ada Lind',
        police_participants: 'Per Olsson',
        childs_account: `BERÄTTELSE-${label}`,
        risk_factors: `RISK-${label}`,
        protective_factors: `SKYDD-${label}`,
        protection_outcome: 'noImmediateProtection',
        support_offered: `STÖD-${label}`,
        support_response: 'accepted',
        follow_up_on: '2026-03-16',
        follow_up_user_id: intake.id,
        recorded_by: intake.id,
        ...(consent
          ? {
              consent_given_by: `SAMTYCKARE-${label}`,
              consent_given_at: new Date('2026-03-01T21:30:00Z'),
              consent_kinds: consent.kinds,
              consent_recorded_by: intake.id,
              consent_recorded_at: new Date('2026-03-01T21:30:00Z'),
              police_summary: consent.kinds.includes('summary') ? `SAMMANFATTNING-${label}` : null,
              ...(consent.withdrawn
                ? { consent_withdrawn_at: new Date(), consent_withdrawn_by: intake.id }
                : {}),
            }
          : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const always = (label: string) => [
    'Hembesöksson',
    child.personalNumber!,
    report.reference,
    'HEMLIG-ORO',
    `BERÄTTELSE-${label}`,
    `RISK-${label}`,
    `SKYDD-${label}`,
    `SAMTYCKARE-${label}`,
  ];
  const all = (label: string) => [
    ...always(label),
    `SAMMANFATTNING-${label}`,
    `STÖD-${label}`,
    `PLATS-${label}`,
    `REF-${label}`,
  ];
  targets = [
    {
      name: 'a visit without consent',
      visitId: await visit('A', police.id, null),
      secrets: all('A'),
      readable: false,
    },
    {
      name: 'a visit whose consent was withdrawn',
      visitId: await visit('B', police.id, { kinds: ['summary', 'support'], withdrawn: true }),
      secrets: all('B'),
      readable: false,
    },
    {
      name: 'a visit of another police organisation',
      visitId: await visit('C', otherPolice.id, { kinds: ['summary', 'support'], withdrawn: false }),
      secrets: all('C'),
      readable: false,
    },
    {
      name: 'a visit whose consent covers the summary only',
      visitId: await visit('D', police.id, { kinds: ['summary'], withdrawn: false }),
      secrets: [...always('D'), 'STÖD-D'],
      readable: true,
    },
  ];
  officer = await login(t.app, user);
});
after(() => t?.close());

function urlFor(route: string, target: Target): string {
  let url = route;
  if (url.startsWith('/people') || url.startsWith('/api/v1/people')) url = url.replace(':id', ids.childId);
  if (url.startsWith('/cases')) url = url.replace(':id', ids.caseId);
  if (url.startsWith('/intake/reports')) url = url.replace(':id', ids.reportId);
  url = url.replace(':id', target.visitId);
  const query: Record<string, string> = {
    '/people': '?q=Hemlig',
    '/api/v1/people': '?q=Hemlig',
    '/joint-visits/new': `?report=${ids.reportId}`,
    '/log-review': `?person=${ids.childId}`,
  };
  return url + (query[route] ?? '').replace(/:id/g, '');
}

const form = (): Record<string, string> => ({
  reportId: ids.reportId,
  childId: ids.childId,
  consentGivenBy: 'Polisen själv',
  consentKinds: 'support',
  withdrawalNote: 'Återkallat',
  followUpNote: 'Klart',
  childMetAlone: 'yes',
  childsAccount: 'Övertaget',
  policeSummary: 'Polisen skriver',
  policeReference: 'X',
  place: 'X',
  q: 'Hemlig',
});

const snapshot = () =>
  t.db.db
    .selectFrom('joint_visit')
    .selectAll()
    .orderBy('id')
    .execute()
    .then((rows) => JSON.stringify(rows));

const summaryRoutes = new Set(['GET /joint-visits/:id/summary', 'GET /api/v1/joint-visits/:id']);

describe('a police user walks every route of the app', () => {
  for (const index of [0, 1, 2, 3]) {
    it(`gets only what the consent covers and changes nothing, walking with the ids of target ${index + 1}`, async () => {
      const target = targets[index]!;
      const before = await snapshot();
      const leaks: string[] = [];
      const opened: string[] = [];
      for (const route of t.app.routeCatalogue) {
        if (route.url.startsWith('/login') || route.url === '/logout') continue;
        const url = urlFor(route.url, target);
        const response =
          route.method === 'GET'
            ? await officer.get(url)
            : url.startsWith('/api/')
              ? await officer.postJson(url, { status: 'done' })
              : await officer.post(url, form());
        for (const secret of target.secrets)
          if (response.body.includes(secret))
            leaks.push(`${route.method} ${url} returned "${secret}" (${response.statusCode})`);
        const key = `${route.method} ${route.url}`;
        const allowed = target.readable && summaryRoutes.has(key);
        if (route.url.includes(':') && !allowed && response.statusCode < 400)
          opened.push(`${key} answered ${response.statusCode}`);
        if (allowed) {
          assert.equal(response.statusCode, 200, key);
          assert.ok(response.body.includes('SAMMANFATTNING-D'), `${key} shows the consented summary`);
        }
        assert.notEqual(response.statusCode, 429, `${key} was rate-limited: the walk must reach every route`);
      }
      assert.deepEqual(leaks, [], target.name);
      assert.deepEqual(opened, [], target.name);
      assert.equal(await snapshot(), before, `nothing changed: ${target.name}`);
    });
  }
});
