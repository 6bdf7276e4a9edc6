/** The people register's column added by migration 0025 (country of birth, decision 0118). */
declare module '../platform/db/schema.ts' {
  interface PersonTable {
    /** ISO 3166-1 alpha-2 (src/people/countries.ts); null when not known. */
    country_of_birth: string | null;
  }
}

export {};
