import { type IsoDate, isIsoDate } from '../deadlines/calendar.ts';
import { formatReference } from '../deadlines/deadlines.ts';
import { anniversary, birthDateOf, birthday, endOfNextYear } from './ages.ts';
import type {
  CaseFacts,
  FileRecord,
  FileState,
  OngoingRef,
  PlacementFacts,
  RecordAssessment,
  RecordVerdict,
  RetentionAssessment,
  RetentionInput,
  ReviewReason,
  RuleApplication,
} from './model.ts';
import { bornOnResearchDay, inResearchMunicipality } from './research.ts';
import {
  childInvestigationRuleFrom,
  inForceOn,
  type RetentionRuleId,
  referencesOn,
  retentionRules,
} from './rules.ts';

/**
 * Which records of one person's file may be culled today and which must be kept, each with the
 * rules that decided it. Pure: the dry run shows it, the culling job acts on it (docs/design/
 * retention.md). When in doubt it keeps: culling cannot be undone.
 */
export function assessRetention(input: RetentionInput): RetentionAssessment {
  checkInput(input);
  const { today } = input;
  const { birthDate } = birthDateOf(input.person, today);
  const review: ReviewReason[] = [];
  const file = fileState(input, review);
  const facts: Facts = { input, birthDate, file, review };
  const records = input.records.map((record) => assessRecord(facts, record));
  if (!birthDate && records.some((r) => r.rules.some((a) => a.ruleId === 'birthDateUnknown')))
    review.push('birthDateUnknown');
  return { today, birthDate, file, records, person: personVerdict(facts, records), review };
}

/** The oldest day an assessment may be made for: the day SoL (2025:400) came into force. */
export const assessableFrom: IsoDate = '2025-07-01';

interface Facts {
  input: RetentionInput;
  birthDate: IsoDate | null;
  file: FileState;
  review: ReviewReason[];
}

/** A reason to keep a record, or an exception that has lapsed and only explains the culling. */
type Finding =
  | { keep: true; ruleId: RetentionRuleId; until: IsoDate | 'permanent' | 'open' }
  | { keep: false; ruleId: RetentionRuleId; from?: IsoDate };

function checkInput(input: RetentionInput): void {
  for (const date of [input.today, ...factDates(input)])
    if (date !== null && date !== undefined && !isIsoDate(date)) throw new RangeError(`Not a date: ${date}`);
  if (input.today < assessableFrom)
    throw new RangeError(`Retention is assessed under SoL (2025:400), in force from ${assessableFrom}`);
  // A record pointing at a case or placement not given would lose that case's exceptions.
  const caseIds = new Set(input.cases.map((c) => c.id));
  const placementIds = new Set(input.placements.map((p) => p.id));
  for (const r of input.records) {
    if (r.caseId !== null && !caseIds.has(r.caseId)) throw new RangeError(`Unknown case ${r.caseId}`);
    if (r.placementId !== null && !placementIds.has(r.placementId))
      throw new RangeError(`Unknown placement ${r.placementId}`);
  }
}

/** Every date the file holds: when records were written, and the dates of what the register shows. */
function factDates(input: RetentionInput): (IsoDate | null | undefined)[] {
  return [
    input.person.registeredOn,
    ...input.records.map((r) => r.enteredOn),
    ...input.cases.flatMap((c) => [c.openedOn, c.investigationOpenedOn, c.closedOn, c.agreementApprovedOn]),
    ...input.placements.flatMap((p) => [p.startedOn, p.endedOn]),
    ...input.interventions.flatMap((i) => [i.startedOn, i.endedOn]),
  ];
}

function ongoingOf(input: RetentionInput): OngoingRef[] {
  return [
    ...input.cases.filter((c) => c.closedOn === null).map((c) => ({ type: 'case' as const, id: c.id })),
    ...input.placements
      .filter((p) => p.startedOn !== null && p.endedOn === null)
      .map((p) => ({ type: 'placement' as const, id: p.id })),
    ...input.interventions
      .filter((i) => i.endedOn === null)
      .map((i) => ({ type: 'intervention' as const, id: i.id })),
  ];
}

/** 16 kap. 1 §: due five years after the last entry, and not while anything recorded is ongoing. */
function fileState(input: RetentionInput, review: ReviewReason[]): FileState {
  // Each of these dates is an entry: opening, closing, starting and ending are written in the file.
  const lastEntryOn = latestOf(factDates(input).filter((d): d is IsoDate => typeof d === 'string'));
  const ongoing = ongoingOf(input);
  if (lastEntryOn > input.today) {
    review.push('dateAfterToday');
    return { state: 'active', lastEntryOn, dueOn: null, ongoing };
  }
  if (ongoing.length > 0) return { state: 'active', lastEntryOn, dueOn: null, ongoing };
  const dueOn = anniversary(lastEntryOn, retentionYears());
  if (input.today < dueOn) return { state: 'active', lastEntryOn, dueOn, ongoing };
  const completeBy = endOfNextYear(dueOn);
  return { state: 'due', lastEntryOn, dueOn, completeBy, overdue: input.today > completeBy };
}

function retentionYears(): number {
  const effect = retentionRules.fiveYearsAfterLastEntry.effect;
  if (effect.kind !== 'cullAfterYears') throw new Error('fiveYearsAfterLastEntry must count years');
  return effect.years;
}

function ageOf(ruleId: RetentionRuleId): number {
  const effect = retentionRules[ruleId].effect;
  if (effect.kind !== 'keepUntilAge') throw new Error(`${ruleId} is not a rule of age`);
  return effect.age;
}

function assessRecord(facts: Facts, record: FileRecord): RecordAssessment {
  const findings = [...fileFindings(facts), ...exceptionsFor(facts, record)];
  const today = facts.input.today;
  const kept = findings.filter((f) => f.keep);
  const verdict: RecordVerdict =
    kept.length > 0 || facts.file.state !== 'due'
      ? { verdict: 'keep', until: latestUntil(kept.map((f) => f.until)), rules: applications(kept, today) }
      : cullVerdict(facts.file.dueOn, findings, today);
  return { recordType: record.recordType, recordId: record.recordId, ...verdict };
}

/** Why a file that is not yet due keeps everything. */
function fileFindings({ file, review }: Facts): Finding[] {
  if (file.state === 'due') return [];
  if (review.includes('dateAfterToday')) return [{ keep: true, ruleId: 'dateAfterToday', until: 'open' }];
  if (file.dueOn === null) return [{ keep: true, ruleId: 'ongoingCircumstance', until: 'open' }];
  return [{ keep: true, ruleId: 'fiveYearsAfterLastEntry', until: file.dueOn }];
}

function cullVerdict(fileDueOn: IsoDate, findings: Finding[], today: IsoDate): RecordVerdict {
  // A lapsed exception (the person turned 30) moves the day the duty arose for this record.
  const dueSince = findings.reduce(
    (latest, f) => (!f.keep && f.from && f.from > latest ? f.from : latest),
    fileDueOn,
  );
  const completeBy = endOfNextYear(dueSince);
  const base: Finding[] = [
    { keep: false, ruleId: 'fiveYearsAfterLastEntry' },
    { keep: false, ruleId: 'completionYear' },
  ];
  return {
    verdict: 'cull',
    dueSince,
    completeBy,
    overdue: today > completeBy,
    rules: applications([...base, ...findings.filter((f) => !f.keep)], today),
  };
}

/** Permanent beats open, open beats any date: a record is kept as long as its longest reason. */
function latestUntil(untils: (IsoDate | 'permanent' | 'open')[]): IsoDate | 'permanent' | 'open' {
  if (untils.includes('permanent')) return 'permanent';
  if (untils.includes('open') || untils.length === 0) return 'open';
  return latestOf(untils as IsoDate[]);
}

/** ISO dates sort as text. */
function latestOf(dates: IsoDate[]): IsoDate {
  return [...dates].sort().at(-1)!;
}

function applications(findings: Finding[], today: IsoDate): RuleApplication[] {
  const seen = new Set<RetentionRuleId>();
  const result: RuleApplication[] = [];
  for (const { ruleId } of findings) {
    if (seen.has(ruleId)) continue;
    seen.add(ruleId);
    result.push({ ruleId, references: referencesOn(retentionRules[ruleId], today).map(formatReference) });
  }
  return result;
}

/** The exceptions of 16 kap. 2–5 §§ and 13 kap. 1 § SoF that may keep this record. */
function exceptionsFor(facts: Facts, record: FileRecord): Finding[] {
  const findings: Finding[] = [];
  if (record.handedOverForPreservation)
    findings.push({ keep: true, ruleId: 'handedOverForPreservation', until: 'permanent' });
  const found = facts.input.cases.find((c) => c.id === record.caseId);
  if (found) findings.push(...caseExceptions(facts, found));
  if (placementsOf(facts.input, record).some((p) => placedAsChild(p, facts.birthDate)))
    findings.push({ keep: true, ruleId: 'placedChild', until: 'permanent' });
  findings.push(...researchFindings(facts));
  return findings;
}

function caseExceptions(facts: Facts, c: CaseFacts): Finding[] {
  switch (c.kind) {
    case 'parentage':
      return [{ keep: true, ruleId: 'parentageInvestigation', until: 'permanent' }];
    case 'adoption':
      return [{ keep: true, ruleId: 'adoptionInvestigation', until: 'permanent' }];
    case 'custodyAgreement':
      return c.agreementApprovedOn ? [untilAge(facts, 'custodyAgreement')] : [];
    case 'childWelfare':
      return childWelfareExceptions(facts, c);
    case 'other':
      return [];
  }
}

/** 16 kap. 2 a §: an investigation of a child is kept until the person is 30, from 15 January 2026. */
function childWelfareExceptions(facts: Facts, c: CaseFacts): Finding[] {
  const today = facts.input.today;
  if (!inForceOn(retentionRules.childInvestigation, today)) return [];
  const investigationOn =
    c.investigationOpenedOn ?? (c.initialDecision === 'openInvestigation' ? c.openedOn : null);
  if (investigationOn === null)
    return c.initialDecision === 'noInvestigation' ? [{ keep: false, ruleId: 'noInvestigationOpened' }] : [];
  if (c.closedOn !== null && c.closedOn < childInvestigationRuleFrom)
    return [{ keep: false, ruleId: 'closedBeforeChildInvestigationRule' }];
  // An investigation opened when the person was already 18 was not one of a child (3 kap. 1 §).
  if (facts.birthDate && investigationOn >= birthday(facts.birthDate, 18)) return [];
  return [untilAge(facts, 'childInvestigation')];
}

function untilAge(facts: Facts, ruleId: 'childInvestigation' | 'custodyAgreement'): Finding {
  if (!facts.birthDate) return { keep: true, ruleId: 'birthDateUnknown', until: 'open' };
  const until = birthday(facts.birthDate, ageOf(ruleId));
  return facts.input.today < until ? { keep: true, ruleId, until } : { keep: false, ruleId, from: until };
}

/** A record documents a placement, or belongs to the case whose decision the placement carried out. */
function placementsOf(input: RetentionInput, record: FileRecord): PlacementFacts[] {
  return input.placements.filter(
    (p) => p.id === record.placementId || (record.caseId !== null && p.caseId === record.caseId),
  );
}

/** 16 kap. 2 § 3: a child (under 18) who actually moved into a home other than their own. */
function placedAsChild(p: PlacementFacts, birthDate: IsoDate | null): boolean {
  if (p.startedOn === null || p.placementType === 'ownHome') return false;
  // Without a date of birth the person is taken to have been a child: this is children's services.
  return birthDate === null || p.startedOn < birthday(birthDate, 18);
}

function researchFindings({ input, birthDate }: Facts): Finding[] {
  if (inResearchMunicipality(input.municipalityCode))
    return [{ keep: true, ruleId: 'researchMunicipality', until: 'permanent' }];
  if (!birthDate) return [{ keep: true, ruleId: 'birthDateUnknown', until: 'open' }];
  return bornOnResearchDay(birthDate) ? [{ keep: true, ruleId: 'researchBirthDay', until: 'permanent' }] : [];
}

function personVerdict(facts: Facts, records: RecordAssessment[]): RetentionAssessment['person'] {
  const today = facts.input.today;
  if (facts.file.state !== 'due') return { verdict: 'keep', rules: applications(fileFindings(facts), today) };
  if (records.some((r) => r.verdict === 'keep'))
    return {
      verdict: 'archive',
      rules: applications([{ keep: true, ruleId: 'identifiesKeptRecords', until: 'open' }], today),
    };
  return {
    verdict: 'cull',
    rules: applications([{ keep: false, ruleId: 'fiveYearsAfterLastEntry' }], today),
  };
}
