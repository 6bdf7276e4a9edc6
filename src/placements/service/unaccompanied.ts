import type { Kysely, Selectable } from 'kysely';
import { isIsoDate } from '../../deadlines/calendar.ts';
import { type AccessScope, type RequestContext, withAccess } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import { loadPlacements } from '../queries/facts.ts';
import type { UnaccompaniedMinorTable } from '../schema.ts';
import {
  notAppliedReasons,
  type UnaccompaniedRecord,
  unaccompaniedRefusals,
  unaccompaniedTasks,
} from '../unaccompanied.ts';
import {
  authorizeLookup,
  type FieldCodes,
  failed,
  type Outcome,
  placementAudit,
  placementResource,
} from './scope.ts';

/**
 * An unaccompanied minor's record (arrival, assignment, god man, residence permit, the specially
 * appointed custodian, health examination, school, the transition at 18), kept with the child's
 * placement: those who may read and change the placement read and change it (docs/decisions/0079).
 */

export const unaccompaniedFields = [
  'arrivedOn',
  'assignedOn',
  'guardianName',
  'guardianAppointedBy',
  'guardianAppointedOn',
  'guardianContact',
  'residencePermitOn',
  'custodianAppliedOn',
  'custodianNotAppliedReason',
  'custodianNotAppliedText',
  'custodianAppointedOn',
  'healthExaminationDoneOn',
  'schoolStartedOn',
  'transitionPlannedOn',
] as const;
export type UnaccompaniedField = (typeof unaccompaniedFields)[number];
type Row = Omit<Selectable<UnaccompaniedMinorTable>, 'updated_at'>;

function recordOf(row: Row, birthDate: string): UnaccompaniedRecord {
  return {
    childId: row.child_id,
    birthDate,
    arrivedOn: row.arrived_on,
    assignedOn: row.assigned_on,
    appointedGuardian:
      row.guardian_name || row.guardian_appointed_on
        ? {
            name: row.guardian_name ?? '',
            appointedBy: row.guardian_appointed_by ?? '',
            appointedOn: row.guardian_appointed_on ?? row.arrived_on,
            contact: row.guardian_contact ?? '',
          }
        : null,
    residencePermitOn: row.residence_permit_on,
    specialCustodian: {
      appliedOn: row.custodian_applied_on,
      notAppliedReason: row.custodian_not_applied_reason,
      notAppliedText: row.custodian_not_applied_text,
      appointedOn: row.custodian_appointed_on,
    },
    healthExaminationDoneOn: row.health_examination_done_on,
    schoolStartedOn: row.school_started_on,
    transitionPlannedOn: row.transition_planned_on,
  };
}

/** The child's latest placement, authorised for the action, or null when the child has none here. */
async function placementOfChild(
  scope: AccessScope,
  childId: string,
  action: 'placement.read' | 'placement.update',
  auditAction: string,
) {
  const ids = await scope.db
    .selectFrom('placement')
    .select('id')
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('child_id', '=', childId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .execute();
  const [p] = await loadPlacements(
    scope,
    ids.map((r) => r.id),
  );
  if (!p) {
    authorizeLookup(scope);
    return null;
  }
  const audit = { ...placementAudit(p, auditAction), recordType: 'unaccompaniedMinor', recordId: childId };
  scope.authorize(action, placementResource(p), { audit });
  return { p, audit };
}

export async function readUnaccompanied(
  db: Kysely<Database>,
  context: RequestContext,
  childId: string,
  today: string,
) {
  return withAccess(db, context, async (scope) => {
    const found = await placementOfChild(scope, childId, 'placement.read', 'unaccompanied.read');
    if (!found) return null;
    const row = await scope.db
      .selectFrom('unaccompanied_minor')
      .selectAll()
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    await scope.audit(found.audit);
    const record = row ? recordOf(row, found.p.child.birthDate) : null;
    return { placement: found.p, row: row ?? null, tasks: record ? unaccompaniedTasks(record, today) : null };
  });
}
export type UnaccompaniedView = NonNullable<Awaited<ReturnType<typeof readUnaccompanied>>>;

const fieldOfAt: Record<string, UnaccompaniedField> = {
  'appointedGuardian.appointedOn': 'guardianAppointedOn',
  'appointedGuardian.name': 'guardianName',
  'specialCustodian.appliedOn': 'custodianAppliedOn',
  'specialCustodian.appointedOn': 'custodianAppointedOn',
  'specialCustodian.notAppliedText': 'custodianNotAppliedText',
};

export async function saveUnaccompanied(
  db: Kysely<Database>,
  context: RequestContext,
  childId: string,
  body: Partial<Record<UnaccompaniedField, string>>,
  today: string,
): Promise<Outcome | null> {
  return withAccess(db, context, async (scope) => {
    const found = await placementOfChild(scope, childId, 'placement.update', 'unaccompanied.update');
    if (!found) return null;
    const v = (f: UnaccompaniedField) => body[f]?.trim() || null;
    const errors: FieldCodes = {};
    for (const f of unaccompaniedFields.filter((f) => f.endsWith('On'))) {
      const d = v(f);
      if (d && !isIsoDate(d)) errors[f] = 'dateInvalid';
    }
    if (!v('arrivedOn')) errors.arrivedOn = 'required';
    const reason = v('custodianNotAppliedReason');
    const notApplied = reason ? (notAppliedReasons.find((r) => r === reason) ?? null) : null;
    if (reason && !notApplied) errors.custodianNotAppliedReason = 'invalidChoice';
    if (Object.keys(errors).length) return failed(errors);
    const row: Row = {
      municipality_id: scope.actor.municipalityId,
      child_id: childId,
      arrived_on: v('arrivedOn')!,
      assigned_on: v('assignedOn'),
      guardian_name: v('guardianName'),
      guardian_appointed_by: v('guardianAppointedBy'),
      guardian_appointed_on: v('guardianAppointedOn'),
      guardian_contact: v('guardianContact'),
      residence_permit_on: v('residencePermitOn'),
      custodian_applied_on: v('custodianAppliedOn'),
      custodian_not_applied_reason: notApplied,
      custodian_not_applied_text: v('custodianNotAppliedText'),
      custodian_appointed_on: v('custodianAppointedOn'),
      health_examination_done_on: v('healthExaminationDoneOn'),
      school_started_on: v('schoolStartedOn'),
      transition_planned_on: v('transitionPlannedOn'),
    };
    const refusals = unaccompaniedRefusals(recordOf(row, found.p.child.birthDate), today);
    if (refusals.length) {
      const fields: FieldCodes = {};
      for (const r of refusals) fields[fieldOfAt[r.at ?? ''] ?? r.at ?? '_form'] ??= r.code;
      return failed(fields);
    }
    const { municipality_id: _m, child_id: _c, ...changes } = row;
    await scope.db
      .insertInto('unaccompanied_minor')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['municipality_id', 'child_id']).doUpdateSet({ ...changes, updated_at: new Date() }),
      )
      .execute();
    await scope.audit(found.audit);
    return { ok: true };
  });
}
