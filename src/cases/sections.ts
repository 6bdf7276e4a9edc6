import type { PageSection } from '../platform/features.ts';
import type { ChildCase } from './schema.ts';

/** A part of the case page owned by another feature (starting a coordinated plan from the case). */
export type CaseSection<Data = unknown> = PageSection<ChildCase, Data>;

declare module '../platform/features.ts' {
  interface ExtensionPoints {
    caseSections: CaseSection;
  }
}
