import type { Widen } from '../../platform/i18n/i18n.ts';

/** What every form of the collaboration layer says: the guard and the common field errors. */
export const collaborationSv = {
  field: {
    required: 'Fyll i fältet.',
    tooLong: (max: number) => `Högst ${max} tecken.`,
    invalid: 'Värdet är inte giltigt.',
    dateInvalid: 'Skriv datumet som ÅÅÅÅ-MM-DD.',
    dateInPast: 'Datumet har redan passerat.',
    dateInFuture: 'Datumet ligger i framtiden.',
    dateBeforeStart: 'Datumet ligger före startdatumet.',
    notAWebAddress: 'Länken måste börja med https:// eller http://.',
    notAMember: 'Värdet finns inte bland valen.',
    duplicate: 'Finns redan.',
    tooMany: 'För många.',
    personalIdentityNumber:
      'Texten innehåller ett personnummer. Här skrivs inget om enskilda barn: enskilda ärenden hör hemma i en samordnad individuell plan (SIP). Ta bort numret.',
    coordinationNumber:
      'Texten innehåller ett samordningsnummer. Enskilda ärenden hör hemma i en SIP. Ta bort numret.',
    childNameUnconfirmed:
      'Texten kan peka ut ett barn (se markeringarna). Skriv om den, eller bekräfta att inget barn nämns.',
  },
  phoneHint:
    'Är det ett telefonnummer? Skriv det med mellanslag eller bindestreck, till exempel 070-123 45 67.',
  warnings: {
    givenName: (name: string) => `Ser ut som ett barns förnamn: ”${name}”`,
    nameWithAge: (name: string) => `Namn med ålder: ”${name}”`,
    childWordWithName: (name: string) => `Namn efter ”flickan”, ”sonen” eller liknande: ”${name}”`,
    maskedIdentityNumber: (_name: string) => 'Födelsedatum med dolda sista siffror pekar ändå ut en person.',
  },
  warningsHeading: 'Kontrollera att inget barn nämns',
  confirmNames: 'Jag har kontrollerat: texten nämner inget barn.',
};

export type CollaborationTexts = Widen<typeof collaborationSv>;
