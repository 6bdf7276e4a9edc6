import type { AccessScope } from '../../platform/access/scope.ts';
import { todayInSweden } from '../../platform/dates.ts';
import type { ProtectedIdentity } from '../../platform/db/schema.ts';
import type { PlacementContext } from '../access.ts';
import type { ContactRecord } from '../contacts.ts';
import type { DecisionMakerKind, Placement } from '../model.ts';
import type { ConsiderationKind, Restriction, ScheduleFacts } from '../schedule.ts';
import type { PlacementRow, StepKind } from '../schema.ts';
import type { RecordedTemporaryBan } from '../temporary-ban-steps.ts';

/**
 * A placement read from its tables into the core's plain records (src/placements/model.ts,
 * schedule.ts): one query per table for any number of placements, so a list costs the same few
 * statements as one page.
 */

export interface StepRecord {
  id: string;
  kind: StepKind;
  on: string;
  extendedTo: string | null;
  homeId: string | null;
  note: string;
}

export interface LoadedPlacement {
  row: PlacementRow;
  child: {
    id: string;
    givenName: string;
    familyName: string;
    personalNumber: string | null;
    birthDate: string;
    protectedIdentity: ProtectedIdentity;
  };
  caseResponsibleId: string | null;
  caseUnitId: string | null;
  placement: Placement;
  facts: ScheduleFacts;
  contacts: (ContactRecord & { note: string; recordedByName: string })[];
  steps: StepRecord[];
  considerations: {
    id: string;
    kind: ConsiderationKind;
    decidedOn: string;
    decidedByKind: string;
    decidedByName: string;
    protocolReference: string;
    conclusion: string;
  }[];
  homeNames: Map<string, string>;
  /** LVU 14 § decisions and moving bans with who decided, and the committee's reviews (migration 0016). */
  restrictions: RestrictionRecord[];
  movingBans: MovingBanRecord[];
  /** Temporary moving bans (27–30 §§ LVU, migration 0023), their application a moving ban above. */
  temporaryBans: TemporaryBanRecord[];
}

export interface TemporaryBanRecord extends RecordedTemporaryBan {
  id: string;
  protocolReference: string;
  /** The committee's application for a moving ban (a row of movingBans), whose court decision ends it. */
  movingBanId: string | null;
  lifted: { byKind: DecisionMakerKind; byName: string; reason: string } | null;
}

interface DecidedBy {
  decidedByKind: DecisionMakerKind | null;
  decidedByName: string | null;
}
export interface ReviewRecord extends DecidedBy {
  id: string;
  decidedOn: string;
  outcome: 'continues' | 'ends';
}
export interface RestrictionRecord extends Restriction, DecidedBy {
  reviews: ReviewRecord[];
}
export interface MovingBanRecord extends DecidedBy {
  id: string;
  appliedOn: string;
  courtDecidedOn: string | null;
  endedOn: string | null;
  reviews: ReviewRecord[];
}

export const placementContextOf = (p: LoadedPlacement): PlacementContext => ({
  unitIds: [p.row.unit_id, ...(p.caseUnitId && p.caseUnitId !== p.row.unit_id ? [p.caseUnitId] : [])],
  responsibleUserId: p.caseResponsibleId,
  designatedWorkerId: p.row.designated_worker_id,
});

const group = <T, K>(items: readonly T[], key: (item: T) => K) => {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
};

const firstOf = (steps: readonly StepRecord[], kind: StepKind) =>
  steps.filter((s) => s.kind === kind).sort((a, b) => a.on.localeCompare(b.on))[0]?.on ?? null;
const lastOf = (steps: readonly StepRecord[], kind: StepKind) =>
  steps.filter((s) => s.kind === kind).sort((a, b) => b.on.localeCompare(a.on))[0] ?? null;

/** The placements with these ids in the actor's municipality, each with everything its schedule needs. */
export async function loadPlacements(scope: AccessScope, ids: readonly string[], forUpdate = false) {
  if (ids.length === 0) return [];
  const m = scope.actor.municipalityId;
  let rowsQuery = scope.db
    .selectFrom('placement')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('id', 'in', ids);
  if (forUpdate) rowsQuery = rowsQuery.forUpdate();
  const rows = await rowsQuery.execute();
  if (rows.length === 0) return [];
  const found = rows.map((r) => r.id);
  const childIds = [...new Set(rows.map((r) => r.child_id))];
  const caseIds = [...new Set(rows.flatMap((r) => (r.case_id ? [r.case_id] : [])))];
  const [children, cases, decisions, periods, considerations, steps, contacts, restrictions, bans, reviews] =
    await Promise.all([
      scope.db
        .selectFrom('person')
        .select(['id', 'given_name', 'family_name', 'personal_number', 'birth_date', 'protected_identity'])
        .where('municipality_id', '=', m)
        .where('id', 'in', childIds)
        .execute(),
      caseIds.length
        ? scope.db
            .selectFrom('child_case')
            .select(['id', 'responsible_user_id', 'unit_id', 'decided_on', 'concluded_on'])
            .where('municipality_id', '=', m)
            .where('id', 'in', caseIds)
            .execute()
        : Promise.resolve([]),
      scope.db
        .selectFrom('placement_decision')
        .selectAll()
        .where('municipality_id', '=', m)
        .where('placement_id', 'in', found)
        .orderBy('decided_on')
        .orderBy('id')
        .execute(),
      scope.db
        .selectFrom('placement_period as pp')
        .innerJoin('placement_home as h', (j) =>
          j.onRef('h.municipality_id', '=', 'pp.municipality_id').onRef('h.id', '=', 'pp.home_id'),
        )
        .selectAll('pp')
        .select('h.name as home_name')
        .where('pp.municipality_id', '=', m)
        .where('pp.placement_id', 'in', found)
        .orderBy('pp.started_on')
        .execute(),
      scope.db
        .selectFrom('placement_consideration')
        .select([
          'id',
          'placement_id',
          'kind',
          'decided_on',
          'decided_by_kind',
          'decided_by_name',
          'protocol_reference',
          'conclusion',
        ])
        .where('municipality_id', '=', m)
        .where('placement_id', 'in', found)
        .orderBy('decided_on')
        .orderBy('created_at')
        .execute(),
      scope.db
        .selectFrom('placement_step')
        .select(['id', 'placement_id', 'kind', 'on_date', 'extended_to', 'home_id', 'note'])
        .where('municipality_id', '=', m)
        .where('placement_id', 'in', found)
        .orderBy('on_date')
        .orderBy('created_at')
        .execute(),
      scope.db
        .selectFrom('placement_contact')
        .selectAll()
        .where('municipality_id', '=', m)
        .where('placement_id', 'in', found)
        .orderBy('on_date', 'desc')
        .orderBy('created_at', 'desc')
        .execute(),
      scope.db
        .selectFrom('placement_restriction')
        .selectAll()
        .where('municipality_id', '=', m)
        .where('placement_id', 'in', found)
        .orderBy('decided_on')
        .execute(),
      scope.db
        .selectFrom('placement_moving_ban')
        .selectAll()
        .where('municipality_id', '=', m)
        .where('placement_id', 'in', found)
        .orderBy('applied_on')
        .execute(),
      scope.db
        .selectFrom('placement_review')
        .selectAll()
        .where('municipality_id', '=', m)
        .where('placement_id', 'in', found)
        .orderBy('decided_on')
        .orderBy('created_at')
        .execute(),
    ]);
  // Temporary moving bans (migration 0023).
  const temporaryBans = await scope.db
    .selectFrom('placement_temporary_ban')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('placement_id', 'in', found)
    .orderBy('decided_on')
    .orderBy('created_at')
    .execute();
  // The day a temporary ban's state is read on: it lapses with time (28–30 §§ LVU).
  const today = scope.context.today ?? todayInSweden();
  const temporaryBansOf = group(temporaryBans, (b) => b.placement_id);
  const childById = new Map(children.map((c) => [c.id, c]));
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const decisionsOf = group(decisions, (d) => d.placement_id);
  const periodsOf = group(periods, (p) => p.placement_id);
  const considerationsOf = group(considerations, (c) => c.placement_id);
  const stepsOf = group(steps, (s) => s.placement_id);
  const contactsOf = group(contacts, (c) => c.placement_id);
  const restrictionsOf = group(restrictions, (r) => r.placement_id);
  const bansOf = group(bans, (b) => b.placement_id);
  const reviewsOf = group(reviews, (r) => r.restriction_id ?? r.moving_ban_id);
  const reviewRecords = (id: string): ReviewRecord[] =>
    (reviewsOf.get(id) ?? []).map((r) => ({
      id: r.id,
      decidedOn: r.decided_on,
      outcome: r.outcome,
      decidedByKind: r.decided_by_kind,
      decidedByName: r.decided_by_name,
    }));
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
    .map((row): LoadedPlacement => {
      const found = childById.get(row.child_id)!;
      // A placement is recorded only for a child with a birth date (services/create.ts).
      const child = { ...found, birth_date: found.birth_date ?? '1900-01-01' };
      const c = row.case_id ? caseById.get(row.case_id) : undefined;
      const ownSteps: StepRecord[] = (stepsOf.get(row.id) ?? []).map((s) => ({
        id: s.id,
        kind: s.kind,
        on: s.on_date,
        extendedTo: s.extended_to,
        homeId: s.home_id,
        note: s.note,
      }));
      const ownPeriods = periodsOf.get(row.id) ?? [];
      const placement: Placement = {
        id: row.id,
        childId: row.child_id,
        caseId: row.case_id,
        decisions: (decisionsOf.get(row.id) ?? []).map((d) => ({
          basis: d.basis,
          decidedOn: d.decided_on,
          decidedBy: { kind: d.decided_by_kind, name: d.decided_by_name },
          executedOn: d.executed_on,
        })),
        periods: ownPeriods.map((p) => ({
          homeId: p.home_id,
          form: p.form,
          decidedOn: p.decided_on,
          decidedBy: { kind: p.decided_by_kind, name: p.decided_by_name },
          startedOn: p.started_on,
          specialReasons: p.special_reasons,
          withGuardian: p.with_guardian,
        })),
        end: row.ended_on
          ? {
              endedOn: row.ended_on,
              outcome: row.end_outcome ?? 'other',
              reunionPrepared: row.reunion_prepared,
              reunitedOn: row.reunited_on,
            }
          : null,
        designatedWorkerId: row.designated_worker_id,
      };
      const ownConsiderations = considerationsOf.get(row.id) ?? [];
      const ownRestrictions: RestrictionRecord[] = (restrictionsOf.get(row.id) ?? []).map((r) => {
        const reviews = reviewRecords(r.id);
        return {
          id: r.id,
          kind: r.kind,
          decidedOn: r.decided_on,
          endedOn: r.ended_on,
          // Reviews before migration 0016 are dates on the row; later ones have their own table.
          reviewedOn: [...r.reviewed_on, ...reviews.map((v) => v.decidedOn)].sort(),
          decidedByKind: r.decided_by_kind,
          decidedByName: r.decided_by_name,
          reviews,
        };
      });
      const ownBans: MovingBanRecord[] = (bansOf.get(row.id) ?? []).map((b) => ({
        id: b.id,
        appliedOn: b.applied_on,
        courtDecidedOn: b.court_decided_on,
        endedOn: b.ended_on,
        decidedByKind: b.decided_by_kind,
        decidedByName: b.decided_by_name,
        reviews: reviewRecords(b.id),
      }));
      const banById = new Map(ownBans.map((b) => [b.id, b]));
      const ownTemporaryBans: TemporaryBanRecord[] = (temporaryBansOf.get(row.id) ?? []).map((b) => {
        const application = b.moving_ban_id ? banById.get(b.moving_ban_id) : undefined;
        return {
          id: b.id,
          decidedOn: b.decided_on,
          decidedBy: { kind: b.decided_by_kind, name: b.decided_by_name },
          protocolReference: b.protocol_reference,
          reportedOn: b.reported_on,
          submittedOn: b.submitted_on,
          courtReview:
            b.court_reviewed_on && b.court_confirmed !== null
              ? { on: b.court_reviewed_on, confirmed: b.court_confirmed }
              : null,
          movingBanId: b.moving_ban_id,
          appliedOn: application?.appliedOn ?? null,
          // The court decides the question of a moving ban on the application (30 § första stycket 2).
          banDecidedOn: application?.courtDecidedOn ?? null,
          liftedOn: b.lifted_on,
          lifted:
            b.lifted_on && b.lifted_by_kind && b.lifted_by_name
              ? { byKind: b.lifted_by_kind, byName: b.lifted_by_name, reason: b.lifted_reason }
              : null,
        };
      });
      const followUpStarted = firstOf(ownSteps, 'followUpStarted');
      const facts: ScheduleFacts = {
        placement,
        child: { birthDate: child.birth_date },
        // The committee's application for a moving ban is its consideration of one (22 kap. 16 §).
        considerations: [
          ...ownConsiderations.map((k) => ({ kind: k.kind, decidedOn: k.decided_on })),
          ...ownBans.map((b) => ({ kind: 'movingBan' as const, decidedOn: b.appliedOn })),
        ],
        plans: {
          carePlanOn: firstOf(ownSteps, 'carePlanEstablished'),
          carePlanRevisedOn: lastOf(ownSteps, 'carePlanRevised')?.on ?? null,
          implementationPlanOn: firstOf(ownSteps, 'implementationPlanEstablished'),
        },
        regionNotifiedOn: firstOf(ownSteps, 'regionNotified'),
        court: {
          submittedOn: firstOf(ownSteps, 'courtSubmitted'),
          careAppliedOn: firstOf(ownSteps, 'careApplied'),
          applicationExtendedTo: lastOf(ownSteps, 'applicationExtended')?.extendedTo ?? null,
        },
        fosterAgreements: ownSteps
          .filter((s) => s.kind === 'fosterAgreementSigned' && s.homeId)
          .map((s) => ({ homeId: s.homeId!, signedOn: s.on })),
        investigationClosedOn: row.investigation_closed_on ?? c?.decided_on ?? c?.concluded_on ?? null,
        emergencyHomeSpecialReasonsOn: lastOf(ownSteps, 'emergencyHomeSpecialReasons')?.on ?? null,
        restrictions: ownRestrictions.map(({ id, kind, decidedOn, endedOn, reviewedOn }) => ({
          id,
          kind,
          decidedOn,
          endedOn,
          reviewedOn,
        })),
        // A ban is in force, and reviewed, from the court's decision (24 och 26 §§ LVU).
        movingBans: ownBans.flatMap((b) =>
          b.courtDecidedOn
            ? [
                {
                  id: b.id,
                  decidedOn: b.courtDecidedOn,
                  endedOn: b.endedOn,
                  reviewedOn: b.reviews.map((v) => v.decidedOn),
                },
              ]
            : [],
        ),
        temporaryBans: { on: today, bans: ownTemporaryBans },
        endOfCareRequestedOn: ownSteps.filter((s) => s.kind === 'endOfCareRequested').map((s) => s.on),
        followUp: followUpStarted
          ? { startedOn: followUpStarted, endedOn: lastOf(ownSteps, 'followUpEnded')?.on ?? null }
          : null,
      };
      return {
        row,
        child: {
          id: child.id,
          givenName: child.given_name,
          familyName: child.family_name,
          personalNumber: child.personal_number,
          birthDate: child.birth_date,
          protectedIdentity: child.protected_identity,
        },
        caseResponsibleId: c?.responsible_user_id ?? null,
        caseUnitId: c?.unit_id ?? null,
        placement,
        facts,
        contacts: (contactsOf.get(row.id) ?? []).map((k) => ({
          id: k.id,
          placementId: k.placement_id,
          on: k.on_date,
          kind: k.kind,
          place: k.place,
          outcome: k.outcome,
          childAlone: k.child_alone,
          notAloneReason: k.not_alone_reason,
          attendedTo: k.attended_to,
          note: k.note,
          recordedByName: k.recorded_by_name,
        })),
        steps: ownSteps,
        considerations: ownConsiderations.map((k) => ({
          id: k.id,
          kind: k.kind,
          decidedOn: k.decided_on,
          decidedByKind: k.decided_by_kind,
          decidedByName: k.decided_by_name,
          protocolReference: k.protocol_reference,
          conclusion: k.conclusion,
        })),
        homeNames: new Map(ownPeriods.map((p) => [p.home_id, p.home_name])),
        restrictions: ownRestrictions,
        movingBans: ownBans,
        temporaryBans: ownTemporaryBans,
      };
    });
}

/**
 * The ids of the placements an actor lists: their own as designated or responsible worker, or a
 * unit's. Each side of the "or" is its own select, so that each reads its own index (placement by
 * designated worker or unit, the case by responsible worker or unit): an `or` across the join
 * reads every placement of the municipality (decision 0140).
 */
export async function visiblePlacementIds(
  scope: AccessScope,
  options: { unitId: string | null; includeEnded?: boolean; childId?: string },
): Promise<string[]> {
  const m = scope.actor.municipalityId;
  const own = options.unitId
    ? { placement: 'unit_id' as const, childCase: 'unit_id' as const, id: options.unitId }
    : {
        placement: 'designated_worker_id' as const,
        childCase: 'responsible_user_id' as const,
        id: scope.actor.userId,
      };
  const byPlacement = scope.db
    .selectFrom('placement')
    .select('id')
    .where('municipality_id', '=', m)
    .where(own.placement, '=', own.id);
  const byCase = scope.db
    .selectFrom('placement as p2')
    .innerJoin('child_case as c', (j) =>
      j.onRef('c.municipality_id', '=', 'p2.municipality_id').onRef('c.id', '=', 'p2.case_id'),
    )
    .select('p2.id')
    .where('p2.municipality_id', '=', m)
    .where(`c.${own.childCase}`, '=', own.id);
  let q = scope.db
    .selectFrom('placement as p')
    .select('p.id')
    .where('p.municipality_id', '=', m)
    .where('p.id', 'in', byPlacement.union(byCase));
  if (!options.includeEnded) q = q.where('p.ended_on', 'is', null);
  if (options.childId) q = q.where('p.child_id', '=', options.childId);
  const rows = await q.orderBy('p.created_at').execute();
  return rows.map((r) => r.id);
}

/** A placement's access context alone (for lookups before loading everything). */
export async function placementIdsOfChild(scope: AccessScope, childId: string): Promise<string[]> {
  const rows = await scope.db
    .selectFrom('placement')
    .select('id')
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('child_id', '=', childId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.id);
}
