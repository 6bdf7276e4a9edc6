import type { Widen } from '../../platform/i18n/i18n.ts';

/** The installation operator's pages in Swedish (decision 0086). */
export const installationSv = {
  login: 'Logga in som driftansvarig',
  title: 'Kommuner i installationen',
  intro:
    'Som driftansvarig för installationen lägger du upp och inaktiverar kommuner och deras första administratörer. Du ser inga personuppgifter.',
  signedInAs: (name: string) => `Inloggad som ${name}`,
  logout: 'Logga ut',
  code: 'Kommunkod',
  name: 'Namn',
  state: 'Status',
  active: 'Aktiv',
  inactive: (date: string) => `Inaktiverad ${date}`,
  created: 'Upplagd',
  counts: 'Användare / administratörer / enheter',
  actions: 'Åtgärder',
  none: 'Det finns inga kommuner ännu.',
  newMunicipality: 'Lägg upp en kommun',
  newTitle: 'Ny kommun',
  newIntro:
    'Kommunen får enheterna Administration, Mottagningen och Barn och unga och en administratör med ett engångslösenord som gäller i 72 timmar.',
  adminUsername: 'Administratörens användarnamn',
  adminUsernameHint: '3–64 tecken: a–z, siffror, punkt, bindestreck eller understreck.',
  adminName: 'Administratörens namn',
  adminEmail: 'Administratörens e-postadress (valfritt)',
  invalidName: '1–200 tecken.',
  invalidCode: 'Kommunkoden är fyra siffror, till exempel 0180.',
  invalidEmail: 'Ange en e-postadress.',
  create: 'Lägg upp',
  exists: (name: string) => `Kommunkoden finns redan (${name}).`,
  usernameTaken: 'Användarnamnet finns redan i kommunen.',
  created_: (name: string) => `${name} är upplagd.`,
  passwordOnce: 'Engångslösenord (visas bara nu):',
  loginAt: 'Administratören loggar in på',
  afterLogin: 'och väljer ett nytt lösenord och en andra faktor.',
  back: 'Till kommunerna',
  newAdministrator: 'Ny administratör',
  newAdministratorTitle: (name: string) => `Ny administratör i ${name}`,
  deactivate: 'Inaktivera',
  reactivate: 'Aktivera igen',
  confirmCode: 'Skriv kommunkoden för att bekräfta',
  confirmMismatch: 'Skriv kommunens egen kod för att bekräfta.',
  deactivated: (name: string) =>
    `${name} är inaktiverad: inloggningar, e-tjänster och API-nycklar är stängda. Uppgifterna finns kvar.`,
  reactivated: (name: string) => `${name} är aktiv igen.`,
  notFound: 'Kommunen finns inte.',
};

export type InstallationTexts = Widen<typeof installationSv>;
