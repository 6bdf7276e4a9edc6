import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { IsoDate } from '../deadlines/calendar.ts';
import { todayInSweden } from '../platform/dates.ts';
import type { Database } from '../platform/db/schema.ts';
import type {
  CaseFacts,
  FileRecord,
  InterventionFacts,
  PlacementFacts,
  PlacementType,
  RetentionInput,
} from './model.ts';

/**
 * The retention core's input for every child with a file in one municipality, read from the
 * tables (docs/design/retention.md, "From the tables to RetentionInput"): one statement per
 * table for the whole municipality, grouped by child here. A file is the reports, cases (with
 * their notes, the child's own accounts and extensions) and plans that name the child.
 *
 * Placements (issue 15) are read with the day the child moved in (the first period's start)
 * and the form of the home. Each decided intervention of a case (`case_intervention`) is an
 * intervention from the day it was carried out (`decision_execution.carried_out_on`, else the
 * case's decision day) until the day it ended (`decision_execution.ended_on`); without an end
 * date it is ongoing, on the safe side, and the file is not due. The execution's dates (carried
 * out, interrupted, resumed, ended) are entries in the case, so an ended intervention's end is
 * the file's last entry when nothing came after it.
 *
 * `onlyPersonId` reads one file, as the culling job does when it re-assesses a file just before
 * culling it (decision 0082).
 */
export interface FileInput {
  /** The person's id; for a report never linked to a child, the report's id (decision 0127). */
  personId: string;
  input: RetentionInput;
  /** A report that names no child in the register: a file of its own, with no register entry. */
  unlinkedReport?: true;
  /** The person was archived by an earlier run (decision 0117): only kept records are left. */
  archived?: true;
}

const day = (value: Date | string | null): IsoDate | null =>
  value === null ? null : typeof value === 'string' ? value : todayInSweden(value);
/**
 * The placements feature's form of the home in the retention model's words. A placement without
 * a period (never carried out) has no form; it counts as a placement in an HVB, and its missing
 * start keeps it out of 16 kap. 2 § 3 (only a carried-out placement counts, decision 0080).
 */
function placementTypeOf(form: string | null): PlacementType {
  if (form === null || form === 'residentialCareHome') return 'residentialCare';
  return form as PlacementType;
}
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
  onlyPersonId?: string,
): Promise<FileInput[]> {
  const m = municipalityId;
  const one = onlyPersonId;
  const ofCase = <
    Q extends SelectQueryBuilder<
      Database,
      'case_note' | 'childs_voice' | 'deadline_extension' | 'case_intervention' | 'decision_execution',
      object
    >,
  >(
    q: Q,
  ): Q =>
    one === undefined
      ? q
      : (q.where(
          'case_id',
          'in',
          db
            .selectFrom('child_case')
            .select('id')
            .where('municipality_id', '=', m)
            .where('child_id', '=', one),
        ) as Q);
  const [
    unlinked,
    cases,
    reports,
    sips,
    notes,
    voices,
    extensions,
    interventions,
    executions,
    placements,
    accesses,
  ] = await Promise.all([
    unlinkedReports(db, m, one),
    db
      .selectFrom('child_case')
      .selectAll()
      .where('municipality_id', '=', m)
      .$if(one !== undefined, (q) => q.where('child_id', '=', one ?? ''))
      .execute(),
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
      .$if(one !== undefined, (q) => q.where('child_id', '=', one ?? ''))
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
      .$if(one !== undefined, (q) => q.where('child_id', '=', one ?? ''))
      .execute(),
    ofCase(
      db.selectFrom('case_note').select(['id', 'case_id', 'signed_at']).where('municipality_id', '=', m),
    ).execute(),
    ofCase(
      db.selectFrom('childs_voice').select(['id', 'case_id', 'recorded_at']).where('municipality_id', '=', m),
    ).execute(),
    ofCase(
      db
        .selectFrom('deadline_extension')
        .select(['id', 'case_id', 'created_at'])
        .where('municipality_id', '=', m),
    ).execute(),
    ofCase(
      db
        .selectFrom('case_intervention')
        .select(['case_id', 'intervention_type_id'])
        .where('municipality_id', '=', m),
    ).execute(),
    ofCase(
      db
        .selectFrom('decision_execution')
        .select([
          'case_id',
          'intervention_type_id',
          'carried_out_on',
          'interrupted_on',
          'resumed_on',
          'ended_on',
        ])
        .where('municipality_id', '=', m),
    ).execute(),
    db
      .selectFrom('placement as p')
      .leftJoin('placement_period as pp', (j) =>
        j.onRef('pp.municipality_id', '=', 'p.municipality_id').onRef('pp.placement_id', '=', 'p.id'),
      )
      .select(['p.id', 'p.child_id', 'p.case_id', 'p.ended_on', 'p.created_at', 'pp.form', 'pp.started_on'])
      .where('p.municipality_id', '=', m)
      .$if(one !== undefined, (q) => q.where('p.child_id', '=', one ?? ''))
      .orderBy('pp.started_on')
      .execute(),
    db
      .selectFrom('protected_details_access')
      .select(['id', 'person_id', 'occurred_at'])
      .where('municipality_id', '=', m)
      .$if(one !== undefined, (q) => q.where('person_id', '=', one ?? ''))
      .execute(),
  ]);
  const childIds = new Set<string>([
    ...cases.map((c) => c.child_id),
    ...reports.map((r) => r.child_id ?? ''),
    ...sips.map((s) => s.child_id ?? ''),
    ...placements.map((p) => p.child_id),
  ]);
  childIds.delete('');
  const reportFiles = unlinked.map((r) => unlinkedReportFile(r, today, municipalityCode));
  if (childIds.size === 0) return reportFiles;
  const persons = await db
    .selectFrom('person')
    .select(['id', 'personal_number', 'birth_date', 'created_at', 'archived_on'])
    .where('municipality_id', '=', m)
    .where('id', 'in', [...childIds])
    .execute();
  const past = (date: IsoDate | null) => (date !== null && date <= today ? date : null);
  const caseChild = new Map(cases.map((c) => [c.id, c.child_id]));
  const byChild = new Map<
    string,
    {
      cases: CaseFacts[];
      placements: PlacementFacts[];
      interventions: InterventionFacts[];
      records: FileRecord[];
    }
  >();
  const fileOf = (childId: string) => {
    let file = byChild.get(childId);
    if (!file) {
      file = { cases: [], placements: [], interventions: [], records: [] };
      byChild.set(childId, file);
    }
    return file;
  };
  const executionOf = new Map(executions.map((e) => [`${e.case_id}:${e.intervention_type_id}`, e]));
  const executionDates = new Map<string, (IsoDate | null)[]>();
  for (const e of executions)
    executionDates.set(e.case_id, [
      ...(executionDates.get(e.case_id) ?? []),
      day(e.carried_out_on),
      day(e.interrupted_on),
      day(e.resumed_on),
      day(e.ended_on),
    ]);
  const decided = new Map<string, string[]>();
  for (const i of interventions)
    decided.set(i.case_id, [...(decided.get(i.case_id) ?? []), i.intervention_type_id]);
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
    for (const typeId of decided.get(c.id) ?? []) {
      const execution = executionOf.get(`${c.id}:${typeId}`);
      file.interventions.push({
        id: `case:${c.id}:${typeId}`,
        caseId: c.id,
        startedOn: day(execution?.carried_out_on ?? null) ?? c.decided_on ?? c.opened_on,
        endedOn: day(execution?.ended_on ?? null),
      });
    }
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
        ...(executionDates.get(c.id) ?? []),
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
  // A placement is one fact (the first period: when the child moved in, and where) and one record,
  // whatever its later periods, steps and follow-up hold: they all document the placement.
  const placed = new Map<string, PlacementFacts & { childId: string; enteredOn: IsoDate }>();
  for (const p of placements) {
    const known = placed.get(p.id);
    const enteredOn = latest(known?.enteredOn ?? null, day(p.created_at), day(p.started_on), day(p.ended_on));
    if (known) {
      known.enteredOn = enteredOn;
      continue;
    }
    placed.set(p.id, {
      id: p.id,
      childId: p.child_id,
      caseId: p.case_id && caseChild.has(p.case_id) ? p.case_id : null,
      placementType: placementTypeOf(p.form),
      startedOn: day(p.started_on),
      endedOn: day(p.ended_on),
      enteredOn,
    });
  }
  for (const { childId, enteredOn, ...facts } of placed.values()) {
    const file = fileOf(childId);
    file.placements.push(facts);
    file.records.push({
      recordType: 'placement',
      recordId: facts.id,
      caseId: facts.caseId,
      placementId: facts.id,
      enteredOn,
    });
  }
  // The reason given for seeing a protected person's whereabouts is an entry in their file
  // (decision 0081 rule 2, 0116): about no case or placement, it goes with the file. It makes
  // no file of its own: a person with no report, case, plan or placement has no file to cull.
  for (const a of accesses)
    if (byChild.has(a.person_id))
      fileOf(a.person_id).records.push({
        recordType: 'protectedDetailsAccess',
        recordId: a.id,
        caseId: null,
        placementId: null,
        enteredOn: day(a.occurred_at) ?? today,
      });
  const personFiles = persons.map((p) => {
    const file = fileOf(p.id);
    return {
      personId: p.id,
      ...(p.archived_on !== null ? { archived: true as const } : {}),
      input: {
        today,
        municipalityCode,
        person: {
          personalNumber: p.personal_number,
          birthDate: p.birth_date,
          registeredOn: day(p.created_at) ?? today,
        },
        cases: file.cases,
        placements: file.placements,
        interventions: file.interventions,
        records: file.records,
      },
    };
  });
  return [...personFiles, ...reportFiles];
}

/**
 * Reports that name no child in the register (`child_id` null): an anmälan that never led to a
 * case about a registered child. Each is a file of its own (decision 0127), under the same rules:
 * five years after its last entry (16 kap. 1 §; 2 a § andra stycket, no investigation was opened
 * on it), the research sample by the birth day it gives (16 kap. 4 §, 13 kap. 1 § SoF), and kept
 * for review when it gives no date of birth or identity number.
 */
function unlinkedReports(db: Kysely<Database>, m: string, one: string | undefined) {
  return db
    .selectFrom('report')
    .select([
      'id',
      'received_on',
      'protection_assessed_on',
      'feedback_sent_on',
      'child_personal_number',
      'child_birth_date',
    ])
    .where('municipality_id', '=', m)
    .where('child_id', 'is', null)
    .$if(one !== undefined, (q) => q.where('id', '=', one ?? ''))
    .execute();
}

function unlinkedReportFile(
  r: Awaited<ReturnType<typeof unlinkedReports>>[number],
  today: IsoDate,
  municipalityCode: string,
): FileInput {
  const receivedOn = day(r.received_on) ?? today;
  return {
    personId: r.id,
    unlinkedReport: true,
    input: {
      today,
      municipalityCode,
      person: {
        personalNumber: r.child_personal_number,
        birthDate: day(r.child_birth_date),
        registeredOn: receivedOn,
      },
      cases: [],
      placements: [],
      interventions: [],
      records: [
        {
          recordType: 'report',
          recordId: r.id,
          caseId: null,
          placementId: null,
          enteredOn: latest(receivedOn, day(r.protection_assessed_on), day(r.feedback_sent_on)),
        },
      ],
    },
  };
}
