import { sql } from 'kysely';
import type { AccessScope } from '../../platform/access/scope.ts';
import type { ConsentContext } from '../access.ts';
import type { Sip } from '../schema.ts';

/**
 * Queries on coordinated individual plans. Each takes an AccessScope: the municipality comes from
 * the signed-in user, never from the request, and the caller authorises before it audits.
 */

export const m = (scope: AccessScope) => scope.actor.municipalityId;

/**
 * The municipality's own social services as an organisation, created on first need. A plan's
 * parties, lead organisation and responsibilities then all point at organisations.
 */
export async function socialServicesOrganisation(scope: AccessScope): Promise<{ id: string; name: string }> {
  const existing = await scope.db
    .selectFrom('partner_organisation')
    .select(['id', 'name'])
    .where('municipality_id', '=', m(scope))
    .where('kind', '=', 'socialServices')
    .executeTakeFirst();
  if (existing) return existing;
  const municipality = await scope.db
    .selectFrom('municipality')
    .select('name')
    .where('id', '=', m(scope))
    .executeTakeFirstOrThrow();
  await scope.db
    .insertInto('partner_organisation')
    .values({
      municipality_id: m(scope),
      kind: 'socialServices',
      name: `Socialtjänsten, ${municipality.name}`,
    })
    .onConflict((oc) =>
      oc.column('municipality_id').where('kind', '=', sql.lit('socialServices')).doNothing(),
    )
    .execute();
  return scope.db
    .selectFrom('partner_organisation')
    .select(['id', 'name'])
    .where('municipality_id', '=', m(scope))
    .where('kind', '=', 'socialServices')
    .executeTakeFirstOrThrow();
}

export interface SipAccessFacts {
  sip: Sip;
  participantOrganisationIds: string[];
  consent: ConsentContext | null;
  consentId: string | null;
}

/** The plan, its parties and its current consent: what the policy decides on, in one place. */
export async function sipAccessFacts(scope: AccessScope, id: string): Promise<SipAccessFacts | undefined> {
  const sip = await scope.db
    .selectFrom('sip')
    .selectAll()
    .where('municipality_id', '=', m(scope))
    .where('id', '=', id)
    .executeTakeFirst();
  if (!sip) return undefined;
  const facts = await accessFactsOf(scope, [sip.id]);
  const own = facts.get(sip.id);
  return {
    sip,
    participantOrganisationIds: own?.participants ?? [],
    consent: own?.consent ?? null,
    consentId: own?.consentId ?? null,
  };
}

/** Parties and current consent of several plans at once (lists and worklists). */
export async function accessFactsOf(scope: AccessScope, sipIds: readonly string[]) {
  const result = new Map<
    string,
    { participants: string[]; consent: ConsentContext | null; consentId: string | null }
  >();
  if (sipIds.length === 0) return result;
  for (const id of sipIds) result.set(id, { participants: [], consent: null, consentId: null });
  const [participants, consents] = await Promise.all([
    scope.db
      .selectFrom('sip_participant')
      .select(['sip_id', 'organisation_id'])
      .where('municipality_id', '=', m(scope))
      .where('sip_id', 'in', sipIds)
      .execute(),
    scope.db
      .selectFrom('sip_consent as c')
      .select([
        'c.id',
        'c.sip_id',
        'c.given_on',
        'c.valid_until',
        'c.withdrawn_at',
        'c.information_kinds',
        (eb) =>
          eb
            .selectFrom('sip_consent_organisation as o')
            .select(sql<string[]>`coalesce(array_agg(o.organisation_id::text), '{}')`.as('ids'))
            .whereRef('o.municipality_id', '=', 'c.municipality_id')
            .whereRef('o.consent_id', '=', 'c.id')
            .as('organisation_ids'),
      ])
      .where('c.municipality_id', '=', m(scope))
      .where('c.sip_id', 'in', sipIds)
      .where('c.superseded_at', 'is', null)
      .execute(),
  ]);
  for (const p of participants) result.get(p.sip_id)?.participants.push(p.organisation_id);
  for (const c of consents) {
    const entry = result.get(c.sip_id);
    if (!entry) continue;
    entry.consentId = c.id;
    entry.consent = {
      givenOn: c.given_on,
      validUntil: c.valid_until,
      withdrawn: c.withdrawn_at !== null,
      organisationIds: c.organisation_ids ?? [],
      informationKinds: c.information_kinds,
    };
  }
  return result;
}
