import type { Kysely } from 'kysely';
import { isIsoDate } from '../../deadlines/calendar.ts';
import { type AccessScope, type RequestContext, withAccess } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import { decisionMakerKinds } from '../model.ts';
import { type LoadedPlacement, loadPlacements } from '../queries/facts.ts';
import {
  assembleReconsideration,
  type NoteEntry,
  type PlanChange,
  type SipFollowUp,
} from '../reconsideration.ts';
import type { ConsiderationKind } from '../schedule.ts';
import { considerationRefusals, custodyTransferFactors } from '../validation.ts';
import {
  authorizeLookup,
  type FieldCodes,
  failed,
  type Outcome,
  placementAudit,
  placementResource,
} from './scope.ts';

/**
 * The reconsideration document prefilled with everything since the last one (visits, private
 * talks, plan changes, the case's notes, SIP follow-ups), and the committee's decision on it: a
 * consideration decided by an official is refused (30 kap. 6 § SoL), so is a custody transfer
 * without the five factors of 22 kap. 14 § (docs/decisions/0078).
 */

const considerationKinds = ['reconsideration', 'lvuReview', 'custodyTransfer', 'movingBan'] as const;

async function prefill(scope: AccessScope, p: LoadedPlacement) {
  const m = scope.actor.municipalityId;
  const planSteps = new Set(['carePlanEstablished', 'carePlanRevised', 'implementationPlanEstablished']);
  const planChanges: PlanChange[] = p.steps
    .filter((s) => planSteps.has(s.kind))
    .map((s) => ({
      on: s.on,
      plan: s.kind === 'implementationPlanEstablished' ? 'implementationPlan' : 'carePlan',
      summary: s.note,
    }));
  const [notes, followUps] = await Promise.all([
    p.row.case_id
      ? scope.db
          .selectFrom('case_note')
          .select(['id', 'event_date', 'body'])
          .where('municipality_id', '=', m)
          .where('case_id', '=', p.row.case_id)
          .orderBy('event_date')
          .execute()
      : Promise.resolve([]),
    scope.db
      .selectFrom('sip_follow_up as f')
      .innerJoin('sip as s', (j) =>
        j.onRef('s.municipality_id', '=', 'f.municipality_id').onRef('s.id', '=', 'f.sip_id'),
      )
      .select(['f.sip_id', 'f.held_on', 'f.note'])
      .where('f.municipality_id', '=', m)
      .where('s.child_id', '=', p.row.child_id)
      .orderBy('f.held_on')
      .execute(),
  ]);
  return {
    planChanges,
    notes: notes.map(
      (n): NoteEntry => ({ id: n.id, on: n.event_date, title: n.body.split('\n')[0]!.slice(0, 200) }),
    ),
    sipFollowUps: followUps.map((f): SipFollowUp => ({ sipId: f.sip_id, on: f.held_on, summary: f.note })),
  };
}

/** The document for the committee's meeting on `meetingOn`, audited as a read of the placement. */
export async function readReconsideration(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  meetingOn: string,
) {
  return withAccess(db, context, async (scope) => {
    const [p] = await loadPlacements(scope, [id]);
    if (!p) {
      authorizeLookup(scope);
      return null;
    }
    const audit = placementAudit(p, 'placementConsideration.print');
    scope.authorize('placement.read', placementResource(p), { audit });
    const result = assembleReconsideration({
      facts: p.facts,
      contacts: p.contacts,
      meetingOn,
      ...(await prefill(scope, p)),
    });
    await scope.audit(audit);
    return { placement: p, result, meetingOn };
  });
}
export type ReconsiderationView = NonNullable<Awaited<ReturnType<typeof readReconsideration>>>;

type Values = Record<string, string | string[] | undefined>;
const s = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/** The committee's decision: recorded with its maker, refused for an official. */
export async function recordConsideration(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  body: Values,
  today: string,
): Promise<Outcome | null> {
  return withAccess(db, context, async (scope) => {
    const [p] = await loadPlacements(scope, [id], true);
    if (!p) {
      authorizeLookup(scope);
      return null;
    }
    const audit = placementAudit(p, 'placementConsideration.create');
    scope.authorize('placement.recordConsideration', placementResource(p), { audit });
    const errors: FieldCodes = {};
    const kind = considerationKinds.find((k) => k === s(body.considerationKind)) as
      | ConsiderationKind
      | undefined;
    const makerKind = decisionMakerKinds.find((k) => k === s(body.decidedByKind));
    const name = s(body.decidedByName)?.trim() ?? '';
    const decidedOn = s(body.decidedOn);
    if (!kind) errors.considerationKind = 'invalidChoice';
    if (!makerKind) errors.decidedByKind = 'invalidChoice';
    if (!name) errors.decidedByName = 'required';
    if (!decidedOn) errors.decidedOn = 'required';
    else if (!isIsoDate(decidedOn)) errors.decidedOn = 'dateInvalid';
    if (Object.keys(errors).length || !kind || !makerKind || !decidedOn) return failed(errors);
    const factors = Object.fromEntries(
      custodyTransferFactors.map((f) => [f, s(body[`factor-${f}`])?.trim() ?? '']),
    );
    const refusals = considerationRefusals(
      { kind, decidedOn, decidedBy: { kind: makerKind, name }, factors },
      p.placement,
      today,
    );
    if (refusals.length) {
      const fields: FieldCodes = {};
      for (const r of refusals) {
        const at = r.at ?? '_form';
        const field = at.startsWith('factors.')
          ? `factor-${at.slice(8)}`
          : at === 'kind'
            ? 'considerationKind'
            : at;
        fields[field] ??= r.code;
      }
      return failed(fields);
    }
    const assembled =
      kind === 'reconsideration' || kind === 'lvuReview'
        ? assembleReconsideration({
            facts: p.facts,
            contacts: p.contacts,
            meetingOn: decidedOn,
            ...(await prefill(scope, p)),
          })
        : null;
    await scope.db
      .insertInto('placement_consideration')
      .values({
        municipality_id: p.row.municipality_id,
        placement_id: p.row.id,
        kind,
        decided_on: decidedOn,
        decided_by_kind: makerKind,
        decided_by_name: name,
        protocol_reference: s(body.protocolReference)?.trim() ?? '',
        factors: kind === 'custodyTransfer' ? factors : null,
        conclusion: s(body.conclusion)?.trim() ?? '',
        document: assembled?.ok ? JSON.stringify(assembled.document) : null,
        created_by: scope.actor.userId,
      })
      .execute();
    await scope.audit(audit);
    return { ok: true };
  });
}
