import type { PageSection } from '../platform/features.ts';

/** Which worklist is shown, and today as its date rules see it. */
export interface WorklistSubject {
  which: 'own' | 'unit';
  today: string;
}

/** More work due from another feature, below the deadlines (what is due in coordinated plans). */
export type WorklistSection<Data = unknown> = PageSection<WorklistSubject, Data>;

declare module '../platform/features.ts' {
  interface ExtensionPoints {
    worklistSections: WorklistSection;
  }
}
