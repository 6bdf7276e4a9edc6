import { type Kysely, sql } from 'kysely';
import type { Actor } from '../access/policy.ts';
import type { Database } from '../db/schema.ts';
import { type ChainedFields, eventHash, genesisHash } from './chain.ts';

export interface AuditEntry {
  action: string;
  outcome?: 'allowed' | 'denied';
  subjectPersonId?: string | null;
  recordType?: string | null;
  recordId?: string | null;
  reason?: string | null;
}

export interface AuditContext {
  municipalityId: string;
  actor: Actor | null;
  clientAddress: string | null;
}

/**
 * The one audit writer. Call it inside the transaction that reads or writes the data, so the
 * event and the access stand or fall together. Events of one municipality are serialised by an
 * advisory lock held until commit, which keeps seq gap-free and the hash chain linear.
 */
export async function writeAuditEvents(
  trx: Kysely<Database>,
  context: AuditContext,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${`audit:${context.municipalityId}`}, 0))`.execute(
    trx,
  );
  const last = await trx
    .selectFrom('audit_event')
    .select(['seq', 'hash'])
    .where('municipality_id', '=', context.municipalityId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const ownPersons = await ownPersonIds(trx, context, entries);
  const occurredAt = new Date();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? genesisHash;
  const rows = entries.map((entry) => {
    seq += 1;
    const fields: ChainedFields = {
      municipality_id: context.municipalityId,
      seq,
      occurred_at: occurredAt,
      actor_user_id: context.actor?.userId ?? null,
      actor_name: context.actor?.displayName ?? null,
      actor_role: context.actor?.role ?? null,
      actor_organisation: context.actor?.organisation ?? null,
      action: entry.action,
      outcome: entry.outcome ?? 'allowed',
      subject_person_id: entry.subjectPersonId ?? null,
      record_type: entry.recordType ?? null,
      record_id: entry.recordId ?? null,
      reason: entry.reason ?? null,
      client_address: context.clientAddress,
      unusual: isUnusual(entry, context, ownPersons),
      prev_hash: prevHash,
    };
    const hash = eventHash(fields);
    prevHash = hash;
    return { ...fields, outcome: fields.outcome as 'allowed' | 'denied', hash };
  });
  await trx.insertInto('audit_event').values(rows).execute();
}

/** An access is unusual when it concerns a person outside the user's own cases. */
function isUnusual(entry: AuditEntry, context: AuditContext, ownPersons: Set<string>): boolean {
  if (!entry.subjectPersonId || !context.actor) return false;
  return !ownPersons.has(entry.subjectPersonId);
}

/** The persons among the entries' subjects that the actor is assigned to, directly or as guardian. */
async function ownPersonIds(
  trx: Kysely<Database>,
  context: AuditContext,
  entries: readonly AuditEntry[],
): Promise<Set<string>> {
  const subjects = [...new Set(entries.map((e) => e.subjectPersonId).filter((id): id is string => !!id))];
  if (!context.actor || subjects.length === 0) return new Set();
  const userId = context.actor.userId;
  const rows = await trx
    .selectFrom('person_assignment as a')
    .leftJoin('guardianship as g', (join) =>
      join.onRef('g.municipality_id', '=', 'a.municipality_id').onRef('g.child_id', '=', 'a.person_id'),
    )
    .select(['a.person_id', 'g.guardian_id'])
    .where('a.municipality_id', '=', context.municipalityId)
    .where('a.user_id', '=', userId)
    .where((eb) => eb.or([eb('a.person_id', 'in', subjects), eb('g.guardian_id', 'in', subjects)]))
    .execute();
  // Since cases exist (issue 3), a user's own children are also those of the cases they work on:
  // as responsible social worker, as intake during the initial assessment, as the unit's manager.
  const actor = context.actor;
  const caseRows = await trx
    .selectFrom('child_case as c')
    .leftJoin('guardianship as g', (join) =>
      join.onRef('g.municipality_id', '=', 'c.municipality_id').onRef('g.child_id', '=', 'c.child_id'),
    )
    .select(['c.child_id', 'g.guardian_id'])
    .where('c.municipality_id', '=', context.municipalityId)
    .where((eb) => eb.or([eb('c.child_id', 'in', subjects), eb('g.guardian_id', 'in', subjects)]))
    .where((eb) =>
      eb.or([
        eb('c.responsible_user_id', '=', userId),
        ...(actor.role === 'intakeWorker' ? [eb('c.phase', '=', 'initialAssessment')] : []),
        ...(actor.role === 'manager' && actor.unitId ? [eb('c.unit_id', '=', actor.unitId)] : []),
      ]),
    )
    .execute();
  // A child's coordinated plan makes the child the coordinator's own, and the own of each party
  // organisation's staff: a school nurse reading the plan she takes part in is not unusual.
  const organisationId = context.actor.partnerOrganisationId ?? null;
  const planned = await trx
    .selectFrom('sip as s')
    .select('s.child_id')
    .where('s.municipality_id', '=', context.municipalityId)
    .where('s.child_id', 'in', subjects)
    .where((eb) =>
      eb.or([
        eb('s.coordinator_user_id', '=', userId),
        ...(organisationId
          ? [
              eb.exists(
                eb
                  .selectFrom('sip_participant as p')
                  .select('p.sip_id')
                  .whereRef('p.municipality_id', '=', 's.municipality_id')
                  .whereRef('p.sip_id', '=', 's.id')
                  .where('p.organisation_id', '=', organisationId),
              ),
            ]
          : []),
      ]),
    )
    .execute();
  return new Set(
    [
      ...rows.flatMap((r) => [r.person_id, r.guardian_id]),
      ...caseRows.flatMap((r) => [r.child_id, r.guardian_id]),
      ...planned.map((r) => r.child_id),
    ].filter((id): id is string => !!id),
  );
}
