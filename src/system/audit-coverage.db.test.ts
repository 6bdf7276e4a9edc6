import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../deadlines/calendar.ts';
import {
  clients,
  concern,
  fixtures,
  freshNumber,
  municipalityId,
  type Probe,
  professionalReport,
  publicReport,
  t,
  today,
} from '../testing/audit-coverage-setting.ts';
import { laterProbes } from './audit-coverage-probes.ts';
import { routesWithoutPersonalData } from './audit-coverage-public-routes.ts';

/**
 * Every route that returns or changes personal data writes an audit event: this file walks the
 * app's route catalogue, so a new route fails here until it is listed below, either with a request
 * that must be audited or among the routes that show no one's data.
 */

/** In the order a case goes: later probes rely on the steps of the earlier ones. */
const personalDataRoutes: Record<string, Probe> = {
  'GET /': { as: 'socialWorker', request: (c) => c.get('/') },
  'GET /people': { as: 'socialWorker', request: (c, f) => c.get(`/people?q=${f.childName}`) },
  'POST /people': {
    as: 'socialWorker',
    request: (c) => c.post('/people', { givenName: 'Nova', familyName: 'Ny', personalNumber: freshNumber() }),
  },
  'GET /people/:id': { as: 'socialWorker', request: (c, f) => c.get(`/people/${f.childId}`) },
  'POST /people/:id/protected-details': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/people/${f.protectedChildId}/protected-details`, { reason: 'Hembesök planeras i morgon' }),
  },
  'POST /people/:id/guardians': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/people/${f.childId}/guardians`, { guardianNumber: f.guardianNumber }),
  },
  'GET /api/v1/people': { as: 'socialWorker', request: (c, f) => c.get(`/api/v1/people?q=${f.childName}`) },
  'GET /api/v1/people/:id': { as: 'socialWorker', request: (c, f) => c.get(`/api/v1/people/${f.childId}`) },
  'POST /api/v1/people': {
    as: 'socialWorker',
    request: (c) =>
      c.postJson('/api/v1/people', { givenName: 'Vide', familyName: 'Ny', personalNumber: freshNumber() }),
  },
  'POST /report': {
    as: 'anonymous',
    request: async (c, f) => {
      await c.get(`/report?m=${f.municipalityCode}`);
      return c.post(`/report?m=${f.municipalityCode}`, publicReport(f));
    },
  },
  'POST /report/professional': {
    as: 'anonymous',
    request: async (c, f) => {
      await c.get(`/report/professional?m=${f.municipalityCode}`);
      return c.post(`/report/professional?m=${f.municipalityCode}`, professionalReport(f));
    },
  },
  'POST /api/v1/reports': {
    as: 'apiClient',
    request: (c, f) =>
      c.postJson(
        '/api/v1/reports',
        {
          reporterName: 'Bo Läkare',
          reporterOrganisation: 'BUP Sjövik',
          reporterEmail: 'bo.lakare@bup.example',
          childGivenName: 'Ebba',
          childFamilyName: f.childName,
          concern,
        },
        { authorization: `Bearer ${f.apiToken}`, 'x-csrf-token': '' },
      ),
  },
  'GET /intake': { as: 'intakeWorker', request: (c) => c.get('/intake') },
  'GET /intake/reports/:id': {
    as: 'intakeWorker',
    request: (c, f) => c.get(`/intake/reports/${f.reportIds[0]}`),
  },
  'POST /intake/reports/:id/protection': {
    as: 'intakeWorker',
    request: (c, f) =>
      c.post(`/intake/reports/${f.reportIds[0]}/protection`, {
        outcome: 'noImmediateProtection',
        reasoning: 'Barnet är i skolan och bor hos mamma i veckan.',
      }),
  },
  'POST /intake/reports/:id/link': {
    as: 'intakeWorker',
    request: (c, f) => c.post(`/intake/reports/${f.reportIds[0]}/link`, { childId: f.otherChildId }),
  },
  'POST /intake/reports/:id/register-child': {
    as: 'intakeWorker',
    request: (c, f) =>
      c.post(`/intake/reports/${f.reportIds[2]}/register-child`, {
        givenName: 'Ebba',
        familyName: 'Okänd',
        personalNumber: freshNumber(),
      }),
  },
  'GET /cases/:id': { as: 'intakeWorker', request: (c, f) => c.get(`/cases/${f.caseId}`) },
  'POST /cases/:id/initial-assessment': {
    as: 'intakeWorker',
    request: (c, f) =>
      c.post(`/cases/${f.caseId}/initial-assessment`, {
        decision: 'openInvestigation',
        childHeard: 'yes',
        unitId: f.investigationUnitId,
      }),
  },
  'POST /intake/reports/:id/feedback': {
    as: 'intakeWorker',
    request: (c, f) =>
      c.post(`/intake/reports/${f.reportIds[1]}/feedback`, {
        mode: 'sent',
        text: 'Socialtjänsten har inlett en utredning om barnet efter er anmälan.',
      }),
  },
  'POST /cases/:id/assign': {
    as: 'manager',
    request: (c, f) => c.post(`/cases/${f.caseId}/assign`, { responsibleUserId: f.socialWorkerId }),
  },
  'POST /cases/:id/notes': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/cases/${f.caseId}/notes`, { eventDate: today, body: 'Ringde mamma.' }),
  },
  'POST /cases/:id/assessment': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/cases/${f.caseId}/assessment`, {
        needsText: 'Ebba har hög frånvaro.',
        parentsCapacityText: 'Mamma orkar inte.',
        familyEnvironmentText: 'Trångbott.',
      }),
  },
  'POST /cases/:id/childs-voice/waive': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/cases/${f.caseId}/childs-voice/waive`, { waivedReason: 'Ebba ville först inte prata.' }),
  },
  'POST /cases/:id/childs-voice': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/cases/${f.caseId}/childs-voice`, {
        heldOn: today,
        circumstances: 'Enskilt samtal i skolan.',
        account: 'Jag vill bo kvar hemma men vill att det ska bli lugnare.',
      }),
  },
  'POST /cases/:id/extension': {
    as: 'manager',
    request: (c, f) =>
      c.post(`/cases/${f.caseId}/extension`, {
        extendedTo: '2026-08-31',
        extensionReason: 'Utlåtande från BUP dröjer till augusti.',
      }),
  },
  'POST /cases/:id/party-communication': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/cases/${f.caseId}/party-communication`, {
        communicatedOn: today,
        partyNote: 'Utredningen skickad till vårdnadshavarna.',
      }),
  },
  'POST /cases/:id/conclusion': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/cases/${f.caseId}/conclusion`, { conclusionText: 'Inga insatser behövs nu.' }),
  },
  'POST /cases/:id/decision': {
    as: 'manager',
    request: (c, f) =>
      c.post(`/cases/${f.caseId}/decision`, {
        outcome: 'noIntervention',
        decisionText: 'Utredningen avslutas.',
        confirmDecision: 'on',
      }),
  },
  'POST /cases/:id/closure': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/cases/${f.caseId}/closure`, { followUpPlanned: 'on', confirmClose: 'on' }),
  },
  'POST /cases/:id/follow-up': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/cases/${f.caseId}/follow-up`, {
        doneOn: today,
        followUpNote: 'Samtal med mamma, det går bra.',
      }),
  },
  // The case's documents (src/documents): the index, a printed document, the two forms.
  'GET /documents/cases/:id': {
    as: 'socialWorker',
    request: (c, f) => c.get(`/documents/cases/${f.caseId}`),
  },
  'GET /documents/cases/:id/:kind/:recipientKind/:recipientId': {
    as: 'socialWorker',
    request: async (c, f) => {
      const index = await c.get(`/documents/cases/${f.caseId}`);
      const href = /href="(\/documents\/cases\/[0-9a-f-]+\/[a-zA-Z]+\/(?:person|report)\/[0-9a-f-]+)"/.exec(
        index.body,
      );
      assert.ok(href, 'the case has a document to print');
      return c.get(href[1]!);
    },
  },
  'POST /documents/cases/:id/details': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/documents/cases/${f.caseId}/details`, { application: 'none', proposal: 'Avsluta.' }),
  },
  'POST /documents/cases/:id/dispatches': {
    as: 'socialWorker',
    request: async (c, f) => {
      const index = await c.get(`/documents/cases/${f.caseId}`);
      const option = /<option value="([a-zA-Z]+\|(?:person|report):[0-9a-f-]+)"/.exec(index.body);
      assert.ok(option, 'the case has a document to record as sent');
      return c.post(`/documents/cases/${f.caseId}/dispatches`, {
        document: option[1]!,
        method: 'letter',
        sentOn: today,
      });
    },
  },
  'GET /worklist': { as: 'socialWorker', request: (c) => c.get('/worklist') },
  'GET /worklist/unit': { as: 'manager', request: (c) => c.get('/worklist/unit') },
  // The working day (src/workday): each case shown in a list is audited.
  'GET /my-cases': { as: 'socialWorker', request: (c) => c.get('/my-cases?status=all') },
  'GET /my-cases/unit': { as: 'manager', request: (c) => c.get('/my-cases/unit?status=all') },
  'GET /cases/search': { as: 'socialWorker', request: (c, f) => c.get(`/cases/search?q=${f.childName}`) },
  'GET /notifications': { as: 'socialWorker', request: (c) => c.get('/notifications') },
  'POST /notifications/:id/read': {
    as: 'socialWorker',
    request: async (c, f) => {
      const note = await t.db.db
        .insertInto('workday_notification')
        .values({
          municipality_id: municipalityId,
          user_id: f.socialWorkerId,
          kind: 'caseAssigned',
          case_id: f.caseId,
          child_id: f.childId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return c.post(`/notifications/${note.id}/read`, { back: 'list' });
    },
  },
  'POST /notifications/read-all': {
    as: 'socialWorker',
    request: (c) => c.post('/notifications/read-all', {}),
  },
  'GET /calendar': { as: 'socialWorker', request: (c) => c.get('/calendar') },
  'POST /calendar/appointments': {
    as: 'socialWorker',
    request: (c) =>
      c.post('/calendar/appointments', { kind: 'visit', date: today, start: '9:30', end: '10:30' }),
  },
  'POST /calendar/appointments/:id/cancel': {
    as: 'socialWorker',
    request: async (c, f) => {
      const booked = await t.db.db
        .insertInto('calendar_appointment')
        .values({
          municipality_id: municipalityId,
          user_id: f.socialWorkerId,
          kind: 'meeting',
          starts_at: new Date(`${today}T12:00:00Z`),
          ends_at: new Date(`${today}T13:00:00Z`),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return c.post(`/calendar/appointments/${booked.id}/cancel`, { confirm: 'on' });
    },
  },
  'POST /calendar/feed': { as: 'socialWorker', request: (c) => c.post('/calendar/feed', { confirm: 'on' }) },
  'POST /calendar/feed/revoke': {
    as: 'socialWorker',
    request: (c) => c.post('/calendar/feed/revoke', { confirm: 'on' }),
  },
  'GET /log-review': { as: 'manager', request: (c, f) => c.get(`/log-review?person=${f.childId}`) },
  // Coordinated individual plans (src/sip): every view and write is about the child.
  'GET /sips': { as: 'socialWorker', request: (c) => c.get('/sips') },
  'POST /sips': { as: 'socialWorker', request: (c, f) => c.post('/sips', { childId: f.childId }) },
  'POST /sips/requests': {
    as: 'partner',
    request: (c) =>
      c.post('/sips/requests', {
        childName: 'Nova',
        personalNumber: freshNumber(),
        reason: 'Behöver samordning',
        guardiansAgree: 'on',
      }),
  },
  'GET /sips/:id': { as: 'partner', request: (c, f) => c.get(`/sips/${f.active.id}`) },
  'GET /sips/:id/print': { as: 'socialWorker', request: (c, f) => c.get(`/sips/${f.active.id}/print`) },
  'POST /sips/:id/accept': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/sips/${f.requestToAccept}/accept`, { personalNumber: f.guardianNumber }),
  },
  'POST /sips/:id/decline': {
    as: 'manager',
    request: (c, f) => c.post(`/sips/${f.requestToDecline}/decline`, { declineNote: 'Behovet täcks redan' }),
  },
  'GET /sips/:id/plan': { as: 'socialWorker', request: (c, f) => c.get(`/sips/${f.draft.id}/plan`) },
  'POST /sips/:id/plan': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/sips/${f.draft.id}/plan`, { meetingPlace: 'Skolan' }),
  },
  'POST /sips/:id/participants': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/sips/${f.draft.id}/participants`, { organisationId: f.bupId }),
  },
  'POST /sips/:id/participants/:organisationId/remove': {
    as: 'manager',
    request: async (c, f) => {
      // The school is responsible for an action in the draft; remove that first.
      const schoolAction = f.draft.actions.find((a) => a.responsible_organisation_id === f.schoolId)!;
      await c.post(`/sips/${f.draft.id}/actions/${schoolAction.id}/remove`);
      return c.post(`/sips/${f.draft.id}/participants/${f.schoolId}/remove`);
    },
  },
  'POST /sips/:id/needs': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/sips/${f.draft.id}/needs`, { needArea: 'goodHealth', needDescription: 'Sömn' }),
  },
  'POST /sips/:id/goals': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/sips/${f.draft.id}/goals`, { goalArea: 'safetyAtHome', goal: 'Lugna kvällar' }),
  },
  'POST /sips/:id/actions': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/sips/${f.draft.id}/actions`, {
        actionDescription: 'Hembesök',
        responsible: f.draft.socialServicesId,
        dueOn: '2099-01-01',
      }),
  },
  'POST /sips/:id/needs/:itemId/remove': {
    as: 'socialWorker',
    request: async (c, f) => {
      const need = await t.db.db
        .selectFrom('sip_need')
        .select('id')
        .where('sip_id', '=', f.draft.id)
        .executeTakeFirstOrThrow();
      return c.post(`/sips/${f.draft.id}/needs/${need.id}/remove`);
    },
  },
  'POST /sips/:id/goals/:itemId/remove': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/sips/${f.draft.id}/goals/${f.draft.goalId}/remove`),
  },
  'POST /sips/:id/actions/:itemId/remove': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/sips/${f.draft.id}/actions/${f.draft.actions[0]!.id}/remove`),
  },
  'POST /sips/:id/actions/:actionId/status': {
    as: 'partner',
    request: (c, f) => {
      const own = f.active.actions.find((a) => a.responsible_organisation_id === f.schoolId)!;
      return c.post(`/sips/${f.active.id}/actions/${own.id}/status`, { status: 'ongoing' });
    },
  },
  'GET /sips/:id/consent': {
    as: 'socialWorker',
    request: (c, f) => c.get(`/sips/${f.consentDraft.id}/consent`),
  },
  'POST /sips/:id/consent': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/sips/${f.consentDraft.id}/consent`, {
        givenOn: today,
        validUntil: addDays(today, 100),
        guardiansNote: 'God man Anna Berg',
        childsView: 'agrees',
      }),
  },
  'POST /sips/:id/consent/extend': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/sips/${f.consentToExtend.id}/consent/extend`, { organisationId: f.bupId }),
  },
  'POST /sips/:id/consent/withdraw': {
    as: 'partner',
    request: (c, f) =>
      c.post(`/sips/${f.activeToWithdraw.id}/consent/withdraw`, { withdrawalNote: 'Mamma sa nej i telefon' }),
  },
  'POST /sips/:id/agreement': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/sips/${f.readyDraft.id}/agreement`),
  },
  'POST /sips/:id/revise': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/sips/${f.activeToRevise.id}/revise`),
  },
  'GET /sips/:id/follow-up': {
    as: 'socialWorker',
    request: (c, f) => c.get(`/sips/${f.active.id}/follow-up`),
  },
  'POST /sips/:id/follow-up': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/sips/${f.active.id}/follow-up`, {
        heldOn: today,
        nextFollowUpOn: addDays(today, 60),
        ...Object.fromEntries(f.active.actions.map((a) => [`status-${a.id}`, 'ongoing'])),
      }),
  },
  'POST /sips/:id/close': {
    as: 'manager',
    request: (c, f) =>
      c.post(`/sips/${f.activeToClose.id}/close`, { reason: 'goalsMet', confirmClose: 'on' }),
  },
  'GET /api/v1/sips': { as: 'partner', request: (c) => c.get('/api/v1/sips') },
  'GET /api/v1/sips/:id': { as: 'partner', request: (c, f) => c.get(`/api/v1/sips/${f.active.id}`) },
  'POST /api/v1/sips/:id/agreement': {
    as: 'partner',
    request: (c, f) => c.postJson(`/api/v1/sips/${f.readyDraftForApi.id}/agreement`, {}),
  },
  'POST /api/v1/sips/:id/actions/:actionId/status': {
    as: 'partner',
    request: (c, f) => {
      const own = f.active.actions.find((a) => a.responsible_organisation_id === f.schoolId)!;
      return c.postJson(`/api/v1/sips/${f.active.id}/actions/${own.id}/status`, { status: 'done' });
    },
  },
  // Unaccompanied minors (src/placements); the placements' other probes are in audit-coverage-probes.ts.
  'GET /unaccompanied/:childId': {
    as: 'socialWorker',
    request: (c, f) => c.get(`/unaccompanied/${f.placement.childId}`),
  },
  'POST /unaccompanied/:childId': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/unaccompanied/${f.placement.childId}`, { arrivedOn: today, guardianName: 'Anna Berg' }),
  },
  ...laterProbes,
};

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

async function allowedEvents() {
  const row = await t.db.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('outcome', '=', 'allowed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('audit coverage of the route catalogue', () => {
  it('knows every route: each is either probed below or listed as showing no personal data', () => {
    const unknown = t.app.routeCatalogue
      .map(routeKey)
      .filter((key) => !(key in personalDataRoutes) && !routesWithoutPersonalData.has(key));
    assert.deepEqual(unknown, [], 'new routes must be classified in this test');
  });

  it('marks exactly the probed routes as personal data', () => {
    const marked = t.app.routeCatalogue
      .filter((r) => r.personalData)
      .map(routeKey)
      .sort();
    assert.deepEqual(marked, Object.keys(personalDataRoutes).sort());
  });

  for (const [key, probe] of Object.entries(personalDataRoutes)) {
    it(`writes an audit event for ${key}`, async () => {
      const before = await allowedEvents();
      const response = await probe.request(clients.get(probe.as)!, fixtures);
      assert.ok(
        response.statusCode < 400,
        `${key} answered ${response.statusCode}: ${(response as { body?: string }).body?.slice(0, 300)}`,
      );
      assert.ok((await allowedEvents()) > before, `${key} wrote no audit event`);
    });
  }
});
