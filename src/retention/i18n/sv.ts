/** The retention page's texts, Swedish first (labels.draft.md). */
export const retentionSv = {
  nav: 'Gallring',
  title: 'Gallring',
  intro:
    'Provgallringen visar vilka akter som ska gallras i dag enligt 16 kap. socialtjänstlagen (2025:400) och varför. Ingenting tas bort förrän du godkänner gallringen, och jobbet bedömer varje akt igen när det gallrar den.',
  counts: (c: { files: number; due: number; overdue: number; cull: number; keep: number; review: number }) =>
    `${c.files} akter bedömda, ${c.due} ska gallras (${c.overdue} försenade), ${c.cull} handlingar gallras, ${c.keep} sparas, ${c.review} kräver granskning.`,
  more: (n: number) =>
    `Och ${n} akter till som också ingår i godkännandet. Kommandot npm run retention:dry-run listar alla.`,
  byRule: 'Per regel',
  rule: 'Regel',
  culled: 'Gallras',
  kept: 'Sparas',
  files: 'Akter som ska gallras',
  reviewFiles: 'Akter som kräver granskning',
  none: 'Inga akter ska gallras i dag.',
  person: 'Person',
  unlinkedReport: 'Anmälan som inte kopplats till något barn',
  dueSince: 'Ska gallras från',
  completeBy: 'Gallrad senast',
  overdue: 'försenad',
  record: 'Handling',
  verdict: 'Bedömning',
  why: 'Varför',
  verdictCull: 'Gallras',
  keepUntil: (until: string) =>
    until === 'permanent'
      ? 'Sparas för alltid'
      : until === 'open'
        ? 'Sparas tills vidare'
        : `Sparas till och med dagen före ${until}`,
  review: { birthDateUnknown: 'Födelsedatum saknas', dateAfterToday: 'Datum efter i dag' } as Record<
    string,
    string
  >,
  approve: 'Godkänn gallringen',
  approveHint:
    'Godkännandet gäller akterna ovan. Gallringen genomförs sedan av det schemalagda jobbet (npm run retention:cull) och kan inte ångras.',
  confirm: 'Jag har gått igenom listan och godkänner att akterna gallras',
  confirmMissing: 'Kryssa i att du har gått igenom listan.',
  nothingToApprove: 'Det fanns inga akter att gallra när du godkände. Ingenting har ändrats.',
  approved: (files: number) => `Gallringen av ${files} akter är godkänd. Jobbet genomför den.`,
  runs: 'Godkända gallringar',
  run: { approved: 'Godkänd', running: 'Pågår', done: 'Klar' } as Record<string, string>,
  runProgress: (p: { culled: number; skipped: number; total: number; records: number }) =>
    `${p.culled + p.skipped} av ${p.total} akter klara: ${p.culled} gallrade (${p.records} handlingar), ${p.skipped} hoppades över.`,
  approvedOn: 'Godkänd',
  state: 'Läge',
  progress: 'Förlopp',
  archivedTitle: 'Arkiverade akter',
  archivedIntro:
    'En arkiverad akt har bara handlingar kvar som ska bevaras. Personen syns inte i sökningar eller listor; här hittar du akten med personnumret.',
  archivedNumber: 'Personnummer',
  archivedFind: 'Sök arkiverad akt',
  archivedNotFound: 'Ingen arkiverad akt har det personnumret.',
  archivedOn: 'Arkiverad',
  archivedRecords: 'Bevarade handlingar',
  archivedLink: 'Arkiverade akter',
  recordTypes: {
    case: 'Ärende',
    report: 'Orosanmälan',
    caseNote: 'Journalanteckning',
    childsVoice: 'Barnets berättelse',
    deadlineExtension: 'Förlängd tidsfrist',
    sip: 'SIP',
    placement: 'Placering',
    protectedDetailsAccess: 'Skäl för att visa skyddad adress',
  } as Record<string, string>,
};
export type RetentionTexts = typeof retentionSv;
