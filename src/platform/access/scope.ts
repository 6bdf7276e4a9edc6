import type { Kysely, Transaction } from 'kysely';
import { type AuditEntry, writeAuditEvents } from '../audit/audit.ts';
import type { Database } from '../db/schema.ts';
import {
  type Action,
  type Actor,
  type DecideOptions,
  type DenyReason,
  decide,
  type Resource,
} from './policy.ts';

export interface RequestContext {
  actor: Actor | null;
  clientAddress: string | null;
  /**
   * "Today" for the date rules of this request (the clock, src/platform/clock.ts): the real date
   * in Sweden unless a demonstration or test fixed it. Absent outside requests.
   */
  today?: string | undefined;
}

export class AccessDenied extends Error {
  constructor(
    readonly reason: DenyReason,
    readonly action: Action,
  ) {
    super(`Access denied (${reason}) for ${action}`);
  }
}

/**
 * The only way from a route to personal data. A scope is one transaction in which every access is
 * first authorised by the policy and then written to the audit trail, so data and trail commit
 * together or not at all.
 */
export class AccessScope {
  private authorised = false;
  /** The municipality whose data was authorised: its audit chain gets the events. */
  private municipalityId: string | undefined;
  private pendingDenial: { action: Action; entry: AuditEntry; municipalityId: string } | undefined;
  private readonly pending: { municipalityId: string; entries: AuditEntry[] }[] = [];

  constructor(
    readonly db: Transaction<Database>,
    readonly context: RequestContext,
  ) {}

  get actor(): Actor {
    if (!this.context.actor) throw new AccessDenied('notSignedIn', 'person.read');
    return this.context.actor;
  }

  /** Throws AccessDenied unless the policy allows the action; the refusal is audited too. */
  authorize(
    action: Action,
    resource: Resource,
    options: DecideOptions & { audit?: Omit<AuditEntry, 'action'> } = {},
  ): void {
    const decision = decide(this.context.actor, action, resource, options);
    if (!decision.allowed) {
      if (this.context.actor) {
        this.pendingDenial = {
          action,
          municipalityId: this.context.actor.municipalityId,
          entry: { action, outcome: 'denied', ...options.audit, reason: decision.reason },
        };
      }
      throw new AccessDenied(decision.reason, action);
    }
    this.authorised = true;
    this.municipalityId = resource.municipalityId;
  }

  /**
   * Records what was read or written. Only after a successful authorize in the same scope. The
   * events are written when the work is done, before the transaction commits and before anything
   * leaves it (withAccess): one lock and one insert however many parts of a page were audited.
   */
  async audit(...entries: AuditEntry[]): Promise<void> {
    if (!this.authorised || !this.municipalityId)
      throw new Error('audit() before authorize(): access must be decided first');
    const last = this.pending.at(-1);
    if (last?.municipalityId === this.municipalityId) last.entries.push(...entries);
    else this.pending.push({ municipalityId: this.municipalityId, entries: [...entries] });
  }

  /** @internal used by withAccess: writes the recorded events inside the scope's transaction. */
  async writeAudit(): Promise<void> {
    for (const { municipalityId, entries } of this.pending.splice(0)) {
      // Public actions (a concern report from the public) have no actor; the event still goes
      // into the chain of the municipality that received the data.
      await writeAuditEvents(
        this.db,
        { municipalityId, actor: this.context.actor, clientAddress: this.context.clientAddress },
        entries,
      );
    }
  }

  /** @internal used by withAccess */
  takeDenial() {
    return this.pendingDenial;
  }
  /** @internal used by withAccess */
  wasAuthorised() {
    return this.authorised;
  }
}

function auditContext(actor: Actor, context: RequestContext) {
  return { municipalityId: actor.municipalityId, actor, clientAddress: context.clientAddress };
}

export async function withAccess<T>(
  db: Kysely<Database>,
  context: RequestContext,
  work: (scope: AccessScope) => Promise<T>,
): Promise<T> {
  let scope: AccessScope | undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      scope = new AccessScope(trx, context);
      const result = await work(scope);
      if (!scope.wasAuthorised()) throw new Error('withAccess: work finished without an authorize() call');
      await scope.writeAudit();
      return result;
    });
  } catch (error) {
    const denial = scope?.takeDenial();
    if (error instanceof AccessDenied && denial && context.actor) {
      // The refused attempt is itself worth reviewing; it is written after the rollback.
      await db
        .transaction()
        .execute((trx) =>
          writeAuditEvents(trx, auditContext(context.actor as Actor, context), [denial.entry]),
        );
    }
    throw error;
  }
}

/** For pages that show no personal data (an empty form): the policy decides, nothing to audit. */
export function ensureAllowed(actor: Actor | null, action: Action, resource: Resource): void {
  const decision = decide(actor, action, resource);
  if (!decision.allowed) throw new AccessDenied(decision.reason, action);
}
