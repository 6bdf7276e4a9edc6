import { textsFor } from '../../platform/i18n/i18n.ts';
import { placementEn } from './en.ts';
import { type PlacementTexts, placementSv } from './sv.ts';

export type { PlacementTexts };

/** The placements’ texts in the user’s language. */
export const placementTexts = textsFor({ sv: placementSv, en: placementEn });
