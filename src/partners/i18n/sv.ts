import type { Widen } from '../../platform/i18n/i18n.ts';

/** Partner organisations and their users in Swedish: the source every other language is translated from, and their type. */
export const partnersSv = {
  kinds: {
    socialServices: 'Socialtjänst',
    regionHealthCare: 'Regionens hälso- och sjukvård',
    childHealthCentre: 'Barnavårdscentral (BVC)',
    youthClinic: 'Ungdomsmottagning',
    childPsychiatry: 'Barn- och ungdomspsykiatri (BUP)',
    school: 'Skola och elevhälsa',
    dentalCare: 'Tandvård',
    police: 'Polis',
  },
  nav: 'Organisationer',
  myOrganisation: 'Min organisation',
  listTitle: 'Samverkansorganisationer',
  listIntro:
    'Organisationerna som samverkar kring barnen: regionens vård, BUP, BVC, skolor och elevhälsa, tandvård och polis. Varje organisation har egna användare. En användare kan administrera sin egen organisations användare.',
  name: 'Namn',
  kind: 'Typ av verksamhet',
  externalId: 'Organisationsnummer eller HSA-id',
  externalIdHint: 'Frivilligt. Samma id i flera kommuner visar att det är samma organisation.',
  users: 'Användare',
  userCount: (n: number) => (n === 1 ? '1 användare' : `${n} användare`),
  status: 'Status',
  active: 'Aktiv',
  inactive: 'Inaktiv',
  add: 'Lägg till organisation',
  added: 'Organisationen är tillagd.',
  saved: 'Organisationen är sparad.',
  exists: 'Det finns redan en organisation med det namnet.',
  edit: 'Ändra organisationen',
  activate: 'Aktivera',
  deactivate: 'Inaktivera',
  deactivateHint: 'En inaktiv organisation kan inte bjudas in till nya planer.',
  organisationTitle: (name: string) => name,
  usersOf: 'Organisationens användare',
  noUsers: 'Organisationen har inga användare ännu.',
  addUser: 'Lägg till användare',
  userAdded: 'Användaren är skapad. Lämna det tillfälliga lösenordet till användaren på ett säkert sätt.',
  userSaved: 'Användaren är sparad.',
  administrator: 'Administrerar organisationen',
  administratorHint: 'Får lägga till och ändra användare i den här organisationen.',
  grantAdmin: 'Gör till administratör',
  revokeAdmin: 'Ta bort administratörsrätt',
  resetSecondFactor: 'Återställ andra faktorn',
  resetPassword: 'Sätt tillfälligt lösenord',
  unlock: 'Häv spärr',
  actions: 'Åtgärder',
  actionsFor: (name: string) => `Åtgärder för ${name}`,
  cannotChangeSelf: 'Du kan inte inaktivera dig själv eller ta bort din egen administratörsrätt.',
  /** Why the access policy refused, for the refusals this feature’s rule set gives (access.ts). */
  denyReasons: {
    otherOrganisation: 'Uppgiften hör till en annan organisation.',
    notOrganisationAdministrator: 'Du administrerar inte organisationens användare.',
  },
  /** How the log review names this feature’s audited actions. */
  auditActions: {
    'partnerOrganisation.manage': 'Administrerade samverkansorganisationer',
    'partnerOrganisation.manageUsers': 'Administrerade organisationens användare',
    'partnerOrganisation.create': 'Lade upp en samverkansorganisation',
    'partnerOrganisation.read': 'Öppnade en samverkansorganisation',
    'partnerOrganisation.update': 'Ändrade en samverkansorganisation',
  },
  /** How the log review names this feature’s refusals. */
  auditReasons: {
    otherOrganisation: 'Uppgiften hör till en annan organisation',
    notOrganisationAdministrator: 'Administrerar inte organisationens användare',
  },
  /** How the log review names the kinds of record this feature’s events concern. */
  auditRecordTypes: {
    partnerOrganisation: 'Samverkansorganisation',
  },
};

export type PartnersTexts = Widen<typeof partnersSv>;
