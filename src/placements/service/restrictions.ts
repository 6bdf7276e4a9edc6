import type { Kysely } from 'kysely';
import { isIsoDate } from '../../deadlines/calendar.ts';
import type { AccessScope, RequestContext } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import { type DecisionMaker, decisionMakerKinds } from '../model.ts';
import type { LoadedPlacement, MovingBanRecord } from '../queries/facts.ts';
import {
  movingBanRefusals,
  type RestrictionKind,
  restrictionKinds,
  restrictionRefusals,
  reviewRefusals,
} from '../restrictions.ts';
import type { Refusal } from '../validation.ts';
import { onPlacement } from './actions.ts';
import { type FieldCodes, failed, type Outcome } from './scope.ts';

/**
 * The committee's LVU 14 § decisions, moving bans and their three-monthly reviews, recorded from
 * the minutes (docs/decisions/0120): checked by the core before they are written, audited in the
 * same transaction. The decision-maker field says who decided, not who typed it.
 */

type Values = Record<string, string | string[] | undefined>;
const s = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : undefined);

/** The date and decision-maker fields every one of these forms has; codes for what is missing. */
function decided(
  body: Values,
  form: Form,
  dateField: string,
  errors: FieldCodes,
): { on?: string; by?: DecisionMaker } {
  const on = s(body[dateField]);
  if (!on) errors[dateField] = 'required';
  else if (!isIsoDate(on)) errors[dateField] = 'dateInvalid';
  const kind = decisionMakerKinds.find((k) => k === s(body[`${form}ByKind`]));
  const name = s(body[`${form}ByName`]) ?? '';
  if (!kind) errors[`${form}ByKind`] = 'invalidChoice';
  if (!name) errors[`${form}ByName`] = 'required';
  return {
    ...(on && !errors[dateField] ? { on } : {}),
    ...(kind && name ? { by: { kind, name } } : {}),
  };
}

/** The three forms share the placement page, so each field name carries its form's. */
type Form = 'restriction' | 'ban' | 'review';

const toFields = (refusals: readonly Refusal[], form: Form, rename: Record<string, string> = {}) => {
  const fields: FieldCodes = {};
  for (const r of refusals) {
    const at = r.at ?? '_form';
    fields[rename[at] ?? (at === 'decidedBy' ? `${form}ByKind` : at)] ??= r.code;
  }
  return fields;
};

const base = (p: LoadedPlacement, body: Values, form: Form, userId: string) => ({
  municipality_id: p.row.municipality_id,
  placement_id: p.row.id,
  protocol_reference: s(body[`${form}Protocol`]) ?? '',
  created_by: userId,
});

/** An LVU 14 § decision: contact regulated, or the whereabouts kept secret from the guardians. */
export function recordRestriction(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  body: Values,
  today: string,
): Promise<Outcome | null> {
  return onPlacement(
    db,
    context,
    id,
    'placement.recordConsideration',
    'placementRestriction.create',
    async (scope, p) => {
      const errors: FieldCodes = {};
      const kind = restrictionKinds.find((k): k is RestrictionKind => k === s(body.restrictionKind));
      if (!kind) errors.restrictionKind = 'invalidChoice';
      const { on, by } = decided(body, 'restriction', 'restrictionOn', errors);
      if (Object.keys(errors).length || !kind || !on || !by) return failed(errors);
      const refusals = restrictionRefusals({ kind, decidedOn: on, decidedBy: by }, p.placement, today);
      if (refusals.length)
        return failed(
          toFields(refusals, 'restriction', { kind: 'restrictionKind', decidedOn: 'restrictionOn' }),
        );
      await scope.db
        .insertInto('placement_restriction')
        .values({
          ...base(p, body, 'restriction', scope.actor.userId),
          kind,
          decided_on: on,
          decided_by_kind: by.kind,
          decided_by_name: by.name,
        })
        .execute();
      return { ok: true };
    },
  );
}

/** The committee's application for a moving ban (25 § LVU), and the court's ban once decided. */
export function recordMovingBan(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  body: Values,
  today: string,
): Promise<Outcome | null> {
  return onPlacement(
    db,
    context,
    id,
    'placement.recordConsideration',
    'placementMovingBan.create',
    async (scope, p) => {
      const pending = s(body.banId) ? p.movingBans.find((b) => b.id === s(body.banId)) : undefined;
      if (s(body.banId))
        return pending
          ? courtDecided(scope, p, pending, body, today)
          : failed({ banCourtOn: 'subjectNotFound' });
      const errors: FieldCodes = {};
      const { on, by } = decided(body, 'ban', 'appliedOn', errors);
      const court = s(body.courtDecidedOn) || null;
      if (court && !isIsoDate(court)) errors.courtDecidedOn = 'dateInvalid';
      if (Object.keys(errors).length || !on || !by) return failed(errors);
      const input = { appliedOn: on, decidedBy: by, courtDecidedOn: court };
      const refusals = movingBanRefusals(input, p.placement, today);
      if (refusals.length) return failed(toFields(refusals, 'ban'));
      await scope.db
        .insertInto('placement_moving_ban')
        .values({
          ...base(p, body, 'ban', scope.actor.userId),
          applied_on: on,
          decided_by_kind: by.kind,
          decided_by_name: by.name,
          court_decided_on: court,
        })
        .execute();
      return { ok: true };
    },
  );
}

/** The court's ban on an application already recorded: from that day the ban is reviewed. */
async function courtDecided(
  scope: AccessScope,
  p: LoadedPlacement,
  ban: MovingBanRecord,
  body: Values,
  today: string,
): Promise<Outcome> {
  const court = s(body.banCourtOn);
  if (!court) return failed({ banCourtOn: 'required' });
  if (!isIsoDate(court)) return failed({ banCourtOn: 'dateInvalid' });
  if (ban.courtDecidedOn || ban.endedOn) return failed({ banCourtOn: 'subjectEnded' });
  const input = {
    appliedOn: ban.appliedOn,
    decidedBy: { kind: ban.decidedByKind ?? 'committee', name: ban.decidedByName ?? '' },
    courtDecidedOn: court,
  };
  const refusals = movingBanRefusals(input, p.placement, today).filter((r) => r.at !== 'decidedBy');
  if (refusals.length) return failed(toFields(refusals, 'ban', { courtDecidedOn: 'banCourtOn' }));
  await scope.db
    .updateTable('placement_moving_ban')
    .set({ court_decided_on: court })
    .where('municipality_id', '=', p.row.municipality_id)
    .where('id', '=', ban.id)
    .execute();
  return { ok: true };
}

/**
 * The committee's review of an LVU 14 § decision (14 § tredje stycket) or of a moving ban (26 §);
 * for a pending ban, the court's decision is recorded instead. A decision the committee ends ends
 * on the day of the meeting.
 */
export function recordReview(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  body: Values,
  today: string,
): Promise<Outcome | null> {
  return onPlacement(
    db,
    context,
    id,
    'placement.recordConsideration',
    'placementReview.create',
    async (scope, p) => {
      const errors: FieldCodes = {};
      const subjectId = s(body.subject) ?? '';
      const restriction = p.restrictions.find((r) => r.id === subjectId);
      const ban = p.movingBans.find((b) => b.id === subjectId);
      if (!restriction && !ban) errors.subject = 'subjectNotFound';
      const outcome = (['continues', 'ends'] as const).find((o) => o === s(body.reviewOutcome));
      if (!outcome) errors.reviewOutcome = 'invalidChoice';
      const { on, by } = decided(body, 'review', 'reviewedOn', errors);
      if (Object.keys(errors).length || !outcome || !on || !by) return failed(errors);
      const banInForce = ban?.courtDecidedOn
        ? { id: ban.id, decidedOn: ban.courtDecidedOn, endedOn: ban.endedOn, reviewedOn: [] }
        : null;
      const refusals = reviewRefusals(
        { decidedOn: on, decidedBy: by },
        restriction ? { kind: 'restriction', item: restriction } : { kind: 'movingBan', item: banInForce },
        today,
      );
      if (refusals.length) return failed(toFields(refusals, 'review'));
      await scope.db
        .insertInto('placement_review')
        .values({
          ...base(p, body, 'review', scope.actor.userId),
          restriction_id: restriction?.id ?? null,
          moving_ban_id: restriction ? null : ban!.id,
          decided_on: on,
          decided_by_kind: by.kind,
          decided_by_name: by.name,
          outcome,
        })
        .execute();
      if (outcome === 'ends') {
        const table = restriction ? 'placement_restriction' : 'placement_moving_ban';
        await scope.db
          .updateTable(table)
          .set({ ended_on: on })
          .where('municipality_id', '=', p.row.municipality_id)
          .where('id', '=', subjectId)
          .execute();
      }
      return { ok: true };
    },
  );
}
