/**
 * Municipalities seen from outside any one of them: the county they belong to, their size, and
 * what a national or county coordinator covers (issue 16 hosts several municipalities in one
 * installation; the coordinator is a role outside every municipality, docs/decisions/0100).
 */

/**
 * The 21 counties (län) by code. A municipality's four-digit code (kommunkod, SCB) begins with
 * its county's two digits: Östersund 2380 is in Jämtland (23), Gotland 0980 in Gotland (09).
 */
export const counties = [
  { code: '01', name: 'Stockholms län' },
  { code: '03', name: 'Uppsala län' },
  { code: '04', name: 'Södermanlands län' },
  { code: '05', name: 'Östergötlands län' },
  { code: '06', name: 'Jönköpings län' },
  { code: '07', name: 'Kronobergs län' },
  { code: '08', name: 'Kalmar län' },
  { code: '09', name: 'Gotlands län' },
  { code: '10', name: 'Blekinge län' },
  { code: '12', name: 'Skåne län' },
  { code: '13', name: 'Hallands län' },
  { code: '14', name: 'Västra Götalands län' },
  { code: '17', name: 'Värmlands län' },
  { code: '18', name: 'Örebro län' },
  { code: '19', name: 'Västmanlands län' },
  { code: '20', name: 'Dalarnas län' },
  { code: '21', name: 'Gävleborgs län' },
  { code: '22', name: 'Västernorrlands län' },
  { code: '23', name: 'Jämtlands län' },
  { code: '24', name: 'Västerbottens län' },
  { code: '25', name: 'Norrbottens län' },
] as const;
export type CountyCode = (typeof counties)[number]['code'];

export function isCountyCode(value: string): value is CountyCode {
  return counties.some((c) => c.code === value);
}

/** The county of a municipality code, or null for a code that is not four digits of a county. */
export function countyOfMunicipality(municipalityCode: string): CountyCode | null {
  if (!/^[0-9]{4}$/.test(municipalityCode)) return null;
  const county = municipalityCode.slice(0, 2);
  return isCountyCode(county) ? county : null;
}

/**
 * Size bands for the good examples' facet "municipality size": a small municipality looks for
 * what worked in one like it (Storuman has some 6,000 inhabitants, Östersund some 64,000). By
 * population on the last count; the installation operator records it per municipality.
 */
export const municipalitySizeBands = [
  { id: 'under10k', below: 10_000 },
  { id: '10kTo25k', below: 25_000 },
  { id: '25kTo50k', below: 50_000 },
  { id: '50kTo100k', below: 100_000 },
  { id: '100kAndMore', below: Number.POSITIVE_INFINITY },
] as const;
export type MunicipalitySizeBand = (typeof municipalitySizeBands)[number]['id'];
export const municipalitySizeBandIds = municipalitySizeBands.map((b) => b.id);

export function municipalitySizeBand(population: number): MunicipalitySizeBand | null {
  if (!Number.isInteger(population) || population < 0) return null;
  return municipalitySizeBands.find((band) => population < band.below)?.id ?? null;
}

/** What a coordinator outside every municipality covers: the whole country or one county. */
export type CoordinatorScope = { kind: 'national' } | { kind: 'county'; countyCode: CountyCode };

/**
 * A national coordinator covers every municipality of the installation, also one whose code is in
 * no county (a fictional one, as the demo's Sjövik 9901); a county coordinator only its county's
 * (docs/decisions/0108).
 */
export function coordinatorCovers(scope: CoordinatorScope, municipalityCode: string): boolean {
  if (scope.kind === 'national') return /^[0-9]{4}$/.test(municipalityCode);
  return countyOfMunicipality(municipalityCode) === scope.countyCode;
}
