import type { Kysely } from 'kysely';
import { isIsoDate } from '../../deadlines/calendar.ts';
import type { RequestContext } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import { type DecisionMaker, decisionMakerKinds } from '../model.ts';
import type { MovingBanRecord } from '../queries/facts.ts';
import { movingBanRefusals } from '../restrictions.ts';
import { type TemporaryMovingBan, temporaryBanRefusals } from '../temporary-ban.ts';
import { applyStep, type TemporaryBanStep, temporaryBanSteps } from '../temporary-ban-steps.ts';
import type { Refusal } from '../validation.ts';
import { onPlacement } from './actions.ts';
import { type FieldCodes, failed, type Outcome, placementAudit } from './scope.ts';

/**
 * Temporary moving bans (27–30 §§ LVU; docs/decisions/0113) recorded from the minutes and the
 * court's decisions: the decision, then each later step on its own form. Checked by the core
 * (src/placements/temporary-ban.ts, temporary-ban-steps.ts) before anything is written, in one
 * transaction with its audit event; the placement is locked while a step is recorded.
 */

type Values = Record<string, string | string[] | undefined>;
const s = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : undefined);

/** A date and a decision-maker from a form whose fields carry its prefix. */
function dateAndMaker(body: Values, prefix: string, errors: FieldCodes, makerNeeded: boolean) {
  const on = s(body[`${prefix}On`]);
  if (!on) errors[`${prefix}On`] = 'required';
  else if (!isIsoDate(on)) errors[`${prefix}On`] = 'dateInvalid';
  let by: DecisionMaker | null = null;
  if (makerNeeded) {
    const kind = decisionMakerKinds.find((k) => k === s(body[`${prefix}ByKind`]));
    const name = s(body[`${prefix}ByName`]) ?? '';
    if (!kind) errors[`${prefix}ByKind`] = 'invalidChoice';
    if (!name) errors[`${prefix}ByName`] = 'required';
    if (kind && name) by = { kind, name };
  }
  return { on: on && !errors[`${prefix}On`] ? on : null, by };
}

const toFields = (refusals: readonly Refusal[], prefix: string, dateField: string) => {
  const fields: FieldCodes = {};
  for (const r of refusals) {
    const at = r.at ?? '_form';
    const field =
      at === 'decidedBy' ? `${prefix}ByKind` : at === 'step' ? `${prefix}` : at === '_form' ? at : dateField;
    fields[field] ??= r.code;
  }
  return fields;
};

/** An application for a moving ban pending on a day: made by then, not decided nor ended before it. */
const pendingOn = (bans: readonly MovingBanRecord[], on: string) =>
  bans.find(
    (b) =>
      b.appliedOn <= on && (!b.courtDecidedOn || b.courtDecidedOn > on) && (!b.endedOn || b.endedOn > on),
  );

/** The decision on a temporary ban: by the committee, its chair or an appointed member, or the court. */
export function recordTemporaryBan(
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
    'placementTemporaryBan.create',
    async (scope, p) => {
      const errors: FieldCodes = {};
      const { on, by } = dateAndMaker(body, 'temporary', errors, true);
      if (Object.keys(errors).length || !on || !by) return failed(errors);
      // The court decides one only on the committee's application (27 § tredje stycket).
      const application = by.kind === 'court' ? pendingOn(p.movingBans, on) : undefined;
      const ban: TemporaryMovingBan = {
        decidedOn: on,
        decidedBy: by,
        submittedOn: null,
        courtReview: null,
        appliedOn: application?.appliedOn ?? null,
        banDecidedOn: null,
        liftedOn: null,
      };
      const refusals = temporaryBanRefusals(ban, p.placement, today).map((r) =>
        r.at === 'appliedOn'
          ? { ...r, code: 'courtTemporaryBanWithoutApplication' as const, at: 'decidedBy' }
          : r,
      );
      if (refusals.length) return failed(toFields(refusals, 'temporary', 'temporaryOn'));
      await scope.db
        .insertInto('placement_temporary_ban')
        .values({
          municipality_id: p.row.municipality_id,
          placement_id: p.row.id,
          decided_on: on,
          decided_by_kind: by.kind as Exclude<typeof by.kind, 'official'>,
          decided_by_name: by.name,
          protocol_reference: s(body.temporaryProtocol) ?? '',
          moving_ban_id: application?.id ?? null,
          created_by: scope.actor.userId,
        })
        .execute();
      return { ok: true };
    },
  );
}

/** A later step of a ban on the placement: submitted, the court's review, applied, reported, lifted. */
export function recordTemporaryBanStep(
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
    'placementTemporaryBan.update',
    async (scope, p) => {
      const errors: FieldCodes = {};
      const ban = p.temporaryBans.find((b) => b.id === s(body.banStepId));
      if (!ban) errors.banStepId = 'subjectNotFound';
      const step = temporaryBanSteps.find((k): k is TemporaryBanStep => k === s(body.banStep));
      if (!step) errors.banStep = 'invalidChoice';
      // An application already recorded on the placement, or a new one with its decision-maker.
      const linkedId = step === 'applied' ? s(body.banStepApplicationId) : undefined;
      const linked = linkedId ? p.movingBans.find((b) => b.id === linkedId) : undefined;
      if (linkedId && (!linked || linked.courtDecidedOn || linked.endedOn))
        errors.banStepApplicationId = 'subjectNotFound';
      const needsMaker = step === 'lifted' || (step === 'applied' && !linkedId);
      const dated = linked
        ? { on: linked.appliedOn, by: null }
        : dateAndMaker(body, 'banStep', errors, needsMaker);
      if (Object.keys(errors).length || !ban || !step || !dated.on) return failed(errors);
      const { on, by } = dated;
      const { refusals } = applyStep(ban, step, on, p.placement, today, by);
      if (step === 'applied' && by) {
        const application = movingBanRefusals(
          { appliedOn: on, decidedBy: by, courtDecidedOn: null },
          p.placement,
          today,
        );
        refusals.push(...application.filter((r) => !refusals.some((x) => x.code === r.code)));
      }
      if (refusals.length) return failed(toFields(refusals, 'banStep', 'banStepOn'));
      const update = () => scope.db.updateTable('placement_temporary_ban');
      const where = (q: ReturnType<typeof update>) =>
        q.where('municipality_id', '=', p.row.municipality_id).where('id', '=', ban.id);
      switch (step) {
        case 'submitted':
          await where(update().set({ submitted_on: on })).execute();
          break;
        case 'confirmed':
        case 'notConfirmed':
          await where(
            update().set({ court_reviewed_on: on, court_confirmed: step === 'confirmed' }),
          ).execute();
          break;
        case 'reported':
          await where(update().set({ reported_on: on })).execute();
          break;
        case 'lifted':
          await where(
            update().set({
              lifted_on: on,
              lifted_by_kind: by!.kind as 'committee' | 'subcommittee' | 'court',
              lifted_by_name: by!.name,
              lifted_reason: s(body.banStepReason) ?? '',
            }),
          ).execute();
          break;
        case 'applied': {
          let movingBanId = linked?.id;
          if (!movingBanId) {
            // The application is the 24 § application the court's ban is later recorded on (0120).
            const made = await scope.db
              .insertInto('placement_moving_ban')
              .values({
                municipality_id: p.row.municipality_id,
                placement_id: p.row.id,
                applied_on: on,
                decided_by_kind: by!.kind,
                decided_by_name: by!.name,
                protocol_reference: s(body.banStepProtocol) ?? '',
                created_by: scope.actor.userId,
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            movingBanId = made.id;
            await scope.audit(placementAudit(p, 'placementMovingBan.create'));
          }
          await where(update().set({ moving_ban_id: movingBanId })).execute();
          break;
        }
      }
      return { ok: true };
    },
  );
}
