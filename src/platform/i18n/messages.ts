import { en } from './en.ts';
import { textsFor } from './i18n.ts';
import { type Messages, sv } from './sv.ts';

export type { Messages };

/** The platform's own texts: what every page uses (layout, navigation chrome, roles, errors, forms). */
export const messages = textsFor({ sv, en });
