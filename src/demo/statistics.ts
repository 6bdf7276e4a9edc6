import type { Kysely } from 'kysely';
import { addDays, addMonths } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import { newReference } from '../reports/domain.ts';
import type { OrganisationKind, ReporterKind } from '../reports/schema.ts';

/**
 * Two years of finished case history for the statistics pages (issue 17): about six cases a
 * month from report to closure, so the indicators have something to count and the per-month
 * charts a course. Deterministic; all invented. Among them the edge dates the tests use: an
 * initial assessment decided on day 14, one decided on day 15 because day 14 was Epiphany, an
 * extended investigation finished within its extension and one late despite it.
 */

const sources: { kind: ReporterKind; organisation: OrganisationKind | null; name: string | null }[] = [
  { kind: 'professional', organisation: 'school', name: 'Lena Rektorsson' },
  { kind: 'professional', organisation: 'healthCare', name: 'Bo Läkare' },
  { kind: 'professional', organisation: 'police', name: 'Polisen Sjövik' },
  { kind: 'professional', organisation: 'school', name: 'Kim Mentor' },
  { kind: 'private', organisation: null, name: 'En granne' },
  { kind: 'anonymous', organisation: null, name: null },
  { kind: 'professional', organisation: 'dentalCare', name: 'Folktandvården Sjövik' },
  { kind: 'professional', organisation: 'other', name: 'Fritidsgården' },
];

export async function seedStatisticsHistory(
  trx: Kysely<Database>,
  input: {
    municipalityId: string;
    today: string;
    units: { intake: string; investigation: string };
    users: { intake: string; manager: string; intakemanager: string };
    children: readonly { id: string; given_name: string; family_name: string }[];
  },
): Promise<number> {
  const { municipalityId: m, today, units, users } = input;
  let n = 0;
  const year = Number(today.slice(0, 4));
  // The last 23 December at least a month ago: its day 14 is Epiphany, so day 15 is in time.
  const christmasYear = today >= `${year}-01-23` ? year - 1 : year - 2;
  const starts: string[] = [`${christmasYear}-12-23`];
  for (let month = 24; month >= 1; month--)
    for (let i = 0; i < 6; i++) starts.push(addDays(addMonths(today, -month), (i * 5) % 28));
  // A child has one open case at most: the cases still open take children of their own, from
  // the end of the list (the demo's current cases take theirs from the start).
  const open = new Set(
    (
      await trx
        .selectFrom('child_case')
        .select('child_id')
        .where('municipality_id', '=', m)
        .where('phase', '<>', 'closed')
        .execute()
    ).map((c) => c.child_id),
  );
  const spare = [...input.children]
    .reverse()
    .slice(0, 60)
    .filter((c) => !open.has(c.id));
  const closedPool = input.children.slice(0, Math.max(1, input.children.length - 60));
  for (const receivedOn of starts) {
    const source = sources[n % sources.length]!;
    // Mostly within 14 days; every seventh late; the first case decided on day 15 after Epiphany.
    const initialDays = n === 0 ? 15 : n % 7 === 3 ? 17 : n % 5 === 1 ? 14 : 6 + (n % 6);
    const initialOn = addDays(receivedOn, initialDays);
    if (initialOn >= today) continue;
    const investigate = n % 5 !== 4;
    const investigationDays = 60 + ((n * 13) % 80) + (n % 9 === 2 ? 40 : 0);
    const decidedOn = investigate ? addDays(initialOn, investigationDays) : null;
    const interventions = investigate && n % 3 !== 0;
    const closedOn = decidedOn ? addDays(decidedOn, interventions ? 90 + (n % 60) : 0) : initialOn;
    const done = (date: string | null) => (date !== null && date < today ? date : null);
    const child = done(closedOn) ? closedPool[(n * 7) % closedPool.length]! : spare.shift();
    if (!child) continue;
    const row = await trx
      .insertInto('child_case')
      .values({
        municipality_id: m,
        child_id: child.id,
        unit_id: investigate ? units.investigation : units.intake,
        phase: done(closedOn) ? 'closed' : investigate ? 'investigation' : 'closed',
        opened_on: receivedOn,
        initial_decision: investigate ? 'openInvestigation' : 'noInvestigation',
        initial_decision_reason: investigate ? null : 'Behovet tillgodoses av skolans elevhälsa.',
        initial_decided_on: initialOn,
        initial_decided_by: users.intakemanager,
        child_heard: true,
        investigation_opened_on: investigate ? initialOn : null,
        decision_outcome: done(decidedOn) ? (interventions ? 'interventions' : 'noIntervention') : null,
        decision_text: done(decidedOn) ? 'Beslut enligt utredningen.' : null,
        decided_on: done(decidedOn),
        decided_by: done(decidedOn) ? users.manager : null,
        closed_on: done(closedOn) ?? (investigate ? null : initialOn),
        closed_by: done(closedOn) ? users.manager : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('report')
      .values({
        municipality_id: m,
        reference: newReference(),
        unit_id: units.intake,
        received_on: receivedOn,
        received_at: new Date(`${receivedOn}T10:00:00+01:00`),
        channel: source.kind === 'professional' ? 'professionalForm' : 'publicForm',
        reporter_kind: source.kind,
        reporter_name: source.name,
        reporter_organisation_kind: source.organisation,
        child_given_name: child.given_name,
        child_family_name: child.family_name,
        concern: 'Oro för barnets situation hemma (historik för statistiken).',
        child_id: child.id,
        case_id: row.id,
        linked_at: new Date(`${receivedOn}T12:00:00+01:00`),
        linked_on: receivedOn,
        linked_by: users.intake,
        protection_outcome: 'noImmediateProtection',
        protection_reasoning: 'Inget akut skyddsbehov.',
        protection_assessed_on: receivedOn,
        protection_assessed_by: users.intake,
      })
      .execute();
    // Every ninth investigation was extended: most finish within the extension, some do not.
    if (investigate && n % 9 === 2) {
      await trx
        .insertInto('deadline_extension')
        .values({
          municipality_id: m,
          case_id: row.id,
          rule_id: 'investigation',
          extended_to: addDays(addMonths(initialOn, 4), n % 2 === 0 ? 45 : 20),
          reason: 'Utlåtande från BUP dröjer.',
          decided_on: addDays(initialOn, 100),
          decided_by: users.manager,
        })
        .execute();
    }
    n++;
  }
  return n;
}
