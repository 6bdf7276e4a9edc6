import type { Kysely } from 'kysely';
import type { IsoDate } from '../deadlines/calendar.ts';
import { todayInSweden } from '../platform/dates.ts';
import type { Database } from '../platform/db/schema.ts';
import type { CaseFacts, FileRecord, InterventionFacts, RetentionInput } from './model.ts';

/**
 * The retention core's input for every child with a file in one municipality, read from the
 * tables (docs/design/retention.md, "From the tables to RetentionInput"): one statement per
 * table for the whole municipality, grouped by child here. A file is the reports, cases (with
 * their notes, the child's own accounts and extensions) and plans that name the child.
 *
 * Not there yet, and so on the safe side: placements (issue 15) and the end of an intervention.
 * A case with a decided intervention counts as an ongoing intervention from its decision day,
 * so its file is never due until interventions record when they ended.
 */
export interface FileInput {
  personId: string;
  input: RetentionInput;
}

const day = (value: Date | string | null): IsoDate | null =>
  value === null ? null : typeof value === 'string' ? value : todayInSweden(value);
const latest = (...dates: (IsoDate | null)[]): IsoDate =>
  dates
    .filter((d): d is IsoDate => d !== null)
    .sort()
    .at(-1) ?? '1900-01-01';

export async function retentionInputs(
  db: Kysely<Database>,
  municipalityId: string,
  municipalityCode: string,
  today: IsoDate,
): Promise<FileInput[]> {
  const m = municipalityId;
  const [cases, reports, sips, notes, voices, extensions, interventions] = await Promise.all([
    db.selectFrom('child_case').selectAll().where('municipality_id', '=', m).execute(),
    db
      .selectFrom('report')
      .select([
        'id',
        'child_id',
        'case_id',
        'received_on',
        'linked_on',
        'protection_assessed_on',
        'feedback_sent_on',
      ])
      .where('municipality_id', '=', m)
      .where('child_id', 'is not', null)
      .execute(),
    db
      .selectFrom('sip')
      .select([
        'id',
        'child_id',
        'status',
        'created_at',
        'meeting_on',
        'agreed_on',
        'follow_up_on',
        'closed_on',
      ])
      .where('municipality_id', '=', m)
      .where('child_id', 'is not', null)
      .execute(),
    db
      .selectFrom('case_note')
      .select(['id', 'case_id', 'signed_at'])
      .where('municipality_id', '=', m)
      .execute(),
    db
      .selectFrom('childs_voice')
      .select(['id', 'case_id', 'recorded_at'])
      .where('municipality_id', '=', m)
      .execute(),
    db
      .selectFrom('deadline_extension')
      .select(['id', 'case_id', 'created_at'])
      .where('municipality_id', '=', m)
      .execute(),
    db.selectFrom('case_intervention').select(['case_id']).where('municipality_id', '=', m).execute(),
  ]);
  const childIds = new Set<string>([
    ...cases.map((c) => c.child_id),
    ...reports.map((r) => r.child_id ?? ''),
    ...sips.map((s) => s.child_id ?? ''),
  ]);
  childIds.delete('');
  if (childIds.size === 0) return [];
  const persons = await db
    .selectFrom('person')
    .select(['id', 'personal_number', 'birth_date', 'created_at'])
    .where('municipality_id', '=', m)
    .where('id', 'in', [...childIds])
    .execute();
  const past = (date: IsoDate | null) => (date !== null && date <= today ? date : null);
  const caseChild = new Map(cases.map((c) => [c.id, c.child_id]));
  const byChild = new Map<
    string,
    { cases: CaseFacts[]; interventions: InterventionFacts[]; records: FileRecord[] }
  >();
  const fileOf = (childId: string) => {
    let file = byChild.get(childId);
    if (!file) {
      file = { cases: [], interventions: [], records: [] };
      byChild.set(childId, file);
    }
    return file;
  };
  const decidedCases = new Set(interventions.map((i) => i.case_id));
  for (const c of cases) {
    const file = fileOf(c.child_id);
    file.cases.push({
      id: c.id,
      kind: 'childWelfare',
      openedOn: c.opened_on,
      initialDecision: c.initial_decision,
      investigationOpenedOn: c.investigation_opened_on,
      closedOn: c.closed_on,
    });
    if (decidedCases.has(c.id))
      file.interventions.push({
        id: `case:${c.id}`,
        caseId: c.id,
        startedOn: c.decided_on ?? c.opened_on,
        endedOn: null,
      });
    file.records.push({
      recordType: 'case',
      recordId: c.id,
      caseId: c.id,
      placementId: null,
      enteredOn: latest(
        c.opened_on,
        c.initial_decided_on,
        c.investigation_opened_on,
        c.party_communicated_on,
        c.concluded_on,
        c.decided_on,
        c.closed_on,
        c.follow_up_done_on,
      ),
    });
  }
  const caseRecord = (recordType: string, id: string, caseId: string, at: Date) => {
    const child = caseChild.get(caseId);
    if (child)
      fileOf(child).records.push({
        recordType,
        recordId: id,
        caseId,
        placementId: null,
        enteredOn: day(at) ?? today,
      });
  };
  for (const n of notes) caseRecord('caseNote', n.id, n.case_id, n.signed_at);
  for (const v of voices) caseRecord('childsVoice', v.id, v.case_id, v.recorded_at);
  for (const e of extensions) caseRecord('deadlineExtension', e.id, e.case_id, e.created_at);
  for (const r of reports) {
    const caseId = r.case_id && caseChild.has(r.case_id) ? r.case_id : null;
    fileOf(r.child_id ?? '').records.push({
      recordType: 'report',
      recordId: r.id,
      caseId,
      placementId: null,
      enteredOn: latest(r.received_on, r.linked_on, r.protection_assessed_on, r.feedback_sent_on),
    });
  }
  for (const s of sips) {
    const file = fileOf(s.child_id ?? '');
    // An open plan is an ongoing intervention; a closed one ended the day it was closed.
    const startedOn = day(s.created_at) ?? today;
    file.interventions.push({
      id: `sip:${s.id}`,
      caseId: null,
      startedOn,
      endedOn: s.status === 'closed' ? (s.closed_on ?? startedOn) : null,
    });
    file.records.push({
      recordType: 'sip',
      recordId: s.id,
      caseId: null,
      placementId: null,
      // A meeting or follow-up booked ahead is a plan, not an entry, until its day has come.
      enteredOn: latest(startedOn, past(s.meeting_on), s.agreed_on, past(s.follow_up_on), s.closed_on),
    });
  }
  return persons.map((p) => {
    const file = fileOf(p.id);
    return {
      personId: p.id,
      input: {
        today,
        municipalityCode,
        person: {
          personalNumber: p.personal_number,
          birthDate: p.birth_date,
          registeredOn: day(p.created_at) ?? today,
        },
        cases: file.cases,
        placements: [],
        interventions: file.interventions,
        records: file.records,
      },
    };
  });
}
