import type { Feature } from '../platform/features.ts';
import { goodPracticeAuditWords } from './audit-words.ts';
import { editorFlagRoutes, editorFlagTexts } from './editor-flag.tsx';
import { goodPracticeEditorRoutes } from './editor-routes.tsx';
import { goodPracticeTexts } from './i18n/index.ts';
import { goodPracticeRoutes } from './routes.tsx';

/** Good examples shared between municipalities: the public pages and the editors' (issue 18). */
export const goodPracticeFeature: Feature = {
  name: 'good-practice',
  routes: [goodPracticeRoutes, goodPracticeEditorRoutes, editorFlagRoutes],
  contributes: {
    auditReasonLabels: [(lang) => goodPracticeAuditWords(lang).reasons],
    auditRecordTypeLabels: [(lang) => goodPracticeAuditWords(lang).recordTypes],
    nav: [
      {
        order: 85,
        action: 'user.manage',
        href: '/examples/editors',
        label: (lang) => editorFlagTexts(lang).nav,
      },
      {
        order: 110,
        action: 'example.write',
        href: '/examples/editor',
        label: (lang) => goodPracticeTexts(lang).nav,
      },
    ],
    homeLinks: [
      {
        order: 110,
        action: 'example.write',
        href: '/examples/editor',
        label: (lang) => goodPracticeTexts(lang).editor.homeLink,
      },
    ],
    auditLabels: [
      (lang) => goodPracticeAuditWords(lang).actions,
      (lang) => goodPracticeTexts(lang).auditActions,
      (lang) => ({ 'user.goodPracticeEditor': editorFlagTexts(lang).auditAction }),
    ],
  },
};
