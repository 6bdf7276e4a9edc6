import { ageOn } from '../people/domain.ts';
import { type Figure, inScope, type Scope, Tally, tableFigure } from './figures.ts';
import type { ChildSex, ReportRow } from './inputs.ts';
import { contains } from './periods.ts';

/** Who reports and about whom: reports received in the period, by source and by the child's age and sex. */

/** Where a report came from, in the groups mandatory reporters belong to (19 kap. 1 § SoL). */
export const reportSources = [
  'school',
  'healthCare',
  'dentalCare',
  'police',
  'otherProfessional',
  'private',
  'anonymous',
] as const;
export type ReportSource = (typeof reportSources)[number];

export function reportSourceOf(r: Pick<ReportRow, 'reporterKind' | 'organisationKind'>): ReportSource {
  if (r.reporterKind === 'anonymous') return 'anonymous';
  if (r.reporterKind === 'private') return 'private';
  switch (r.organisationKind) {
    case 'school':
    case 'healthCare':
    case 'dentalCare':
    case 'police':
      return r.organisationKind;
    default:
      return 'otherProfessional';
  }
}

/**
 * Age bands on the day the report came in. Coarse on purpose: finer bands of a small
 * municipality would be mostly suppressed.
 */
export const ageBands = ['age0to5', 'age6to12', 'age13to17', 'age18plus', 'ageUnknown'] as const;
export type AgeBand = (typeof ageBands)[number];

export function ageBandOf(birthDate: string | null, on: string): AgeBand {
  if (!birthDate || birthDate > on) return 'ageUnknown';
  const age = ageOn(birthDate, on);
  if (age <= 5) return 'age0to5';
  if (age <= 12) return 'age6to12';
  if (age <= 17) return 'age13to17';
  return 'age18plus';
}

export const sexes: readonly ChildSex[] = ['female', 'male', 'unknown'];

function* reportsIn(reports: readonly ReportRow[], scope: Scope): Generator<ReportRow> {
  for (const r of reports) {
    if (inScope(scope, r.unitId) && contains(scope.period, r.receivedOn) && r.receivedOn <= scope.today)
      yield r;
  }
}

export function reportsBySource(reports: readonly ReportRow[], scope: Scope): Figure {
  const tally = new Tally(reportSources);
  for (const r of reportsIn(reports, scope)) tally.add(reportSourceOf(r), r.id);
  return tableFigure('reportsBySource', tally, reportSources, [], 'received');
}

/** Age band × sex, with both margins and the total. */
export function reportsByAgeAndSex(reports: readonly ReportRow[], scope: Scope): Figure {
  const tally = new Tally(ageBands.flatMap((a) => sexes.map((s) => `${a}|${s}`)));
  for (const r of reportsIn(reports, scope))
    tally.add(`${ageBandOf(r.childBirthDate, r.receivedOn)}|${r.childSex}`, r.id);
  return tableFigure('reportsByAgeAndSex', tally, ageBands, sexes, 'received');
}
