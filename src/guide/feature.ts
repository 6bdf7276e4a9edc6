import type { Feature } from '../platform/features.ts';
import { guideEditorRoutes } from './editor-routes.tsx';
import { guideEditorTexts } from './i18n/editor/index.ts';
import { guideRoutes } from './routes.tsx';

/** The public support guide and its editors' pages. */
export const guideFeature: Feature = {
  name: 'guide',
  routes: [guideRoutes, guideEditorRoutes],
  contributes: {
    nav: [
      {
        order: 100,
        action: 'guide.edit',
        href: '/guide-editor',
        label: (lang) => guideEditorTexts(lang).nav,
      },
    ],
    homeLinks: [
      {
        order: 100,
        action: 'guide.edit',
        href: '/guide-editor',
        label: (lang) => guideEditorTexts(lang).homeLink,
      },
    ],
    auditLabels: [(lang) => guideEditorTexts(lang).auditActions],
    auditReasonLabels: [(lang) => guideEditorTexts(lang).auditReasons],
    auditRecordTypeLabels: [(lang) => guideEditorTexts(lang).auditRecordTypes],
  },
};
