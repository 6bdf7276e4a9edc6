import type { PartnerKind, ProtectedIdentity, Role } from '../db/schema.ts';
import type { Lang } from '../i18n/i18n.ts';

/**
 * The one access policy. Every question "may this user do this to that?" is answered here, as a
 * pure function, so it can be read and tested as a table. Deny by default: an action that is not
 * granted is refused, and so is an action nobody registered.
 *
 * The platform holds the rules of the people register, the log, administration and statistics.
 * Each other feature brings its own rule set in its access.ts (docs/decisions/0052): its actions
 * and resource types, declared for the type checker by merging into the interfaces below, and
 * registered at run time with the same actions, the grants per role, the refusals and the deny
 * reasons' texts. src/access.ts registers every rule set; the app, the tests and the commands
 * import it, so the policy is always complete where it is asked.
 */

export interface Actor {
  userId: string;
  municipalityId: string;
  role: Role;
  unitId: string | null;
  displayName: string;
  organisation: string | null;
  partnerKind: PartnerKind | null;
  secondFactorDone: boolean;
  /** The partner organisation a partner professional belongs to (docs/decisions/0030). */
  partnerOrganisationId?: string | null;
  /** A partner professional who also administers the users of their own organisation. */
  administersOrganisation?: boolean;
}

/** Nothing but the municipality: a register, a log, a page of settings. */
type Whole = Record<never, never>;

/**
 * The resource types and what each carries besides its municipality. A feature adds its own:
 * `declare module '../platform/access/policy.ts' { interface PolicyResources { sip: { … } } }`.
 */
export interface PolicyResources {
  personRegister: Whole;
  person: { protectedIdentity: ProtectedIdentity };
  auditLog: Whole;
  administration: Whole;
  statistics: Whole;
}
export type ResourceType = keyof PolicyResources;
export type Resource = {
  [T in ResourceType]: { type: T; municipalityId: string } & PolicyResources[T];
}[ResourceType];

/** The platform's actions, each with the type of resource it applies to. */
const coreActions = {
  'person.search': 'personRegister',
  'person.read': 'person',
  'person.create': 'personRegister',
  'person.update': 'person',
  'person.readProtectedDetails': 'person',
  'auditLog.review': 'auditLog',
  'unit.manage': 'administration',
  'user.manage': 'administration',
  'statistics.read': 'statistics',
} as const satisfies Record<string, ResourceType>;

/**
 * Every action and its resource type. A feature merges its own in, from the same object it
 * registers, so the two cannot differ: `interface PolicyActions extends SipActions {}` with
 * `type SipActions = typeof sipActions`.
 */
export interface PolicyActions extends CoreActions {}
type CoreActions = typeof coreActions;
export type Action = keyof PolicyActions;

/** Why the policy refused. A feature merges in the reasons its refusals give. */
export interface PolicyDenyReasons {
  notSignedIn: true;
  secondFactorRequired: true;
  otherMunicipality: true;
  roleNotPermitted: true;
  wrongResource: true;
  reasonRequired: true;
}
export type DenyReason = keyof PolicyDenyReasons;

export type Decision = { allowed: true; reason: string } | { allowed: false; reason: DenyReason };

export interface DecideOptions {
  reason?: string | undefined;
}

/** One feature's part of the policy. */
export interface RuleSet {
  /** The feature's name, for messages. */
  name: string;
  /** Its actions with their resource types: the object whose type it merged into PolicyActions. */
  actions: { readonly [A in Action]?: PolicyActions[A] };
  /** What each role may do with them. A grant may still be refused by `refusal`. */
  grants: { readonly [R in Role]?: readonly Action[] };
  /** Actions anyone may take, signed in or not, in any municipality. */
  publicActions?: readonly Action[];
  /**
   * After the role's grant: why this user may not do this to that resource, or null. Asked only
   * about the rule set's own actions, with a resource of the action's own type.
   */
  refusal?(actor: Actor, action: Action, resource: Resource, options: DecideOptions): DenyReason | null;
  /** Refusals answered as "not found": saying why would confirm the resource exists. */
  concealedReasons?: readonly DenyReason[];
  /** The texts of the deny reasons the rule set adds, in the user's language. */
  reasonTexts?(lang: Lang): Readonly<Partial<Record<DenyReason, string>>>;
}

/** Roles that may reach personal data must pass a second factor (TOTP or the IdP's own). */
export function requiresSecondFactor(role: Role): boolean {
  return role !== 'statisticsReader';
}

/** The smallest reason a user must give to see a protected person's whereabouts. */
export const minimumReasonLength = 10;

// Administrators manage accounts but do not read children's data. Partner professionals and guide
// editors get nothing of the people register (their features' rule sets give them their own).
const coreRules: RuleSet = {
  name: 'platform',
  actions: coreActions,
  grants: {
    administrator: ['unit.manage', 'user.manage'],
    intakeWorker: [
      'person.search',
      'person.read',
      'person.create',
      'person.update',
      'person.readProtectedDetails',
    ],
    socialWorker: [
      'person.search',
      'person.read',
      'person.create',
      'person.update',
      'person.readProtectedDetails',
    ],
    manager: [
      'person.search',
      'person.read',
      'person.readProtectedDetails',
      'auditLog.review',
      'statistics.read',
    ],
    statisticsReader: ['statistics.read'],
  },
  refusal(_actor, action, _resource, options) {
    if (
      action === 'person.readProtectedDetails' &&
      (options.reason?.trim().length ?? 0) < minimumReasonLength
    )
      return 'reasonRequired';
    return null;
  },
};

// ---- The registry: the rule sets of every feature, core first ----

const ruleSets: RuleSet[] = [];
const ruleSetOf = new Map<Action, RuleSet>();
const actionResource = new Map<Action, ResourceType>();
const publicActions = new Set<Action>();
const grants = new Map<Role, Action[]>();
const registered: Action[] = [];

/** Every registered action, the platform's first and then each rule set's in registration order. */
export const actions: readonly Action[] = registered;

/** Adds features' rule sets to the policy; src/access.ts calls it once with all of them. */
export function registerRules(...sets: readonly RuleSet[]): void {
  for (const set of sets) {
    // Checked whole before anything is added: a faulty rule set leaves the policy as it was.
    const own = Object.entries(set.actions) as [Action, ResourceType][];
    if (ruleSets.some((known) => known.name === set.name))
      throw new Error(`rule set ${set.name} registered twice`);
    for (const [action] of own) {
      const owner = ruleSetOf.get(action);
      if (owner) throw new Error(`action ${action} of ${set.name} is already ${owner.name}'s`);
    }
    const granted = Object.entries(set.grants) as [Role, readonly Action[]][];
    for (const action of [...granted.flatMap(([, list]) => list), ...(set.publicActions ?? [])])
      if (!own.some(([a]) => a === action))
        throw new Error(`${set.name} grants ${action}, which is not its own`);
    for (const [action, type] of own) {
      ruleSetOf.set(action, set);
      actionResource.set(action, type);
      registered.push(action);
    }
    for (const [role, list] of granted) grants.set(role, [...(grants.get(role) ?? []), ...list]);
    for (const action of set.publicActions ?? []) publicActions.add(action);
    ruleSets.push(set);
  }
}

registerRules(coreRules);

/** The rule sets as registered: the error handler finds the texts of their deny reasons here. */
export function registeredRuleSets(): readonly RuleSet[] {
  return ruleSets;
}

export function decide(
  actor: Actor | null,
  action: Action,
  resource: Resource,
  options: DecideOptions = {},
): Decision {
  if (publicActions.has(action)) {
    if (actionResource.get(action) !== resource.type) return deny('wrongResource');
    return { allowed: true, reason: `anyone may ${action}` };
  }
  if (!actor) return deny('notSignedIn');
  if (requiresSecondFactor(actor.role) && !actor.secondFactorDone) return deny('secondFactorRequired');
  // An action no rule set registered has no resource type: refused here, whatever it was asked of.
  if (actionResource.get(action) !== resource.type) return deny('wrongResource');
  if (resource.municipalityId !== actor.municipalityId) return deny('otherMunicipality');
  if (!grants.get(actor.role)?.includes(action)) return deny('roleNotPermitted');
  const refusal = ruleSetOf.get(action)?.refusal?.(actor, action, resource, options);
  if (refusal) return deny(refusal);
  return { allowed: true, reason: `${actor.role} may ${action}` };
}

function deny(reason: DenyReason): Decision {
  return { allowed: false, reason };
}

/** The kind of resource an action applies to: lets tests walk every resource type. */
export function actionResourceType(action: Action): ResourceType {
  const type = actionResource.get(action);
  if (!type) throw new Error(`action ${action} is not registered`);
  return type;
}

export function permittedActions(role: Role): readonly Action[] {
  return grants.get(role) ?? [];
}
