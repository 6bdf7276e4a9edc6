import { textsFor } from '../../platform/i18n/i18n.ts';
import { peopleEn } from './en.ts';
import { type PeopleTexts, peopleSv } from './sv.ts';

export type { PeopleTexts };

/** The people register’s texts in the user’s language. */
export const peopleTexts = textsFor({ sv: peopleSv, en: peopleEn });
