import { textsFor } from '../platform/i18n/i18n.ts';

const sv = {
  start: 'Gör ett gott exempel av besöksrapporten',
  started: 'Besöksrapporten är påbörjad som gott exempel',
  intro:
    'Utkastet är ifyllt från besökets frysta planläge, iakttagelserna och de överenskomna nästa stegen. Läs igenom, komplettera och spara. Sedan skickar du det till granskning av en redaktör från en annan organisation.',
  title: (municipality: string, on: string) => `Uppföljningsbesök i ${municipality} ${on}`,
  planState: (title: string, version: number, adopted: string) =>
    `Handlingsplanen ${title}, version ${version}${adopted}.`,
  adopted: (on: string, by: string) => `, antagen ${on} av ${by}`,
  atVisit: (on: string, counts: string) => `Vid besöket ${on}: ${counts}.`,
  measureCount: (n: number) => (n === 1 ? '1 åtgärd' : `${n} åtgärder`),
  areaLine: (title: string, counts: string) => `${title}: ${counts}`,
  report: 'Besöksrapporten',
  findings: 'Iakttagelser per åtgärd',
  nextSteps: 'Överenskomna nästa steg',
  nextStep: (what: string, who: string, due: string) => `${what} – ${who}, senast ${due}`,
  noFindings: 'Inga iakttagelser per åtgärd är förda.',
  tag: 'uppföljningsbesök',
  refusals: {
    notReported: 'Ett gott exempel görs av en färdig besöksrapport.',
    alreadyStarted: 'Besöksrapporten är redan påbörjad som gott exempel.',
  },
};

const en: typeof sv = {
  start: "Make a good example of the visit's report",
  started: "The visit's report is started as a good example",
  intro:
    "The draft is filled in from the visit's frozen plan, its findings and the next steps agreed. Read it through, complete it and save it. Then send it for review by an editor from another organisation.",
  title: (municipality: string, on: string) => `Follow-up visit to ${municipality} ${on}`,
  planState: (title: string, version: number, adopted: string) =>
    `The action plan ${title}, version ${version}${adopted}.`,
  adopted: (on: string, by: string) => `, adopted ${on} by ${by}`,
  atVisit: (on: string, counts: string) => `At the visit on ${on}: ${counts}.`,
  measureCount: (n: number) => (n === 1 ? '1 measure' : `${n} measures`),
  areaLine: (title: string, counts: string) => `${title}: ${counts}`,
  report: 'The visit report',
  findings: 'Findings per measure',
  nextSteps: 'Next steps agreed',
  nextStep: (what: string, who: string, due: string) => `${what} – ${who}, by ${due}`,
  noFindings: 'No findings per measure are recorded.',
  tag: 'follow-up visit',
  refusals: {
    notReported: 'A good example is made from a finished visit report.',
    alreadyStarted: "The visit's report is already started as a good example.",
  },
};

/** A follow-up visit's report as a good example's draft (docs/decisions/0139). */
export const visitExampleTexts = textsFor({ sv, en });
