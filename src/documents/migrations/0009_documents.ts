import { type Kysely, sql } from 'kysely';

/**
 * Issue 14: the documents of a child's case. Each sending of a document is a row that is never
 * changed (a wrong record is corrected by a new one with a note); the proposed decision and whether
 * the decision answered an application are one row per case.
 */
const statements = [
  `create table document_dispatch (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    case_id uuid not null references child_case (id) on delete cascade,
    document_kind text not null check (document_kind in
      ('noInvestigation', 'feedback', 'investigation', 'partyCommunication', 'decision')),
    recipient text not null check (recipient ~ '^(person|report):[0-9a-f-]{36}$'),
    recipient_name text not null,
    method text not null check (method in ('letter', 'handedOver', 'secureEmail')),
    sent_on date not null,
    note text,
    recorded_by uuid not null references user_account (id),
    recorded_by_name text not null,
    recorded_at timestamptz not null default now()
  )`,
  `create index document_dispatch_case on document_dispatch (municipality_id, case_id, sent_on)`,
  `create table case_document_details (
    municipality_id uuid not null references municipality (id),
    case_id uuid primary key references child_case (id) on delete cascade,
    proposal text not null default '',
    application text not null check (application in ('none', 'grantedInFull', 'partlyOrRefused')),
    applied_for text not null default '',
    recorded_by uuid not null references user_account (id),
    recorded_at timestamptz not null default now()
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
