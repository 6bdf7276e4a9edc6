import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import { createPublishedExample } from '../good-practice/test-factories.ts';
import { generatePersonalNumber } from '../people/personal-number.ts';
import { decidedPlacementCase, placementFormFor, privateHome } from '../placements/fixtures.ts';
import { hashApiToken } from '../reports/service.ts';
import { Client, login, startTestApp, type TestApp } from './app.ts';
import {
  assign,
  createMunicipality,
  createPartnerOrganisation,
  createPerson,
  createSip,
  createUnit,
  createUser,
} from './factories.ts';

/**
 * The world the audit-coverage test probes: one app, a municipality with staff, children, reports,
 * a case and coordinated plans in every state the probes need, and a signed-in client per role.
 * Importing it builds the world before the test file's first test and closes the app after it.
 */

export interface Fixtures {
  municipalityCode: string;
  apiToken: string;
  childId: string;
  childName: string;
  otherChildId: string;
  protectedChildId: string;
  guardianNumber: string;
  investigationUnitId: string;
  socialWorkerId: string;
  /** Reports filed in before(): one to assess, one linked to case A, one whose child is unknown. */
  reportIds: [string, string, string];
  /** A case that the probes below take from initial assessment to follow-up, in order. */
  caseId: string;
  interventionId: string;
  // Coordinated plans in the states the probes need.
  schoolId: string;
  bupId: string;
  draft: Awaited<ReturnType<typeof createSip>>;
  readyDraft: Awaited<ReturnType<typeof createSip>>;
  /** A draft about a child without registered guardians: the consent names who consented. */
  consentDraft: Awaited<ReturnType<typeof createSip>>;
  readyDraftForApi: Awaited<ReturnType<typeof createSip>>;
  active: Awaited<ReturnType<typeof createSip>>;
  activeToRevise: Awaited<ReturnType<typeof createSip>>;
  activeToClose: Awaited<ReturnType<typeof createSip>>;
  activeToWithdraw: Awaited<ReturnType<typeof createSip>>;
  /** A draft whose consent covers the school but not BUP, invited after it. */
  consentToExtend: Awaited<ReturnType<typeof createSip>>;
  requestToAccept: string;
  requestToDecline: string;
  // Joint visits with the police (src/joint-visits), on the report linked to case A.
  policeId: string;
  visitWithConsent: string;
  visitWithoutConsent: string;
  visitToWithdraw: string;
  /** Placements (src/placements): a case decided with a placement, a home, a placement in it. */
  placement: {
    caseId: string;
    form: Record<string, string>;
    homeId: string;
    otherHomeId: string;
    carerId: string;
    placementId: string;
    childId: string;
    toEndId: string;
    /** A placement under LVU 2 § (for the LVU 14 § decision and its review). */
    lvuId: string;
  };
  /** A published good example (issue 18); the manager is a good-practice editor. */
  exampleId: string;
}

export type As =
  | 'anonymous'
  | 'apiClient'
  | 'intakeWorker'
  | 'socialWorker'
  | 'manager'
  | 'partner'
  | 'police'
  | 'homeFinder'
  | 'archivist';
export type Probe = {
  as: As;
  request: (client: Client, f: Fixtures) => Promise<{ statusCode: number }>;
};

export const today = '2026-03-13';
export let bornOn = 0;
export const freshNumber = () =>
  generatePersonalNumber(`2012-0${1 + (bornOn % 9)}-1${bornOn++ % 9}`, 300 + bornOn);
export const concern =
  'Barnet har kommit hungrig till skolan flera dagar i rad och säger att det är bråk hemma.';
export const publicReport = (f: Fixtures) => ({
  reporterKind: 'anonymous',
  childGivenName: 'Ebba',
  childFamilyName: f.childName,
  concern,
  guardiansInformed: 'unknown',
});
export const professionalReport = (f: Fixtures) => ({
  reporterName: 'Pia Skog',
  reporterOrganisation: 'Sjövikskolan',
  reporterOrganisationKind: 'school',
  reporterPhone: '070-1740601',
  feedbackRequested: 'on',
  childGivenName: 'Ebba',
  childFamilyName: f.childName,
  concern,
});

export let t: TestApp;
export let fixtures: Fixtures;
export let municipalityId: string;
export const clients = new Map<As, Client>();

before(async () => {
  t = await startTestApp({ fixedToday: today });
  const db = t.db.db;
  municipalityId = await createMunicipality(db);
  const intakeUnit = await createUnit(db, municipalityId, 'intake');
  const investigationUnit = await createUnit(db, municipalityId, 'investigation');
  const child = await createPerson(db, municipalityId, { givenName: 'Ebba' });
  const otherChild = await createPerson(db, municipalityId, {
    givenName: 'Ebba',
    familyName: child.familyName,
  });
  const protectedChild = await createPerson(db, municipalityId, {
    protectedIdentity: 'protectedRegistration',
  });
  const guardian = await createPerson(db, municipalityId, { birthDate: '1984-06-01' });
  const homeFindingUnit = await createUnit(db, municipalityId, 'placement');
  const users = {
    homeFinder: await createUser(db, t.config.secretKey, {
      municipalityId,
      role: 'socialWorker',
      unitId: homeFindingUnit,
    }),
    intakeWorker: await createUser(db, t.config.secretKey, {
      municipalityId,
      role: 'intakeWorker',
      unitId: intakeUnit,
    }),
    socialWorker: await createUser(db, t.config.secretKey, {
      municipalityId,
      role: 'socialWorker',
      unitId: investigationUnit,
    }),
    manager: await createUser(db, t.config.secretKey, {
      municipalityId,
      role: 'manager',
      unitId: investigationUnit,
    }),
    archivist: await createUser(db, t.config.secretKey, { municipalityId, role: 'archivist' }),
  };
  for (const [role, user] of Object.entries(users)) clients.set(role as As, await login(t.app, user));
  clients.set('anonymous', new Client(t.app));
  clients.set('apiClient', new Client(t.app));
  await assign(db, municipalityId, child.id, users.socialWorker.id);

  const { code } = await db
    .selectFrom('municipality')
    .select('code')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  const apiToken = randomBytes(32).toString('base64url');
  await db
    .insertInto('api_client')
    .values({
      municipality_id: municipalityId,
      name: 'Journalsystem',
      organisation_kind: 'healthCare',
      token_hash: hashApiToken(apiToken),
    })
    .execute();
  const intervention = await db
    .insertInto('intervention_type')
    .values({ municipality_id: municipalityId, name: 'Familjebehandling', ksi_code: 'VBA.AB' })
    .returning('id')
    .executeTakeFirstOrThrow();

  const partial = { municipalityCode: code, childName: child.familyName } as Fixtures;
  const reportIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const reporter = new Client(t.app);
    await reporter.get(`/report/professional?m=${code}`);
    const res = await reporter.post(`/report/professional?m=${code}`, professionalReport(partial));
    const reference = String(res.headers.location).split('/').pop()!;
    const row = await db
      .selectFrom('report')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    reportIds.push(row.id);
  }
  await clients.get('intakeWorker')!.post(`/intake/reports/${reportIds[1]}/link`, { childId: child.id });
  const linked = await db
    .selectFrom('report')
    .select('case_id')
    .where('id', '=', reportIds[1]!)
    .executeTakeFirstOrThrow();
  const school = await createPartnerOrganisation(db, municipalityId, { kind: 'school' });
  const bup = await createPartnerOrganisation(db, municipalityId, { kind: 'childPsychiatry' });
  const partner = await createUser(db, t.config.secretKey, {
    municipalityId,
    role: 'partnerProfessional',
    partnerOrganisationId: school.id,
  });
  clients.set('partner', await login(t.app, partner));
  const sip = (status: 'draft' | 'active', childId = child.id) =>
    createSip(db, {
      municipalityId,
      childId,
      coordinatorUserId: users.socialWorker.id,
      organisationIds: [school.id],
      status,
      today,
    });
  const request = async () => {
    const row = await db
      .insertInto('sip')
      .values({
        municipality_id: municipalityId,
        status: 'requested',
        requested_by_organisation_id: school.id,
        requested_by_user_id: partner.id,
        requested_child_name: 'Ebba',
        requested_personal_number: guardian.personalNumber,
        request_reason: 'Behöver samordning',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const sips = {
    schoolId: school.id,
    bupId: bup.id,
    draft: await sip('draft'),
    readyDraft: await sip('draft'),
    consentDraft: await sip('draft', (await createPerson(db, municipalityId, { givenName: 'Ensam' })).id),
    readyDraftForApi: await sip('draft'),
    active: await sip('active'),
    activeToRevise: await sip('active'),
    activeToClose: await sip('active'),
    activeToWithdraw: await sip('active'),
    consentToExtend: await createSip(db, {
      municipalityId,
      childId: child.id,
      coordinatorUserId: users.socialWorker.id,
      organisationIds: [school.id, bup.id],
      status: 'draft',
      consent: { organisationIds: [school.id] },
      today,
    }),
    requestToAccept: await request(),
    requestToDecline: await request(),
  };
  const police = await createPartnerOrganisation(db, municipalityId, { kind: 'police' });
  const officer = await createUser(db, t.config.secretKey, {
    municipalityId,
    role: 'partnerProfessional',
    partnerOrganisationId: police.id,
  });
  clients.set('police', await login(t.app, officer));
  const visit = async (consent: boolean) => {
    const row = await db
      .insertInto('joint_visit')
      .values({
        municipality_id: municipalityId,
        report_id: reportIds[1]!,
        case_id: linked.case_id,
        child_id: child.id,
        unit_id: intakeUnit,
        police_organisation_id: police.id,
        police_reference: '5000-K1-26',
        incident_at: new Date('2026-03-12T20:00:00Z'),
        visit_at: new Date('2026-03-12T21:00:00Z'),
        place: 'Hemma',
        social_services_participants: 'Ada Lind',
        police_participants: 'Per Olsson',
        follow_up_on: '2026-03-26',
        follow_up_user_id: users.intakeWorker.id,
        recorded_by: users.intakeWorker.id,
        ...(consent
          ? {
              consent_given_by: 'Mamma',
              consent_given_at: new Date(),
              consent_kinds: ['summary' as const],
              consent_recorded_by: users.intakeWorker.id,
              consent_recorded_at: new Date(),
            }
          : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const visits = {
    policeId: police.id,
    visitWithConsent: await visit(true),
    visitWithoutConsent: await visit(false),
    visitToWithdraw: await visit(true),
  };
  const placement = await placementWorld(db, {
    municipalityId,
    code,
    unitId: investigationUnit,
    workerId: users.socialWorker.id,
    managerId: users.manager.id,
  });
  fixtures = {
    ...sips,
    ...visits,
    placement,
    municipalityCode: code,
    apiToken,
    childId: child.id,
    childName: child.familyName,
    otherChildId: otherChild.id,
    protectedChildId: protectedChild.id,
    guardianNumber: guardian.personalNumber!,
    investigationUnitId: investigationUnit,
    socialWorkerId: users.socialWorker.id,
    reportIds: reportIds as Fixtures['reportIds'],
    caseId: linked.case_id!,
    interventionId: intervention.id,
    exampleId: await createPublishedExample(db, { authorUserId: partner.id, municipalityId, today }),
  };
  await db
    .updateTable('user_account')
    .set({ good_practice_editor: true })
    .where('id', '=', users.manager.id)
    .execute();
});
after(() => t?.close());

/** A case decided with a placement, two registered homes, and two placements made through the form. */
async function placementWorld(
  db: TestApp['db']['db'],
  o: { municipalityId: string; code: string; unitId: string; workerId: string; managerId: string },
): Promise<Fixtures['placement']> {
  const home = await privateHome(db, o.municipalityId, o.code, 'Familjen Ek', {
    investigated: true,
    extracts: true,
    today,
  });
  const other = await privateHome(db, o.municipalityId, o.code, 'Familjen Lind', {
    investigated: true,
    extracts: true,
    today,
  });
  const place = async (overrides: Record<string, string> = {}) => {
    const decided = await decidedPlacementCase(db, {
      municipalityId: o.municipalityId,
      unitId: o.unitId,
      responsibleUserId: o.workerId,
      decidedBy: o.managerId,
      today,
    });
    return { decided, form: placementFormFor(decided, home.id, o.workerId, overrides) };
  };
  const forForm = await place();
  const made = async (overrides: Record<string, string> = {}) => {
    const p = await place(overrides);
    const res = await clients.get('socialWorker')!.post(`/cases/${p.decided.caseId}/placements`, p.form);
    return { id: String(res.headers.location).split('/').pop()!.split('?')[0]!, childId: p.decided.child.id };
  };
  const first = await made();
  return {
    caseId: forForm.decided.caseId,
    form: forForm.form,
    homeId: home.id,
    otherHomeId: other.id,
    carerId: home.carerIds[0]!,
    placementId: first.id,
    childId: first.childId,
    toEndId: (await made()).id,
    lvuId: (await made({ basis: 'lvu2' })).id,
  };
}
