import type { Feature } from '../platform/features.ts';
import { documentsAuditWords } from './audit-words.ts';
import { documentsTexts } from './i18n/index.ts';
import { documentRoutes } from './routes.tsx';
import { documentsOfCase } from './sections.tsx';

/** The documents a child's case produces, printable on A4, and the record of when and how each was sent. */
export const documentsFeature: Feature = {
  name: 'documents',
  routes: [documentRoutes],
  contributes: {
    caseSections: [documentsOfCase],
    auditLabels: [(lang) => documentsTexts(lang).auditActions],
    auditRecordTypeLabels: [
      (lang) => documentsAuditWords(lang).recordTypes,
      (lang) => documentsTexts(lang).auditRecordTypes,
    ],
  },
};
