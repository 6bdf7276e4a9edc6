import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { RecordAssessment } from './model.ts';

/**
 * Removes the culled records of one file, inside the culling job's transaction (decision 0082):
 * each record with what hangs on it (a case's notes, accounts, extensions, interventions,
 * documents, joint visits, calendar entries, responsibility periods and decision executions; a plan's parties, consents, needs, goals, actions
 * and follow-ups; a placement's periods, steps, decisions, restrictions, moving bans and reviews), children before parents. For a
 * culled person, also the register entry with its guardianships and assignments. The reasons
 * given for seeing a protected person's whereabouts (`protected_details_access`) are records of
 * the file, removed when the assessment culls them (decision 0116).
 *
 * Only what the assessment culls is removed. The foreign keys are the safety net: a kept record
 * (or one the job does not know) that still refers to a culled one makes the statement fail, and
 * the job leaves the whole file as it was.
 */
export async function removeRecords(
  trx: Kysely<Database>,
  municipalityId: string,
  personId: string,
  records: readonly RecordAssessment[],
  cullPerson: boolean,
): Promise<{ guardianIds: string[] }> {
  const m = municipalityId;
  const ids = (type: string) => records.filter((r) => r.recordType === type).map((r) => r.recordId);
  const cases = ids('case');
  const reports = ids('report');
  const sips = ids('sip');
  const placements = ids('placement');

  if (reports.length || cases.length) {
    let visits = trx.deleteFrom('joint_visit').where('municipality_id', '=', m);
    visits = visits.where((eb) =>
      eb.or([
        ...(reports.length ? [eb('report_id', 'in', reports)] : []),
        ...(cases.length ? [eb('case_id', 'in', cases)] : []),
      ]),
    );
    await visits.execute();
  }
  if (cases.length) {
    await trx
      .deleteFrom('calendar_appointment')
      .where('municipality_id', '=', m)
      .where('case_id', 'in', cases)
      .execute();
    await trx
      .deleteFrom('workday_notification')
      .where('municipality_id', '=', m)
      .where('case_id', 'in', cases)
      .execute();
    // Who was responsible for the case when, and how its decisions were carried out (statistics,
    // migration 0018): part of the case's record, culled with it (decision 0126).
    for (const table of ['case_responsibility', 'decision_execution'] as const)
      await trx.deleteFrom(table).where('municipality_id', '=', m).where('case_id', 'in', cases).execute();
  }
  const notes = ids('caseNote');
  if (notes.length)
    await trx.deleteFrom('case_note').where('municipality_id', '=', m).where('id', 'in', notes).execute();
  const voices = ids('childsVoice');
  if (voices.length)
    await trx.deleteFrom('childs_voice').where('municipality_id', '=', m).where('id', 'in', voices).execute();
  const extensions = ids('deadlineExtension');
  if (extensions.length)
    await trx
      .deleteFrom('deadline_extension')
      .where('municipality_id', '=', m)
      .where('id', 'in', extensions)
      .execute();

  if (sips.length) {
    // One table at a time, for the types: every one of them has municipality_id and sip_id.
    const bySip = (table: SipChild) =>
      trx
        .deleteFrom(table as 'sip_goal')
        .where('municipality_id', '=', m)
        .where('sip_id', 'in', sips)
        .execute();
    const consents = trx
      .selectFrom('sip_consent')
      .select('id')
      .where('municipality_id', '=', m)
      .where('sip_id', 'in', sips);
    await trx
      .deleteFrom('sip_follow_up_action')
      .where('municipality_id', '=', m)
      .where('follow_up_id', 'in', trx.selectFrom('sip_follow_up').select('id').where('sip_id', 'in', sips))
      .execute();
    await bySip('sip_follow_up');
    await bySip('sip_action');
    await bySip('sip_goal');
    await bySip('sip_need');
    await trx
      .deleteFrom('sip_consent_guardian')
      .where('municipality_id', '=', m)
      .where('consent_id', 'in', consents)
      .execute();
    await trx
      .deleteFrom('sip_consent_organisation')
      .where('municipality_id', '=', m)
      .where('consent_id', 'in', consents)
      .execute();
    await bySip('sip_consent');
    await bySip('sip_participant');
    await trx.deleteFrom('sip').where('municipality_id', '=', m).where('id', 'in', sips).execute();
  }

  if (placements.length) {
    for (const table of placementChildren)
      await trx
        .deleteFrom(table)
        .where('municipality_id', '=', m)
        .where('placement_id', 'in', placements)
        .execute();
    await trx
      .deleteFrom('placement')
      .where('municipality_id', '=', m)
      .where('id', 'in', placements)
      .execute();
  }
  if (reports.length)
    await trx.deleteFrom('report').where('municipality_id', '=', m).where('id', 'in', reports).execute();
  if (cases.length) {
    await trx
      .deleteFrom('case_intervention')
      .where('municipality_id', '=', m)
      .where('case_id', 'in', cases)
      .execute();
    // Documents hang on the case with ON DELETE CASCADE (migration 0009).
    await trx.deleteFrom('child_case').where('municipality_id', '=', m).where('id', 'in', cases).execute();
  }

  const accesses = ids('protectedDetailsAccess');
  if (accesses.length)
    await trx
      .deleteFrom('protected_details_access')
      .where('municipality_id', '=', m)
      .where('id', 'in', accesses)
      .execute();

  if (!cullPerson) return { guardianIds: [] };
  {
    const guardians = await trx
      .selectFrom('guardianship')
      .select('guardian_id')
      .where('municipality_id', '=', m)
      .where('child_id', '=', personId)
      .execute();
    await trx
      .deleteFrom('guardianship')
      .where('municipality_id', '=', m)
      .where('child_id', '=', personId)
      .execute();
    await trx
      .deleteFrom('person_assignment')
      .where('municipality_id', '=', m)
      .where('person_id', '=', personId)
      .execute();
    await trx
      .deleteFrom('protected_details_access')
      .where('municipality_id', '=', m)
      .where('person_id', '=', personId)
      .execute();
    await trx
      .deleteFrom('unaccompanied_minor')
      .where('municipality_id', '=', m)
      .where('child_id', '=', personId)
      .execute();
    await trx
      .deleteFrom('workday_notification')
      .where('municipality_id', '=', m)
      .where('child_id', '=', personId)
      .execute();
    await trx.deleteFrom('person').where('municipality_id', '=', m).where('id', '=', personId).execute();
    return { guardianIds: guardians.map((g) => g.guardian_id) };
  }
}

type SipChild = 'sip_follow_up' | 'sip_action' | 'sip_goal' | 'sip_need' | 'sip_consent' | 'sip_participant';

/**
 * In this order: a review refers to a restriction or a moving ban (migration 0016), a temporary
 * moving ban to the application for a moving ban (0023).
 */
const placementChildren = [
  'placement_review',
  'placement_temporary_ban',
  'placement_moving_ban',
  'placement_consideration',
  'placement_contact',
  'placement_decision',
  'placement_period',
  'placement_restriction',
  'placement_step',
] as const;
