/**
 * The guide's own words around the entries ("chrome"), in Swedish: the source every other
 * language is translated from and the type they must match in full. Plain words, short sentences.
 */
export const guideSv = {
  guideTitle: 'Stöd för barn, unga och familjer',
  skipToContent: 'Hoppa till innehållet',
  chooseLanguage: 'Välj språk',
  intro:
    'Här hittar du stöd som barn, unga, föräldrar och familjer kan få från kommunen, skolan, vården, tandvården och föreningar. Mycket av stödet är gratis.',
  urgent: {
    label: 'Om du är orolig',
    danger: 'Akut fara? Ring 112.',
    worried: 'Orolig för ett barn?',
    report: 'Gör en orosanmälan',
    whatHappens: 'Vad händer efter en anmälan?',
  },
  filters: {
    heading: 'Hitta stöd',
    q: 'Sök',
    qHint: 'Till exempel BVC, skolkurator eller föräldragrupp.',
    age: 'Barnets eller den ungas ålder',
    anyAge: 'Alla åldrar',
    ageGroup: (from: number, to: number) => `${from}–${to} år`,
    situation: 'Situation',
    anySituation: 'Alla situationer',
    organisation: 'Vem ger stödet',
    anyOrganisation: 'Alla',
    language: 'Språk som stödet ges på',
    anyLanguage: 'Alla språk',
    level: 'Sorts stöd',
    anyLevel: 'Allt stöd',
    submit: 'Visa stöd',
    reset: 'Visa allt stöd igen',
  },
  results: {
    heading: (count: number) => (count === 1 ? '1 stöd' : `${count} stöd`),
    none: 'Inget stöd passar ditt urval. Ta bort ett filter eller sök med andra ord.',
    nothingPublished: 'Det finns inget stöd publicerat här ännu. Ring kommunen om du behöver hjälp.',
    badFilter: 'Vi kunde inte läsa urvalet i länken. Här är allt stöd.',
  },
  levels: {
    universal: 'För alla',
    targeted: 'Riktat stöd',
  },
  levelHints: {
    universal: 'Service som alla kan använda.',
    targeted: 'Stöd för dig som behöver mer.',
  },
  organisations: {
    socialServices: 'Socialtjänsten',
    school: 'Förskola, skola och elevhälsa',
    childHealth: 'Barnavårdscentral (BVC)',
    youthClinic: 'Ungdomsmottagning',
    childPsychiatry: 'Barn- och ungdomspsykiatri (BUP)',
    primaryCare: 'Vårdcentral och 1177',
    dentalCare: 'Tandvård',
    voluntary: 'Föreningar',
  },
  situations: {
    worriedAboutChild: 'Orolig för ett barn',
    parenting: 'Frågor om föräldraskap',
    parentCognitiveDifficulties: 'Förälder med kognitiva svårigheter',
    childAsNextOfKin: 'Barn som anhörig',
    newlyArrived: 'Ny i Sverige',
    schoolAbsence: 'Frånvaro från skolan',
    mentalHealth: 'Mår psykiskt dåligt',
    violence: 'Våld eller hot',
    substanceUse: 'Alkohol eller droger',
    developmentalDelay: 'Funktionsnedsättning eller sen utveckling',
    separation: 'Separation',
    money: 'Pengar och boende',
    healthAndBody: 'Hälsa och kropp',
  },
  access: {
    noReferral: 'Ingen remiss behövs. Kontakta dem direkt.',
    contact: 'Kontakta dem, så berättar de hur du får stödet.',
    apply: 'Du ansöker om stödet hos socialtjänsten.',
    referral: 'Du behöver en remiss, till exempel från vårdcentralen eller elevhälsan.',
  },
  entry: {
    whatItIs: 'Vad är det?',
    forWhom: 'För vem?',
    ages: (from: number, to: number) => `${from}–${to} år`,
    situations: 'Passar när det gäller',
    howToGet: 'Hur får jag stödet?',
    contact: 'Kontakt',
    provider: 'Ges av',
    phone: 'Telefon',
    email: 'E-post',
    website: 'Webbplats',
    address: 'Adress',
    hours: 'När',
    languages: 'Stödet ges på',
    interpreter: 'Du kan få tolk. Det kostar inget.',
    updated: (date: string) => `Senast uppdaterad ${date}`,
    back: 'Tillbaka till allt stöd',
    notFound: 'Stödet finns inte, eller är inte publicerat längre.',
  },
  fallback: {
    entry: 'Den här texten finns inte på ditt språk än. Den visas på svenska.',
    badge: 'På svenska',
    list: (count: number) =>
      count === 1
        ? '1 text finns inte på ditt språk än och visas på svenska.'
        : `${count} texter finns inte på ditt språk än och visas på svenska.`,
  },
  emergency: {
    heading: 'Viktiga telefonnummer',
    n112: 'Akut fara för liv eller hälsa. Ring 112.',
    police: 'Polisen, när det inte är akut.',
    bris: 'BRIS, för barn och unga. Gratis, och du behöver inte säga vem du är.',
    health: 'Vårdguiden 1177, råd om sjukvård dygnet runt.',
    intake: 'Socialtjänsten, vardagar dagtid.',
    afterHours: 'Socialjouren, kvällar, nätter och helger.',
  },
  worried: {
    title: 'Orolig för ett barn?',
    intro:
      'Om du tror att ett barn far illa, eller riskerar att fara illa, kan du berätta det för socialtjänsten. Det kallas orosanmälan. Alla kan göra en orosanmälan.',
    dangerHeading: 'Om det är akut',
    dangerText: 'Om ett barn är i fara just nu: ring 112.',
    reportHeading: 'Gör en orosanmälan',
    reportText:
      'Du kan skriva en anmälan i formuläret eller ringa socialtjänsten. Du kan vara anonym om du inte arbetar med barn. Den som arbetar med barn, till exempel i skolan eller vården, måste anmäla och kan inte vara anonym.',
    reportButton: 'Till formuläret för orosanmälan',
    formLanguages: 'Formuläret finns på svenska och engelska. Du kan också ringa och få tolk.',
    call: 'Ring socialtjänsten',
    afterHeading: 'Vad händer efter en anmälan?',
    steps: [
      'Socialtjänsten läser anmälan samma dag. De tar reda på om barnet behöver skydd direkt.',
      'Inom 14 dagar bestämmer de om de ska starta en utredning. Ofta pratar de med barnet och föräldrarna först.',
      'En utredning ska vara klar inom fyra månader. Socialtjänsten pratar med barnet, med föräldrarna och ofta med skolan eller vården.',
      'Barnet har rätt att säga vad det tycker. Familjen får läsa vad som står i utredningen innan socialtjänsten bestämmer något.',
      'Det mesta stödet är frivilligt. Socialtjänsten och familjen kommer överens om vilket stöd som passar.',
    ],
    confidentiality:
      'Socialtjänsten har sekretess. De kan inte berätta för dig vad som händer i familjen. Om du anmäler i ditt arbete får du veta om en utredning har startat.',
    childHeading: 'Är du ett barn eller en ung person?',
    childText:
      'Om du mår dåligt eller om något är jobbigt hemma: prata med en vuxen du litar på, till exempel skolsköterskan eller kuratorn. Du kan också ringa eller chatta med BRIS på 116 111. Det är gratis.',
  },
  leaflet: {
    link: 'Skriv ut som folder',
    title: 'Stöd för barn, unga och familjer',
    intro: 'Här är stödet i kort form. Läs mer och hitta mer stöd på webben:',
    howToPrint: 'Skriv ut med webbläsarens utskrift. Foldern passar på A4.',
    report: 'Orolig för ett barn? Ring socialtjänsten eller gör en orosanmälan på webben.',
    contents: 'Stöd efter verksamhet',
  },
  footer: {
    responsible: (municipality: string) => `${municipality} ansvarar för innehållet.`,
    accessibility: 'Tillgänglighetsredogörelse',
    print: 'Skriv ut som folder',
    staff: 'Inloggning för personal',
  },
  chooseMunicipality: {
    title: 'Välj kommun',
    intro: 'Stödguiden finns för flera kommuner. Välj din kommun.',
  },
  notFound: {
    title: 'Sidan finns inte',
    text: 'Sidan du letar efter finns inte. Den kan ha flyttats.',
    back: 'Till stödguiden',
  },
  accessibility: {
    title: 'Tillgänglighetsredogörelse',
    intro: (municipality: string) =>
      `${municipality} står bakom Samtak, där stödguiden finns. Vi vill att så många som möjligt ska kunna använda tjänsten. Här beskriver vi hur Samtak uppfyller lagen om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan meddela oss brister.`,
    statusHeading: 'Hur tillgänglig är tjänsten?',
    status:
      'Tjänsten är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.',
    issuesHeading: 'Innehåll som inte är tillgängligt',
    issues: [
      'En del texter i stödguiden finns inte på alla språk än. Då visas texten på svenska, med en tydlig notis.',
      'Formuläret för orosanmälan och sidorna för personal finns bara på svenska och engelska.',
      'Översättningarna är inte granskade av auktoriserade översättare än.',
    ],
    otherFormatHeading: 'Om du inte kan använda delar av tjänsten',
    otherFormat: 'Kontakta oss om du behöver innehållet i ett annat format. Vi svarar inom fem arbetsdagar.',
    reportHeading: 'Meddela brister i tillgängligheten',
    report: 'Vi vill veta om något inte fungerar för dig. Skriv eller ring till oss:',
    supervisionHeading: 'Tillsyn',
    supervision:
      'Myndigheten för digital förvaltning (Digg) har tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi tar hand om dina synpunkter kan du meddela Digg.',
    supervisionLink: 'Anmäl till Digg',
    technicalHeading: 'Teknisk information',
    technical:
      'Tjänsten är delvis förenlig med WCAG 2.1 på nivå AA, genom standarden EN 301 549 V3.2.1. Sidorna fungerar utan JavaScript, med tangentbord och med skärmläsare, och kan förstoras till 400 procent.',
    methodHeading: 'Hur vi har testat',
    method:
      'Vi testar själva. Varje sida i stödguiden testas automatiskt med verktyget axe på alla språk vid varje ändring. Vi testar också med tangentbord och skärmläsare.',
    assessed: (date: string) => `Tjänsten bedömdes senast ${date}.`,
    updated: (date: string) => `Redogörelsen uppdaterades senast ${date}.`,
  },
};

type Widen<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : T extends readonly string[]
      ? string[]
      : { [K in keyof T]: Widen<T[K]> };
export type GuideMessages = Widen<typeof guideSv>;
