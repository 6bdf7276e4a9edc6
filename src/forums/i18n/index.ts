import { textsFor } from '../../platform/i18n/i18n.ts';
import { forumEn } from './en.ts';
import { type ForumTexts, forumSv } from './sv.ts';

export type { ForumTexts };

/** The forums' texts in the user's language. */
export const forumTexts = textsFor({ sv: forumSv, en: forumEn });
