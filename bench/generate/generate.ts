import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { seal } from '../../src/platform/auth/secret-box.ts';
import { Progress } from '../progress.ts';
import { type AuditStreamResult, auditColumns, auditCopyChunks, copyValue } from './audit-stream.ts';
import { type CareTable, careColumns, careTables, extraOrganisations } from './care.ts';
import { caseColumns, caseNoteChunks, caseTables } from './cases.ts';
import { type CollaborationTable, collaborationColumns, collaborationTables } from './collaboration.ts';
import { benchPassword, benchTotpSecret } from './credentials.ts';
import { dateOf, dayMs, type Plan } from './plan.ts';
import { structuredId } from './rng.ts';
import { type BulkTarget, countLines } from './sink.ts';

export interface GenerateReport {
  tier: string;
  engine: string;
  seed: number;
  today: string;
  counts: Record<string, number>;
  /** Seconds per step, and in total. */
  seconds: Record<string, number>;
}

/**
 * Writes a plan into an empty, migrated database. Secondary indexes are dropped before the load
 * and recreated from their own definitions afterwards (a bulk load into indexes is several times
 * slower); constraints stay, so keys and references are checked as always.
 */
export async function writePlan(
  target: BulkTarget,
  plan: Plan,
  options: { secretKey: Buffer; nowMs?: number; progress?: Progress },
): Promise<GenerateReport> {
  const progress = options.progress ?? new Progress(false);
  const nowMs = options.nowMs ?? Date.now() - 60_000;
  const started = performance.now();
  const seconds: Record<string, number> = {};
  const counts: Record<string, number> = {};
  const [first] = await target.query<{ n: number }>('select count(*)::int as n from municipality');
  const n = first?.n ?? 0;
  if (n !== 0) throw new Error('The target database already has data: generate into an empty database.');

  const tables = [
    'person',
    'guardianship',
    'person_assignment',
    'audit_event',
    'child_case',
    'report',
    'case_note',
    'childs_voice',
    'deadline_extension',
    'decision_execution',
    ...(Object.keys(careColumns) as CareTable[]),
    ...(Object.keys(collaborationColumns) as CollaborationTable[]),
  ];
  const indexes = await target.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes
      where schemaname = 'public' and tablename = any($1)
        and indexname not in (select conname from pg_constraint)`,
    [tables],
  );
  for (const index of indexes) await target.exec(`drop index ${index.indexname}`);

  const passwordHash = await hashPassword(benchPassword);
  const m0 = plan.municipalities;

  progress.start(
    'registers',
    m0.reduce((sum, m) => sum + m.persons.length, 0),
  );
  counts.municipality = await target.copy(
    'municipality',
    ['id', 'code', 'name'],
    [m0.map((m) => row([m.id, m.code, m.name])).join('')],
  );
  counts.unit = await target.copy(
    'unit',
    ['id', 'municipality_id', 'name', 'kind'],
    [m0.flatMap((m) => m.units.map((u) => row([u.id, m.id, u.name, u.kind]))).join('')],
  );
  // Partner professionals belong to a partner organisation (issue 6): one school per municipality.
  const schoolOf = (m: (typeof m0)[number]) => structuredId(plan.seed, m.index, 7, 0);
  counts.partner_organisation = await target.copy(
    'partner_organisation',
    ['id', 'municipality_id', 'name', 'kind'],
    [
      m0
        .filter((m) => m.users.some((u) => u.role === 'partnerProfessional'))
        .map((m) =>
          row([
            schoolOf(m),
            m.id,
            m.users.find((u) => u.role === 'partnerProfessional')!.organisation,
            'school',
          ]),
        )
        .concat(m0.flatMap((m) => extraOrganisations(m, plan.seed)))
        .join(''),
    ],
  );
  counts.user_account = await target.copy(
    'user_account',
    [
      'id',
      'municipality_id',
      'unit_id',
      'username',
      'display_name',
      'role',
      'partner_kind',
      'organisation_name',
      'password_hash',
      'totp_secret_enc',
      'partner_organisation_id',
    ],
    [
      m0
        .flatMap((m) =>
          m.users.map((u) =>
            row([
              u.id,
              m.id,
              u.unit === null ? null : m.units[u.unit]!.id,
              u.username,
              u.displayName,
              u.role,
              u.partnerKind,
              u.organisation,
              passwordHash,
              u.role === 'statisticsReader' ? null : seal(options.secretKey, benchTotpSecret),
              u.role === 'partnerProfessional' ? schoolOf(m) : null,
            ]),
          ),
        )
        .join(''),
    ],
  );
  counts.person = 0;
  for (const m of m0) {
    counts.person += await target.copy(
      'person',
      [
        'id',
        'municipality_id',
        'personal_number',
        'is_coordination_number',
        'given_name',
        'family_name',
        'birth_date',
        'search_text',
        'protected_identity',
        'street_address',
        'postal_code',
        'city',
        'created_at',
      ],
      chunked(m.persons, (p) => {
        progress.tick();
        return row([
          p.id,
          m.id,
          p.personalNumber,
          p.isCoordinationNumber ? 't' : 'f',
          p.givenName,
          p.familyName,
          p.birthDate,
          p.searchText,
          p.protectedIdentity,
          p.streetAddress,
          p.postalCode,
          p.city,
          new Date(p.createdDay * dayMs + 9 * 3_600_000).toISOString(),
        ]);
      }),
    );
  }
  counts.guardianship = 0;
  counts.person_assignment = 0;
  for (const m of m0) {
    counts.guardianship += await target.copy(
      'guardianship',
      ['municipality_id', 'child_id', 'guardian_id', 'kind'],
      chunked(m.guardianships, (g) => row([m.id, m.persons[g.child]!.id, m.persons[g.guardian]!.id, g.kind])),
    );
    counts.person_assignment += await target.copy(
      'person_assignment',
      ['municipality_id', 'person_id', 'user_id', 'since'],
      chunked(m.assignments, (a) =>
        row([m.id, m.persons[a.person]!.id, m.users[a.user]!.id, dateOf(a.sinceDay)]),
      ),
    );
  }
  seconds.registers = progress.finish();

  progress.start(
    'cases',
    m0.reduce((sum, m) => sum + m.episodes.length, 0),
  );
  const firstReports = new Map<number, (string | undefined)[]>();
  for (const m of m0) {
    const t = caseTables(m, plan.seed);
    firstReports.set(m.index, t.firstReport);
    for (const table of [
      'intervention_type',
      'child_case',
      'case_intervention',
      'decision_execution',
      'report',
      'childs_voice',
      'deadline_extension',
    ] as const) {
      counts[table] =
        (counts[table] ?? 0) + (await target.copy(table, caseColumns[table], chunkedLines(t[table])));
    }
    progress.tick(m.episodes.length);
  }
  seconds.cases = progress.finish();

  // Placements, plans and joint visits follow the cases; staff, the working day and the
  // collaboration layer follow the staff.
  progress.start('care and collaboration', m0.length);
  for (const m of m0) {
    const care = careTables(m, plan.seed, firstReports.get(m.index) ?? [], (i) =>
      structuredId(plan.seed, m.index, 6, i),
    );
    for (const table of Object.keys(careColumns) as CareTable[]) {
      counts[table] =
        (counts[table] ?? 0) + (await target.copy(table, careColumns[table], chunkedLines(care[table])));
    }
    const collaboration = collaborationTables(m, plan.seed, { children: plan.tier.children, all: m0 });
    for (const table of Object.keys(collaborationColumns) as CollaborationTable[]) {
      counts[table] =
        (counts[table] ?? 0) +
        (await target.copy(table, collaborationColumns[table], chunkedLines(collaboration[table])));
    }
    progress.tick();
  }
  seconds.care = progress.finish();

  counts.case_note = 0;
  const notesPerChild = plan.tier.caseNotes / plan.tier.children;
  progress.start('case_note', Math.round(m0.reduce((sum, m) => sum + notesFor(m), 0)));
  function notesFor(m: (typeof m0)[number]) {
    return m.index === 0 ? plan.tier.caseNotes : notesPerChild * plan.tier.neighbourChildren;
  }
  for (const m of m0) {
    counts.case_note += await target.copy(
      'case_note',
      caseColumns.case_note,
      (function* () {
        for (const chunk of caseNoteChunks(m, plan.seed, notesFor(m))) {
          yield chunk;
          progress.tick(countLines(chunk));
        }
      })(),
    );
  }
  seconds.case_note = progress.finish();

  counts.audit_event = 0;
  progress.start(
    'audit_event',
    m0.reduce((sum, m) => sum + m.auditEvents, 0),
  );
  for (const m of m0) {
    const result: AuditStreamResult = { events: 0, lastHash: '' };
    const chunks = auditCopyChunks(m, { seed: plan.seed, nowMs }, result);
    await target.copy(
      'audit_event',
      auditColumns,
      (function* () {
        for (const chunk of chunks) {
          yield chunk;
          progress.tick(countLines(chunk));
        }
      })(),
    );
    counts.audit_event += result.events;
  }
  seconds.audit_event = progress.finish();

  progress.start('indexes', indexes.length);
  for (const index of indexes) {
    await target.exec(index.indexdef);
    progress.tick();
  }
  seconds.indexes = progress.finish();

  // Fresh statistics and a visibility map: the first benchmark run must not pay for the load.
  progress.start('vacuum analyze', 1);
  await target.exec(target.engine === 'postgresql' ? 'vacuum (freeze, analyze)' : 'vacuum analyze');
  progress.tick();
  seconds.vacuum = progress.finish();

  seconds.total = (performance.now() - started) / 1000;
  return {
    tier: plan.tier.name,
    engine: target.engine,
    seed: plan.seed,
    today: plan.today,
    counts,
    seconds,
  };
}

function row(values: (string | number | null)[]): string {
  return `${values.map(copyValue).join('\t')}\n`;
}

function* chunkedLines(lines: string[], size = 5000): Generator<string> {
  for (let i = 0; i < lines.length; i += size) yield lines.slice(i, i + size).join('');
}

function* chunked<T>(items: readonly T[], line: (item: T) => string, size = 5000): Generator<string> {
  for (let i = 0; i < items.length; i += size) {
    yield items
      .slice(i, i + size)
      .map(line)
      .join('');
  }
}
