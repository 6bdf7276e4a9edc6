import { createReader, type FieldWarning, type Outcome } from '../collaboration/form.ts';
import { checkForChildData } from '../collaboration/personal-data-guard.ts';
import { commentAttributeTexts, commentPlainText, sanitizeComment } from './comment-html.ts';

/**
 * Comments on published good examples, as the source blog has them: the public comments without an
 * account, with a name and an e-mail address (required; the address is never published), in a
 * little HTML (comment-html.ts). Every comment waits for an editor's approval before anyone else
 * sees it. docs/decisions/0102.
 */

export const commentStates = ['pending', 'approved', 'rejected', 'removed'] as const;
export type CommentState = (typeof commentStates)[number];

export const commentLimits = { name: 100, email: 254, html: 20_000, text: 4000 } as const;

export interface CommentInput {
  name?: string;
  email?: string;
  body?: string;
  /** A field people do not see and bots fill in. */
  website?: string;
}

export interface CommentValue {
  name: string;
  email: string;
  /** Sanitised: the only form in which the body is stored or shown. */
  bodyHtml: string;
  /** For the moderator: what may name a child, to look at before approving. */
  moderatorWarnings: FieldWarning[];
}

export type CommentRefusal = 'empty' | 'spam';

const emailPattern = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/;

/**
 * Reads a comment from the public form. The body is sanitised first; its text and surviving
 * attributes are what the guard reads, so an identity number is refused wherever it hides. Names
 * do not hold the commenter up (they cannot confirm for a child's sake): they go to the moderator.
 */
export function validateComment(input: CommentInput, today: string): Outcome<CommentValue, CommentRefusal> {
  const form = createReader<CommentRefusal>(null);
  if ((input.website ?? '').trim()) form.fail('website', 'spam');
  const name = form.text('name', input.name, { max: commentLimits.name, required: true, official: true });
  const email = form.text('email', input.email, { max: commentLimits.email, required: true, official: true });
  if (email && email.length <= commentLimits.email && !emailPattern.test(email))
    form.fail('email', 'invalid');
  const raw = input.body ?? '';
  const moderatorWarnings: FieldWarning[] = [];
  let bodyHtml = '';
  if (raw.length > commentLimits.html) form.fail('body', 'tooLong', { max: commentLimits.text });
  else {
    bodyHtml = sanitizeComment(raw.normalize('NFC'));
    const text = commentPlainText(bodyHtml).trim();
    if (!text) form.fail('body', raw.trim() ? 'empty' : 'required');
    else if (text.length > commentLimits.text) form.fail('body', 'tooLong', { max: commentLimits.text });
    for (const part of [text, ...commentAttributeTexts(bodyHtml)]) {
      const found = checkForChildData(part, { today });
      for (const refusal of found.refusals) form.fail('body', refusal.code, { advice: 'useSip' });
      for (const warning of found.warnings) moderatorWarnings.push({ field: 'body', ...warning });
    }
  }
  return form.done(() => ({ name, email: email.toLowerCase(), bodyHtml, moderatorWarnings }));
}

export type ModerationStep = 'approve' | 'reject' | 'remove';
export type ModerationRefusal = 'wrongState' | 'notAnEditor' | 'reasonRequired';

/**
 * pending → approved (shown) or rejected (never shown); an approved comment can be removed later,
 * with a reason (a complaint, a child named after all). Only an editor moderates.
 */
export function moderationRefusal(
  step: ModerationStep,
  comment: { state: CommentState },
  actor: { isEditor: boolean },
  reason: string,
): ModerationRefusal | null {
  if (!actor.isEditor) return 'notAnEditor';
  const from: Record<ModerationStep, CommentState> = {
    approve: 'pending',
    reject: 'pending',
    remove: 'approved',
  };
  if (comment.state !== from[step]) return 'wrongState';
  if (step === 'remove' && !reason.trim()) return 'reasonRequired';
  return null;
}

export function commentStateAfter(step: ModerationStep): CommentState {
  return ({ approve: 'approved', reject: 'rejected', remove: 'removed' } as const)[step];
}

/**
 * What the public page shows of a comment: only approved ones, and never the e-mail address. The
 * page renders `bodyHtml` as HTML (it was sanitised when saved) and everything else as text.
 */
export function publicComments<
  C extends { state: CommentState; postedAt: Date; name: string; bodyHtml: string },
>(comments: readonly C[]): { name: string; postedAt: Date; bodyHtml: string }[] {
  return comments
    .filter((c) => c.state === 'approved')
    .sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime())
    .map(({ name, postedAt, bodyHtml }) => ({ name, postedAt, bodyHtml }));
}
