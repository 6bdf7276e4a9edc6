import type { CareBasis, ChildSex, PlacementForm } from './inputs.ts';
import type { GuardianSituation, RegisterInput, RegisterRecord } from './register.ts';

/**
 * The layout of the register file, as one replaceable module: the fields in order, their codes and
 * how a line is written. Socialstyrelsen's own file specification for HSLF-FS 2016:3 could not be
 * read from here (docs/statistics-reporting.md lists what was and was not verified): the variables
 * are those the regulation and Socialstyrelsen's register pages name, the codes and the format are
 * this project's until checked against the specification. A new specification is a new layout.
 */

export interface LayoutField {
  name: string;
  /** What the field holds, for the field list in the docs. */
  description: string;
  value: (record: RegisterRecord, input: RegisterInput) => string;
}

export interface RegisterLayout {
  id: string;
  verified: boolean;
  separator: string;
  lineEnd: string;
  header: boolean;
  fields: readonly LayoutField[];
}

const date = (d: string | null | undefined) => (d ? d.replaceAll('-', '') : '');

export const sexCodes: Record<ChildSex, string> = { male: '1', female: '2', unknown: '' };

export const basisCodes: Record<CareBasis, string> = { sol: 'SOL', lvu2: 'LVU2', lvu3: 'LVU3', lvu6: 'LVU6' };

export const placementFormCodes: Record<PlacementForm, string> = {
  familyHome: 'FH',
  kinshipFamilyHome: 'FHN',
  emergencyHome: 'JH',
  residentialCare: 'HVB',
  specialYouthHome: 'SUH',
  supportedHousing: 'SB',
  protectedHousing: 'SKB',
};

export const guardianCodes: Record<GuardianSituation, string> = {
  bothParents: '1',
  oneParent: '2',
  specialGuardian: '3',
  appointedGuardian: '4',
  other: '9',
};

/** The identity the file carries: the personal identity number, or the temporary id without one. */
export function identityOf(record: RegisterRecord): { kind: 'P' | 'T' | ''; value: string } {
  if (record.child.personalNumber) return { kind: 'P', value: record.child.personalNumber };
  if (record.child.temporaryId) return { kind: 'T', value: record.child.temporaryId };
  return { kind: '', value: '' };
}

export const layoutSamtak2017: RegisterLayout = {
  id: 'samtak-bu-2017',
  verified: false,
  separator: ';',
  lineEnd: '\r\n',
  header: false,
  fields: [
    { name: 'kommunkod', description: 'Kommunens kod, fyra siffror', value: (_, i) => i.municipalityCode },
    { name: 'redovisningsar', description: 'Året uppgifterna avser (ÅÅÅÅ)', value: (_, i) => String(i.year) },
    { name: 'idtyp', description: 'P = personnummer, T = tillfälligt id', value: (r) => identityOf(r).kind },
    {
      name: 'id',
      description: 'Personnummer (12 siffror) eller tillfälligt id',
      value: (r) => identityOf(r).value,
    },
    {
      name: 'fodelsedatum',
      description: 'Födelsedatum (ÅÅÅÅMMDD) när personnummer saknas',
      value: (r) => (r.child.personalNumber ? '' : date(r.child.birthDate)),
    },
    { name: 'kon', description: '1 = pojke, 2 = flicka', value: (r) => sexCodes[r.child.sex] },
    {
      name: 'fodelseland',
      description: 'Barnets födelseland (ISO 3166-1 alfa-2)',
      value: (r) => r.child.countryOfBirth ?? '',
    },
    {
      name: 'fodelseland_mor',
      description: 'Moderns födelseland',
      value: (r) => r.child.motherCountryOfBirth ?? '',
    },
    {
      name: 'fodelseland_far',
      description: 'Faderns födelseland',
      value: (r) => r.child.fatherCountryOfBirth ?? '',
    },
    {
      name: 'vardnadshavare',
      description: 'Vårdnadshavare (kod)',
      value: (r) => (r.child.guardianSituation ? guardianCodes[r.child.guardianSituation] : ''),
    },
    {
      name: 'ensamkommande',
      description: '1 = ensamkommande barn, 0 = inte',
      value: (r) => (r.child.unaccompanied ? '1' : '0'),
    },
    { name: 'insats_id', description: 'Insatsens id hos kommunen', value: (r) => r.care.id },
    { name: 'lagrum', description: 'SOL, LVU2, LVU3 eller LVU6', value: (r) => basisCodes[r.care.basis] },
    {
      name: 'beslutsdatum',
      description: 'Datum för beslut om insatsen',
      value: (r) => date(r.care.decidedOn),
    },
    {
      name: 'insats_start',
      description: 'Insatsens startdatum (verkställd)',
      value: (r) => date(r.care.startedOn),
    },
    {
      name: 'insats_slut',
      description: 'Insatsens slutdatum, tomt om pågående',
      value: (r) => date(r.care.endedOn),
    },
    {
      name: 'placering_nr',
      description: '1 = första placeringen, 2… = omplaceringar; 0 = ingen placering',
      value: (r) => String(r.sequence),
    },
    {
      name: 'placeringsform',
      description: 'FH, FHN, JH, HVB, SUH, SB eller SKB',
      value: (r) => (r.placement ? placementFormCodes[r.placement.form] : ''),
    },
    {
      name: 'placering_start',
      description: 'Placeringens startdatum',
      value: (r) => date(r.placement?.startedOn),
    },
    {
      name: 'placering_slut',
      description: 'Placeringens slutdatum, tomt om pågående',
      value: (r) => date(r.placement?.endedOn),
    },
  ],
};

/** A field value may not contain the separator or a line break; such characters become a space. */
function clean(value: string, separator: string): string {
  return value.replaceAll(separator, ' ').replace(/[\r\n]+/g, ' ');
}

export function serialiseRegister(
  records: readonly RegisterRecord[],
  input: RegisterInput,
  layout: RegisterLayout = layoutSamtak2017,
): string {
  const lines = records.map((r) =>
    layout.fields.map((f) => clean(f.value(r, input), layout.separator)).join(layout.separator),
  );
  if (layout.header) lines.unshift(layout.fields.map((f) => f.name).join(layout.separator));
  return lines.map((l) => l + layout.lineEnd).join('');
}
