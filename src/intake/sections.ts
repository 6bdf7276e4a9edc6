import type { PageSection } from '../platform/features.ts';
import type { Report } from '../reports/schema.ts';

/**
 * A part of a report's page owned by another feature (the child's placements): loaded in the
 * report page's access scope after the report was authorised and audited.
 */
export type ReportSection<Data = unknown> = PageSection<Report, Data>;

declare module '../platform/features.ts' {
  interface ExtensionPoints {
    reportSections: ReportSection;
  }
}
