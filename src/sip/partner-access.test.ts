import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Action,
  type Actor,
  actionResourceType,
  actions,
  type ConsentContext,
  decide,
  type Resource,
  type SipContext,
} from '../access.ts';
import { casePhases } from '../cases/schema.ts';
import { type PartnerKind, protectedIdentityLevels } from '../platform/db/schema.ts';
import { type SipInformationKind, sipInformationKinds, sipStatuses } from './schema.ts';

/**
 * The access matrix of partners against every resource of the system. The policy is asked about
 * every action on every sample of every resource type, for partners of every kind, with and
 * without an organisation and administration rights; the answer must match the few cells written
 * out below, and nothing else may be open. A new action or resource type joins the matrix by itself
 * (resource types through the exhaustive switch), so a leak cannot slip in unnoticed.
 */

const home = 'municipality-home';
const away = 'municipality-away';
const own = 'org-own';
const other = 'org-other';
const asOf = '2026-03-10';

const validConsent: ConsentContext = {
  givenOn: '2026-03-01',
  validUntil: '2026-09-30',
  withdrawn: false,
  organisationIds: ['org-social', own],
  informationKinds: ['plan', 'needs'],
};

const consents: Record<string, ConsentContext | null> = {
  valid: validConsent,
  none: null,
  withdrawn: { ...validConsent, withdrawn: true },
  expired: { ...validConsent, validUntil: '2026-03-09' },
  notYet: { ...validConsent, givenOn: '2026-03-11' },
  otherOrganisation: { ...validConsent, organisationIds: ['org-social', other] },
  planOnly: { ...validConsent, informationKinds: ['plan'] },
};

interface Sample {
  label: string;
  resource: Resource;
}

function sipSamples(municipalityId: string): Sample[] {
  const samples: Sample[] = [];
  for (const status of sipStatuses)
    for (const [consentName, consent] of Object.entries(consents))
      for (const participants of [
        ['org-social', own],
        ['org-social', other],
      ])
        for (const requestedBy of [null, own, other])
          for (const kind of [...sipInformationKinds, 'request'] as const) {
            const sip: SipContext = {
              status,
              coordinatorUserId: 'someone',
              participantOrganisationIds: participants,
              requestedByOrganisationId: requestedBy,
              consent,
              asOf,
            };
            samples.push({
              label: `sip ${municipalityId} ${status} consent=${consentName} parties=${participants.join('+')} requestedBy=${requestedBy} kind=${kind}`,
              resource: { type: 'sip', municipalityId, sip, informationKind: kind },
            });
          }
  return samples;
}

/** Every resource type, in every shape that matters. A new type fails to compile here until added. */
function samplesOf(type: Resource['type'], municipalityId: string): Sample[] {
  const one = (resource: Resource): Sample[] => [{ label: `${type} ${municipalityId}`, resource }];
  switch (type) {
    case 'personRegister':
      return one({ type, municipalityId });
    case 'person':
      return protectedIdentityLevels.map((level) => ({
        label: `person ${municipalityId} ${level}`,
        resource: { type, municipalityId, protectedIdentity: level },
      }));
    case 'auditLog':
      return one({ type, municipalityId });
    case 'administration':
      return one({ type, municipalityId });
    case 'statistics':
    case 'retention':
      return one({ type, municipalityId });
    case 'statisticsUnit':
      return [null, 'unit-a'].map((unitId) => ({
        label: `statisticsUnit ${municipalityId} ${unitId}`,
        resource: { type, municipalityId, unitId: unitId ?? 'unit-other' },
      }));
    case 'partnerOrganisation':
      return [own, other].map((organisationId) => ({
        label: `partnerOrganisation ${municipalityId} ${organisationId}`,
        resource: { type, municipalityId, organisationId },
      }));
    case 'sipRegister':
      return one({ type, municipalityId });
    case 'sip':
      return sipSamples(municipalityId);
    case 'reportIntake':
      return one({ type, municipalityId });
    case 'reportRegister':
      return one({ type, municipalityId });
    case 'report':
    case 'case':
      // Cases of every phase, held by every unit and responsible person there is to be.
      return (['new', ...casePhases] as const).flatMap((phase) =>
        [null, 'partner-school', 'someone'].map((responsibleUserId) => ({
          label: `${type} ${municipalityId} ${phase} responsible=${responsibleUserId}`,
          resource: {
            type,
            municipalityId,
            case: { unitIds: ['unit-a', 'unit-b'], responsibleUserId, phase },
          },
        })),
      );
    case 'guide':
      return [null, 'partner-school'].map((lastEditedBy) => ({
        label: `guide ${municipalityId} lastEditedBy=${lastEditedBy}`,
        resource: { type, municipalityId, lastEditedBy },
      }));
    case 'worklist':
      return [null, 'unit-a'].map((unitId) => ({
        label: `worklist ${municipalityId} ${unitId}`,
        resource: { type, municipalityId, unitId },
      }));
    case 'caseList':
      return [null, 'unit-a'].map((unitId) => ({
        label: `caseList ${municipalityId} ${unitId}`,
        resource: { type, municipalityId, unitId },
      }));
    case 'ownWorkday':
      // Even their own notifications and calendar: a partner has no working day in the case file.
      return ['partner-school', 'partner-police', 'someone'].map((userId) => ({
        label: `ownWorkday ${municipalityId} ${userId}`,
        resource: { type, municipalityId, userId },
      }));
    case 'jointVisitRegister':
      return [null, 'unit-a'].map((unitId) => ({
        label: `jointVisitRegister ${municipalityId} ${unitId}`,
        resource: { type, municipalityId, unitId },
      }));
    case 'jointVisit':
      // Visits with the partner's own organisation as the police and with another, with and
      // without the family's consent, recorded by someone or by a partner's user id.
      return [own, other].flatMap((policeOrganisationId) =>
        [null, { withdrawn: false }, { withdrawn: true }].flatMap((consent) =>
          [null, 'partner-police'].map((recordedBy) => ({
            label: `jointVisit ${municipalityId} police=${policeOrganisationId} consent=${JSON.stringify(consent)} recordedBy=${recordedBy}`,
            resource: {
              type,
              municipalityId,
              visit: {
                case: { unitIds: ['unit-a'], responsibleUserId: 'partner-police', phase: 'investigation' },
                recordedBy,
                policeOrganisationId,
                consent,
              },
            },
          })),
        ),
      );
    case 'placementRegister':
      return [null, 'unit-a'].map((unitId) => ({
        label: `placementRegister ${municipalityId} ${unitId}`,
        resource: { type, municipalityId, unitId },
      }));
    case 'workerLoad':
      // Even a partner's own user id as the worker gives nothing of the workload (issue 17).
      return [null, 'unit-a'].flatMap((unitId) =>
        ['partner-school', 'someone'].map((workerId) => ({
          label: `workerLoad ${municipalityId} ${workerId} ${unitId}`,
          resource: { type, municipalityId, workerId, unitId },
        })),
      );
    case 'placement':
      // Even a placement that names the partner's user as its worker stays closed to a partner.
      return [null, 'partner-school', 'someone'].flatMap((worker) =>
        [null, 'partner-school'].map((responsibleUserId) => ({
          label: `placement ${municipalityId} designated=${worker} responsible=${responsibleUserId}`,
          resource: {
            type,
            municipalityId,
            placement: { unitIds: ['unit-a'], responsibleUserId, designatedWorkerId: worker },
          },
        })),
      );
    case 'homeRegister':
      return [[], ['unit-a']].map((homeFindingUnitIds) => ({
        label: `homeRegister ${municipalityId} ${homeFindingUnitIds.join('+')}`,
        resource: { type, municipalityId, homeFindingUnitIds },
      }));
    case 'goodPractice':
      return ([null, 'draft', 'inReview', 'published'] as const).flatMap((state) =>
        [null, 'partner-school', 'someone'].flatMap((authorUserId) =>
          [`o:${own}`, `o:${other}`, `m:${municipalityId}`].flatMap((authorOrganisationKey) =>
            [true, false].map((actorIsEditor) => ({
              label: `goodPractice ${municipalityId} ${state} author=${authorUserId} org=${authorOrganisationKey} editor=${actorIsEditor}`,
              resource: { type, municipalityId, state, authorUserId, authorOrganisationKey, actorIsEditor },
            })),
          ),
        ),
      );
    case 'exampleComments':
      return one({ type, municipalityId });
    case 'forum':
      return [[], [own], [other]].flatMap((memberOrganisationIds) =>
        [
          [],
          [{ userId: 'partner-school', role: 'chair' }],
          [{ userId: 'partner-school', role: 'member' }],
          [{ userId: 'someone', role: 'chair' }],
        ].map((representatives) => ({
          label: `forum ${municipalityId} members=${memberOrganisationIds.join('+')} reps=${JSON.stringify(representatives)}`,
          resource: {
            type,
            municipalityId,
            memberOrganisationIds,
            representatives,
            actorOrganisationId: own,
          },
        })),
      );
    case 'actionPlan':
      return [[], [own], [other], [own, other]].flatMap((organisationIds) =>
        [null, own, other].map((measureOwnerId) => ({
          label: `actionPlan ${municipalityId} parties=${organisationIds.join('+')} owner=${measureOwnerId}`,
          resource: { type, municipalityId, organisationIds, measureOwnerId },
        })),
      );
    default: {
      const unhandled: never = type;
      throw new Error(`no samples for resource type ${String(unhandled)}`);
    }
  }
}

const resourceTypes = [...new Set(actions.map(actionResourceType))];
const samples = resourceTypes.flatMap((type) => [...samplesOf(type, home), ...samplesOf(type, away)]);

function partner(kind: PartnerKind, overrides: Partial<Actor> = {}): Actor {
  return {
    userId: `partner-${kind}`,
    municipalityId: home,
    role: 'partnerProfessional',
    unitId: null,
    displayName: 'Partner',
    organisation: 'Own organisation',
    partnerKind: kind,
    partnerOrganisationId: own,
    administersOrganisation: false,
    secondFactorDone: true,
    ...overrides,
  };
}

/**
 * The only cells open to a partner, written from the law rather than from the code: a party to an
 * open plan sees it (and agrees, reports its actions, records a withdrawal) while a consent in
 * force names its organisation and the kind of information; it sees its own request; it may ask
 * for a plan; its administrators manage its own users. All in its own municipality.
 */
function expectedOpen(actor: Actor, action: Action, resource: Resource): boolean {
  // Anyone may file a concern report and ask how far it has come, in any municipality: partners
  // are mandatory reporters. The receipt's reference is all that comes back.
  if (resource.type === 'reportIntake') return action === 'report.submit' || action === 'report.checkStatus';
  // Anyone may comment on a published good example (held for moderation).
  if (resource.type === 'exampleComments') return action === 'comment.post';
  if (resource.municipalityId !== actor.municipalityId || !actor.partnerOrganisationId) return false;
  const org = actor.partnerOrganisationId;
  switch (resource.type) {
    case 'sipRegister':
      return action === 'sip.request';
    case 'partnerOrganisation':
      return (
        action === 'partnerOrganisation.manageUsers' &&
        !!actor.administersOrganisation &&
        resource.organisationId === org
      );
    case 'sip': {
      const partyActions: Action[] = [
        'sip.read',
        'sip.agree',
        'sip.withdrawConsent',
        'sip.reportActionStatus',
      ];
      if (resource.informationKind === 'request')
        return action === 'sip.read' && resource.sip.requestedByOrganisationId === org;
      if (!partyActions.includes(action)) return false;
      const c = resource.sip.consent;
      const inForce = !!c && !c.withdrawn && c.givenOn <= asOf && asOf <= c.validUntil;
      return (
        resource.sip.participantOrganisationIds.includes(org) &&
        resource.sip.status !== 'closed' &&
        inForce &&
        c.organisationIds.includes(org) &&
        c.informationKinds.includes(resource.informationKind as SipInformationKind)
      );
    }
    case 'forum': {
      // A forum is open to its members: a named representative, or anyone of a member organisation.
      const representative = resource.representatives.find((r) => r.userId === actor.userId);
      const member = representative !== undefined || resource.memberOrganisationIds.includes(org);
      if (!member || !action.startsWith('forum.') || action === 'forum.create') return false;
      if (action === 'forum.record')
        return ['chair', 'viceChair', 'secretary'].includes(representative?.role ?? '');
      if (action === 'forum.approve') return ['chair', 'viceChair'].includes(representative?.role ?? '');
      return true;
    }
    case 'jointVisitRegister':
      // The police list the summaries of their visits; no partner sees the unit's figures.
      return action === 'jointVisit.listSummaries' && actor.partnerKind === 'police';
    case 'jointVisit': {
      // The police that took part read the summary while the family's consent holds; nothing else.
      const v = resource.visit;
      return (
        action === 'jointVisit.readSummary' &&
        actor.partnerKind === 'police' &&
        v.policeOrganisationId === org &&
        !!v.consent &&
        !v.consent.withdrawn
      );
    }
    case 'actionPlan':
      // A plan is read by the organisations taking part; a measure is moved by the one owning it.
      if (!resource.organisationIds.includes(org)) return false;
      return action === 'plan.read' || (action === 'plan.updateMeasure' && resource.measureOwnerId === org);
    case 'goodPractice': {
      // Good examples hold no one's personal data: a partner shares what its organisation did,
      // and an editor among them reviews what another organisation wrote.
      const isAuthor = resource.authorUserId === actor.userId;
      if (action === 'example.write') return resource.state === null || isAuthor;
      if (action === 'example.readUnpublished' || action === 'example.withdraw')
        return isAuthor || resource.actorIsEditor;
      if (action === 'example.review')
        return resource.actorIsEditor && !isAuthor && resource.authorOrganisationKey !== `o:${org}`;
      return action === 'comment.moderate' && resource.actorIsEditor;
    }
    default:
      return false;
  }
}

const partners: [string, Actor][] = [
  ...(['school', 'healthCare', 'dentalCare', 'police'] as const).map(
    (k) => [k, partner(k)] as [string, Actor],
  ),
  ['administrator of own organisation', partner('healthCare', { administersOrganisation: true })],
  ['without organisation', partner('school', { partnerOrganisationId: null })],
  [
    'without organisation but flagged as administrator',
    partner('school', { partnerOrganisationId: null, administersOrganisation: true }),
  ],
  ['before the second factor', partner('school', { secondFactorDone: false })],
];

describe('the access matrix of partners against every resource of the system', () => {
  it('has samples for every resource type the policy knows', () => {
    const sampled = new Set(samples.map((s) => s.resource.type));
    assert.deepEqual([...sampled].sort(), [...resourceTypes].sort());
  });

  for (const [name, actor] of partners) {
    it(`opens to a partner (${name}) exactly the cells of a party with consent, and nothing else`, () => {
      const leaks: string[] = [];
      const missing: string[] = [];
      let open = 0;
      for (const action of actions)
        for (const { label, resource } of samples) {
          const allowed = decide(actor, action, resource).allowed;
          const isPublic =
            action === 'report.submit' || action === 'report.checkStatus' || action === 'comment.post';
          const expected = (actor.secondFactorDone || isPublic) && expectedOpen(actor, action, resource);
          if (allowed) open++;
          if (allowed && !expected) leaks.push(`${action} on ${label}`);
          if (!allowed && expected) missing.push(`${action} on ${label}`);
        }
      assert.deepEqual(leaks, [], 'cells open that must be closed');
      assert.deepEqual(missing, [], 'cells closed that the law opens');
      if (actor.partnerOrganisationId && actor.secondFactorDone)
        assert.ok(open > 0, 'the test reaches open cells');
    });
  }

  it('never lets a partner touch the social services file: people, reports, cases, worklists, placements, homes, the log', () => {
    const file = samples.filter((s) =>
      [
        'personRegister',
        'person',
        'auditLog',
        'administration',
        'statistics',
        'statisticsUnit',
        'reportRegister',
        'report',
        'case',
        'worklist',
        'placementRegister',
        'placement',
        'homeRegister',
      ].includes(s.resource.type),
    );
    for (const [, actor] of partners)
      for (const action of actions)
        for (const { label, resource } of file)
          assert.equal(decide(actor, action, resource).allowed, false, `${action} on ${label}`);
  });
});
