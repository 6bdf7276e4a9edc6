import { addDays } from '../deadlines/calendar.ts';
import { exportJobsSettled } from '../statistics/export-jobs.ts';
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

/** The probes of the joint visits, placements, statistics and good examples (split from the test for size). */
export const laterProbes: Record<string, Probe> = {
  // Joint home visits with the police (src/joint-visits): social services' file and the police's summary.
  'GET /joint-visits': { as: 'intakeWorker', request: (c) => c.get('/joint-visits') },
  'GET /joint-visits/new': {
    as: 'intakeWorker',
    request: (c, f) => c.get(`/joint-visits/new?report=${f.reportIds[1]}`),
  },
  'POST /joint-visits': {
    as: 'intakeWorker',
    request: (c, f) =>
      c.post('/joint-visits', {
        reportId: f.reportIds[1],
        policeOrganisationId: f.policeId,
        policeReference: '5000-K2-26',
        incidentDate: '2026-03-12',
        incidentTime: '20:00',
        visitDate: '2026-03-12',
        visitTime: '21:00',
        place: 'Hemma',
        socialServicesParticipants: 'Ada Lind',
        policeParticipants: 'Per Olsson',
      }),
  },
  'GET /joint-visits/:id': {
    as: 'intakeWorker',
    request: (c, f) => c.get(`/joint-visits/${f.visitWithConsent}`),
  },
  'GET /joint-visits/:id/summary': {
    as: 'police',
    request: (c, f) => c.get(`/joint-visits/${f.visitWithConsent}/summary`),
  },
  'POST /joint-visits/:id/consent': {
    as: 'intakeWorker',
    request: (c, f) =>
      c.post(`/joint-visits/${f.visitWithoutConsent}/consent`, {
        consentGivenBy: 'Pappa',
        consentKinds: 'support',
      }),
  },
  'POST /joint-visits/:id/consent/withdraw': {
    as: 'intakeWorker',
    request: (c, f) =>
      c.post(`/joint-visits/${f.visitToWithdraw}/consent/withdraw`, { withdrawalNote: 'Mamma ringde' }),
  },
  'POST /joint-visits/:id/findings': {
    as: 'intakeWorker',
    request: (c, f) =>
      c.post(`/joint-visits/${f.visitWithConsent}/findings`, {
        childMetAlone: 'yes',
        policeSummary: 'Stöd erbjudet.',
      }),
  },
  'POST /joint-visits/:id/follow-up': {
    as: 'intakeWorker',
    request: (c, f) => c.post(`/joint-visits/${f.visitWithConsent}/follow-up`, { followUpNote: 'Uppföljt.' }),
  },
  'GET /api/v1/joint-visits': { as: 'police', request: (c) => c.get('/api/v1/joint-visits') },
  'GET /api/v1/joint-visits/:id': {
    as: 'police',
    request: (c, f) => c.get(`/api/v1/joint-visits/${f.visitWithConsent}`),
  },
  // Placements (src/placements): the case's decision opens one, then its page and forms.
  'GET /cases/:id/placements/new': {
    as: 'socialWorker',
    request: (c, f) => c.get(`/cases/${f.placement.caseId}/placements/new`),
  },
  'POST /cases/:id/placements': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/cases/${f.placement.caseId}/placements`, f.placement.form),
  },
  'GET /placements': { as: 'socialWorker', request: (c) => c.get('/placements') },
  'GET /placements/:id': {
    as: 'socialWorker',
    request: (c, f) => c.get(`/placements/${f.placement.placementId}`),
  },
  'POST /placements/:id/address': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/placements/${f.placement.placementId}/address`, { reason: 'Hembesök planeras i morgon' }),
  },
  'POST /placements/:id/contacts': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/placements/${f.placement.placementId}/contacts`, {
        on: today,
        kind: 'visit',
        place: 'placementHome',
        outcome: 'made',
        childAlone: 'yes',
        attendedTo: 'health',
      }),
  },
  'GET /placements/:id/reconsideration': {
    as: 'socialWorker',
    request: (c, f) => c.get(`/placements/${f.placement.placementId}/reconsideration`),
  },
  'POST /placements/:id/considerations': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/placements/${f.placement.placementId}/considerations`, {
        considerationKind: 'reconsideration',
        decidedOn: today,
        decidedByKind: 'committee',
        decidedByName: 'Socialnämnden',
      }),
  },
  'POST /placements/:id/steps': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/placements/${f.placement.placementId}/steps`, { stepKind: 'regionNotified', stepOn: today }),
  },
  'POST /placements/:id/move': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/placements/${f.placement.placementId}/move`, {
        moveHomeId: f.placement.otherHomeId,
        moveForm: 'familyHome',
        moveDecidedOn: today,
        moveDecidedByKind: 'committee',
        moveDecidedByName: 'Socialnämnden',
        moveStartedOn: today,
      }),
  },
  'POST /placements/:id/end': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/placements/${f.placement.toEndId}/end`, { endedOn: today, endOutcome: 'returnedHome' }),
  },
  'POST /placements/:id/follow-up': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/placements/${f.placement.toEndId}/follow-up`, { followUpStep: 'start', followUpOn: today }),
  },
  'POST /placements/:id/restrictions': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/placements/${f.placement.lvuId}/restrictions`, {
        restrictionKind: 'whereaboutsSecret',
        restrictionOn: today,
        restrictionByKind: 'subcommittee',
        restrictionByName: 'Individutskottet',
      }),
  },
  'POST /placements/:id/reviews': {
    as: 'socialWorker',
    request: async (c, f) => {
      const restriction = await t.db.db
        .selectFrom('placement_restriction')
        .select('id')
        .where('placement_id', '=', f.placement.lvuId)
        .executeTakeFirstOrThrow();
      return c.post(`/placements/${f.placement.lvuId}/reviews`, {
        subject: restriction.id,
        reviewedOn: today,
        reviewByKind: 'committee',
        reviewByName: 'Socialnämnden',
        reviewOutcome: 'continues',
      });
    },
  },
  'POST /placements/:id/moving-bans': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/placements/${f.placement.placementId}/moving-bans`, {
        appliedOn: today,
        banByKind: 'committee',
        banByName: 'Socialnämnden',
      }),
  },
  'POST /placements/:id/temporary-bans': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/placements/${f.placement.placementId}/temporary-bans`, {
        temporaryOn: today,
        temporaryByKind: 'chair',
        temporaryByName: 'Ordförande Test',
      }),
  },
  'POST /placements/:id/temporary-bans/steps': {
    as: 'socialWorker',
    request: async (c, f) => {
      const ban = await t.db.db
        .selectFrom('placement_temporary_ban')
        .select('id')
        .where('placement_id', '=', f.placement.placementId)
        .executeTakeFirstOrThrow();
      return c.post(`/placements/${f.placement.placementId}/temporary-bans/steps`, {
        banStepId: ban.id,
        banStep: 'submitted',
        banStepOn: today,
      });
    },
  },
  'GET /homes': { as: 'socialWorker', request: (c) => c.get('/homes') },
  'GET /placements/ivo-list': { as: 'manager', request: (c) => c.get(`/placements/ivo-list?year=2026`) },
  'GET /placements/ivo-list.csv': {
    as: 'manager',
    request: (c) => c.get(`/placements/ivo-list.csv?year=2026`),
  },
  'POST /homes': {
    as: 'homeFinder',
    request: (c, f) =>
      c.post('/homes', {
        kind: 'privateHome',
        name: 'Familjen Berg',
        forms: 'familyHome',
        municipalityCode: f.municipalityCode,
      }),
  },
  'GET /homes/:id': { as: 'socialWorker', request: (c, f) => c.get(`/homes/${f.placement.homeId}`) },
  'POST /homes/:id/records': {
    as: 'homeFinder',
    request: (c, f) =>
      c.post(`/homes/${f.placement.homeId}/records`, {
        what: 'training',
        carerId: f.placement.carerId,
        on: today,
      }),
  },
  'GET /api/v1/placements': { as: 'socialWorker', request: (c) => c.get('/api/v1/placements') },
  'GET /api/v1/placements/:id': {
    as: 'socialWorker',
    request: (c, f) => c.get(`/api/v1/placements/${f.placement.placementId}`),
  },
  // Statistics (src/statistics): the rows behind a figure for the unit's manager, and exports.
  'GET /statistics/indicators/:id/rows': {
    as: 'manager',
    request: (c) => c.get('/statistics/indicators/initialAssessmentWithin14Days/rows?period=2026&cell=due'),
  },
  'GET /statistics/export.csv': {
    as: 'manager',
    request: (c) => c.get('/statistics/export.csv?period=2026'),
  },
  'GET /statistics/export.xlsx': {
    as: 'manager',
    request: (c) => c.get('/statistics/export.xlsx?period=2026&table=units'),
  },
  // Workload (src/statistics, issue 17): a worker's own load and self-assessment, the unit's manager.
  'GET /my-workload': { as: 'socialWorker', request: (c) => c.get('/my-workload') },
  'POST /my-workload/assessment': {
    as: 'socialWorker',
    request: (c) => c.post('/my-workload/assessment', { month: today.slice(0, 7), rating: '3' }),
  },
  'GET /statistics/workload': {
    as: 'manager',
    request: (c, f) => c.get(`/statistics/workload?unit=${f.investigationUnitId}`),
  },
  'POST /statistics/workload/profile/:id': {
    as: 'manager',
    request: (c, f) =>
      c.post(`/statistics/workload/profile/${f.socialWorkerId}`, { experienceSince: '2020-01-01', fte: '1' }),
  },
  // The IVO report (src/statistics, 34 kap. SoL): decisions not carried out, named for the manager.
  'GET /statistics/ivo': { as: 'manager', request: (c) => c.get('/statistics/ivo?quarter=2026-Q1') },
  'POST /statistics/ivo/decisions/:caseId/:typeId': {
    as: 'manager',
    request: (c, f) =>
      c.post(
        `/statistics/ivo/decisions/${f.placement.caseId}/${f.placement.form.interventionTypeId}?quarter=2026-Q1`,
        { delayReason: 'Ingen ledig plats ännu.' },
      ),
  },
  'GET /statistics/ivo/report': {
    as: 'manager',
    request: (c) => c.get('/statistics/ivo/report?quarter=2026-Q1'),
  },
  'GET /statistics/ivo/report.csv': {
    as: 'manager',
    request: (c) => c.get('/statistics/ivo/report.csv?quarter=2026-Q1'),
  },
  'POST /statistics/ivo/submit': {
    as: 'manager',
    request: (c) => c.post('/statistics/ivo/submit?quarter=2025-Q4'),
  },
  'GET /statistics/submissions/:id': {
    as: 'manager',
    request: async (c) => {
      const list = await c.get('/statistics/submissions');
      const id =
        /\/statistics\/submissions\/([0-9a-f-]{36})/.exec(list.body)?.[1] ??
        '00000000-0000-4000-8000-000000000000';
      return c.get(`/statistics/submissions/${id}`);
    },
  },
  'GET /statistics/submissions/:id/changes': {
    as: 'manager',
    request: async (c) => {
      const list = await c.get('/statistics/submissions');
      const id =
        /\/statistics\/submissions\/([0-9a-f-]{36})/.exec(list.body)?.[1] ??
        '00000000-0000-4000-8000-000000000000';
      return c.get(`/statistics/submissions/${id}/changes`);
    },
  },
  // The register file to Socialstyrelsen (src/statistics/register-routes.tsx): every child placed.
  'GET /statistics/reporting/register': {
    as: 'manager',
    request: (c) => c.get('/statistics/reporting/register?year=2025'),
  },
  'GET /statistics/reporting/register/file': {
    as: 'manager',
    request: (c) => c.get('/statistics/reporting/register/file?year=2025'),
  },
  'POST /statistics/reporting/register': {
    as: 'manager',
    request: async (c) => {
      const page = await c.get('/statistics/reporting/register?year=2025');
      const sha256 = /name="sha256" value="([0-9a-f]{64})"/.exec(page.body)?.[1] ?? '';
      return c.post('/statistics/reporting/register', { year: '2025', sha256 });
    },
  },
  // Export jobs with a progress page (src/statistics/export-job-routes.tsx).
  'POST /statistics/export-jobs': {
    as: 'manager',
    request: (c) => c.post('/statistics/export-jobs', { table: 'units', format: 'csv', period: '2026' }),
  },
  'GET /statistics/export-jobs/:id/file': {
    as: 'manager',
    request: async (c) => {
      const started = await c.post('/statistics/export-jobs', {
        table: 'summary',
        format: 'xlsx',
        period: '2026',
      });
      await exportJobsSettled();
      return c.get(`${started.headers.location}/file`);
    },
  },
  // Good examples (issue 18): a comment carries the commenter's name and e-mail address, which
  // the moderators' overview shows (audited as comment.readEmail).
  'POST /examples/:id/comments': {
    as: 'anonymous',
    request: async (c, f) => {
      await c.get(`/examples/${f.exampleId}`);
      return c.post(`/examples/${f.exampleId}/comments`, {
        name: 'Lena Holm',
        email: 'lena.holm@example.se',
        body: 'Vi gör likadant.',
      });
    },
  },
  'GET /examples/editor': { as: 'manager', request: (c) => c.get('/examples/editor') },
  // Retention (src/retention): the archivist's dry run, and an approval (nothing is due here, so
  // only the review is audited, at least for the protected child's old report if any is due).
  'GET /retention': { as: 'archivist', request: (c) => c.get('/retention') },
  'POST /retention/runs': {
    as: 'archivist',
    request: async (c) => {
      await c.get('/retention');
      return c.post('/retention/runs', { confirm: 'on' });
    },
  },
  // The people register's country of birth (decision 0118).
  'POST /people/:id/country-of-birth': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/people/${f.childId}/country-of-birth`, { countryOfBirth: 'SE' }),
  },
  // An archived file, by identity number (decision 0117): nothing is archived here, so the
  // search itself is audited (reason notFound).
  'GET /retention/archived': {
    as: 'archivist',
    request: (c, f) => c.get(`/retention/archived?number=${f.guardianNumber}`),
  },
};
