import { addDays, addMonths, type IsoDate, isIsoDate } from '../deadlines/calendar.ts';
import { parsePersonalNumber } from '../people/personal-number.ts';
import type { RegisterInput, RegisterRecord } from './register.ts';

/**
 * Checks before the register file is sent, as numbered rules with a severity each (after the
 * shape of Statistics Norway's controls for the Norwegian child-welfare report):
 * - fatal: the record cannot be read as a placement at all; nothing is sent until it is fixed;
 * - error: the record breaks a rule of law or of the register; fix it before sending;
 * - warning: probably wrong or incomplete; check it, it may be sent.
 * Every finding names the file's row. The words are in labels.draft.md under each rule's code.
 */

export type Severity = 'fatal' | 'error' | 'warning';

export interface RegisterRule {
  code: string;
  severity: Severity;
  /** The field the finding points at, as the layout names it. */
  field: string;
  /** Where the rule comes from: an act, the regulation, or the register's own consistency. */
  basis: string;
}

const rule = (code: string, severity: Severity, field: string, basis: string): RegisterRule => ({
  code,
  severity,
  field,
  basis,
});

export const registerRules = {
  municipalityCode: rule('BU01', 'fatal', 'kommunkod', 'HSLF-FS 2016:3'),
  yearNotOver: rule('BU02', 'fatal', 'redovisningsar', 'HSLF-FS 2016:3 2 §'),
  dateInvalid: rule('BU03', 'fatal', '*', 'register'),
  placementEndsBeforeStart: rule('BU04', 'fatal', 'placering_slut', 'register'),
  careEndsBeforeStart: rule('BU05', 'fatal', 'insats_slut', 'register'),
  identityMissing: rule('BU06', 'error', 'id', 'HSLF-FS 2016:3'),
  identityIncomplete: rule('BU07', 'error', 'id', 'SKV 704; HSLF-FS 2016:3'),
  placementWithoutDecision: rule('BU08', 'error', 'beslutsdatum', '22 kap. 2 § SoL; 11 § LVU'),
  placementBeforeDecision: rule('BU09', 'error', 'placering_start', '22 kap. 2 § SoL; 11 § LVU'),
  lvu3PastTwentyOne: rule('BU10', 'error', 'insats_slut', '21 § fjärde stycket LVU'),
  lvu2PastEighteen: rule('BU11', 'error', 'insats_slut', '21 § tredje stycket LVU'),
  tooOldAtStart: rule('BU12', 'error', 'insats_start', '1 § LVU; HSLF-FS 2016:3 (0–20 år)'),
  placementsOverlap: rule('BU13', 'error', 'placering_start', 'register'),
  placementOutsideCare: rule('BU14', 'error', 'placering_start', 'register'),
  openPlacementInEndedCare: rule('BU15', 'error', 'placering_slut', 'register'),
  bornAfterStart: rule('BU16', 'error', 'fodelsedatum', 'register'),
  temporaryIdentity: rule('BU17', 'warning', 'id', 'HSLF-FS 2016:3'),
  gapBetweenPlacements: rule('BU18', 'warning', 'placering_start', 'register'),
  countryOfBirthMissing: rule('BU19', 'warning', 'fodelseland', 'HSLF-FS 2016:3'),
  guardianSituationMissing: rule('BU20', 'warning', 'vardnadshavare', 'HSLF-FS 2016:3'),
  birthDateDiffers: rule('BU21', 'warning', 'fodelsedatum', 'register'),
  parentCountryOfBirthMissing: rule('BU22', 'warning', 'fodelseland_mor', 'HSLF-FS 2016:3'),
} satisfies Record<string, RegisterRule>;

export type RegisterRuleId = keyof typeof registerRules;

export interface Finding {
  rule: RegisterRuleId;
  code: string;
  severity: Severity;
  field: string;
  /** The row in the file; 0 for a finding about the file as a whole. */
  row: number;
  childId: string | null;
  careId: string | null;
  placementId: string | null;
}

export interface Validation {
  findings: Finding[];
  counts: Record<Severity, number>;
  /** No fatal finding and no error. */
  mayBeSent: boolean;
}

function finding(rule: RegisterRuleId, record: RegisterRecord | null): Finding {
  const r = registerRules[rule];
  return {
    rule,
    code: r.code,
    severity: r.severity,
    field: r.field,
    row: record?.row ?? 0,
    childId: record?.child.childId ?? null,
    careId: record?.care.id ?? null,
    placementId: record?.placement?.id ?? null,
  };
}

/** The day a person turns `years`: a 29 February birthday falls on 28 February (addMonths' rule). */
export function birthday(birthDate: IsoDate, years: number): IsoDate {
  return addMonths(birthDate, years * 12);
}

function birthDateOf(record: RegisterRecord, today: IsoDate): IsoDate | null {
  const { personalNumber, birthDate } = record.child;
  if (personalNumber) {
    const parsed = parsePersonalNumber(personalNumber, today);
    if (parsed.ok) return parsed.value.birthDate;
  }
  return birthDate && isIsoDate(birthDate) ? birthDate : null;
}

const datesOf = (r: RegisterRecord) =>
  [
    r.care.decidedOn,
    r.care.startedOn,
    r.care.endedOn,
    r.placement?.startedOn,
    r.placement?.endedOn,
    r.child.birthDate,
  ].filter((d): d is string => d !== null && d !== undefined);

/** Rules about one record on its own. */
function recordFindings(r: RegisterRecord, today: IsoDate): Finding[] {
  const found: Finding[] = [];
  const add = (rule: RegisterRuleId) => found.push(finding(rule, r));
  if (!datesOf(r).every(isIsoDate)) return [finding('dateInvalid', r)];
  const { care, placement, child } = r;
  if (placement?.endedOn && placement.endedOn < placement.startedOn) add('placementEndsBeforeStart');
  if (care.endedOn && care.startedOn && care.endedOn < care.startedOn) add('careEndsBeforeStart');
  if (found.length) return found;

  if (child.personalNumber) {
    const parsed = parsePersonalNumber(child.personalNumber, today);
    if (!parsed.ok || !/^\d{12}$/.test(child.personalNumber)) add('identityIncomplete');
    else if (child.birthDate && child.birthDate !== parsed.value.birthDate) add('birthDateDiffers');
  } else if (child.temporaryId) add('temporaryIdentity');
  else add('identityMissing');

  if (placement && !care.decidedOn) add('placementWithoutDecision');
  else if (placement && care.decidedOn && placement.startedOn < care.decidedOn)
    add('placementBeforeDecision');
  if (
    placement &&
    care.startedOn &&
    (placement.startedOn < care.startedOn || (care.endedOn && placement.startedOn > care.endedOn))
  ) {
    add('placementOutsideCare');
  }
  if (placement && care.endedOn && placement.endedOn === null) add('openPlacementInEndedCare');

  const born = birthDateOf(r, today);
  const start = care.startedOn ?? care.decidedOn ?? placement?.startedOn ?? null;
  if (born && start) {
    const lastDay = (care.endedOn ?? today) as IsoDate;
    if (born > start) add('bornAfterStart');
    // "Upphöra senast när den unge fyller 21 (18) år": ending on the birthday itself is in time.
    if (care.basis === 'lvu3' && lastDay > birthday(born, 21)) add('lvu3PastTwentyOne');
    if (care.basis === 'lvu2' && lastDay > birthday(born, 18)) add('lvu2PastEighteen');
    if (start >= birthday(born, 21)) add('tooOldAtStart');
  }
  // The child's own country is on the child's person (decision 0118); the parents' come from the
  // guardians registered as parents, so they are looked for only when such a guardian is known.
  if (!child.countryOfBirth) add('countryOfBirthMissing');
  const parentCountries = [child.motherCountryOfBirth, child.fatherCountryOfBirth].filter(Boolean).length;
  if (
    (child.guardianSituation === 'bothParents' && parentCountries < 2) ||
    (child.guardianSituation === 'oneParent' && parentCountries < 1)
  )
    add('parentCountryOfBirthMissing');
  if (!child.guardianSituation) add('guardianSituationMissing');
  return found;
}

/** Rules across a child's records: placements may not overlap, and a move should leave no gap. */
function childFindings(records: readonly RegisterRecord[]): Finding[] {
  const found: Finding[] = [];
  const placed = records
    .filter(
      (r) => r.placement && (r.placement.endedOn === null || r.placement.endedOn >= r.placement.startedOn),
    )
    .sort((a, b) => a.placement!.startedOn.localeCompare(b.placement!.startedOn));
  for (let i = 1; i < placed.length; i++) {
    const before = placed[i - 1]!;
    const after = placed[i]!;
    const end = before.placement!.endedOn;
    if (end === null || end >= after.placement!.startedOn) found.push(finding('placementsOverlap', after));
    else if (before.care.id === after.care.id && addDays(end, 1) < after.placement!.startedOn) {
      found.push(finding('gapBetweenPlacements', after));
    }
  }
  return found;
}

/** Validates the records of a year as they will be written, in row order. */
export function validateRegister(
  input: RegisterInput,
  records: readonly RegisterRecord[],
  today: IsoDate,
): Validation {
  const findings: Finding[] = [];
  if (!/^\d{4}$/.test(input.municipalityCode)) findings.push(finding('municipalityCode', null));
  if (`${input.year}-12-31` >= today) findings.push(finding('yearNotOver', null));
  const byChild = new Map<string, RegisterRecord[]>();
  for (const r of records) {
    findings.push(...recordFindings(r, today));
    byChild.set(r.child.childId, [...(byChild.get(r.child.childId) ?? []), r]);
  }
  for (const list of byChild.values()) findings.push(...childFindings(list));
  // Child-level warnings once per child, on its first row, not on every placement.
  const seen = new Set<string>();
  const once = findings.filter((f) => {
    const perChild =
      f.rule === 'countryOfBirthMissing' ||
      f.rule === 'parentCountryOfBirthMissing' ||
      f.rule === 'guardianSituationMissing' ||
      f.rule === 'temporaryIdentity';
    const key = `${f.rule}:${f.childId}`;
    if (!perChild) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  once.sort((a, b) => a.row - b.row || a.code.localeCompare(b.code));
  const counts: Record<Severity, number> = { fatal: 0, error: 0, warning: 0 };
  for (const f of once) counts[f.severity]++;
  return { findings: once, counts, mayBeSent: counts.fatal === 0 && counts.error === 0 };
}
