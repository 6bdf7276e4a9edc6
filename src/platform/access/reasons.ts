import type { Lang } from '../i18n/i18n.ts';
import { messages } from '../i18n/messages.ts';
import { type DenyReason, registeredRuleSets } from './policy.ts';

/**
 * A refusal in the user's words: the platform's reasons from its own catalogue, a feature's from
 * the rule set that gives it (a reason without a text says only that access was refused).
 */
export function denyReasonText(reason: DenyReason, lang: Lang): string {
  const platform: Readonly<Partial<Record<DenyReason, string>>> = messages(lang).errors.denyReasons;
  const fromRules = registeredRuleSets()
    .map((set) => set.reasonTexts?.(lang)[reason])
    .find((text) => text !== undefined);
  return platform[reason] ?? fromRules ?? messages(lang).errors.forbidden;
}

/** Refusals answered as "not found", so that the answer does not confirm that the resource exists. */
export function isConcealed(reason: DenyReason): boolean {
  return registeredRuleSets().some((set) => set.concealedReasons?.includes(reason));
}
