import type { Widen } from '../../platform/i18n/i18n.ts';

/** The start page in Swedish: the source every other language is translated from, and their type. */
export const homeSv = {
  title: 'Start',
  welcome: (name: string) => `Välkommen, ${name}`,
  partnerInfo:
    'Som samverkanspart ser du inte socialtjänstens akter. Du ser de samordnade individuella planer (SIP) som din organisation deltar i, så länge familjens samtycke gäller.',
  statisticsInfo: 'Som statistikläsare ser du bara sammanställda uppgifter utan personuppgifter.',
};

export type HomeTexts = Widen<typeof homeSv>;
