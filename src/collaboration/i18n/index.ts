import { textsFor } from '../../platform/i18n/i18n.ts';
import { collaborationEn } from './en.ts';
import { type CollaborationTexts, collaborationSv } from './sv.ts';

export type { CollaborationTexts };

/** The collaboration layer's shared texts in the user's language. */
export const collaborationTexts = textsFor({ sv: collaborationSv, en: collaborationEn });
