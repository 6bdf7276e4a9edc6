import type { Feature } from '../platform/features.ts';
import { measurementTexts } from './i18n/measurement.ts';
import { reportingTexts } from './i18n/reporting.ts';
import { ivoRoutes } from './ivo-routes.tsx';
import { submissionRoutes } from './submission-routes.tsx';
import { recordResponsibility, workloadRoutes } from './workload-routes.tsx';

/**
 * Workload, the IVO report and submissions (issue 17, part A): their routes and what they add to
 * other features' pages, joined to the statistics feature's own (feature.ts) so it changes little.
 */
export const measurementRoutes = [workloadRoutes, ivoRoutes, submissionRoutes];

type Contributions = NonNullable<Feature['contributes']>;

const contributions: Contributions = {
  caseAssigned: [recordResponsibility],
  homeLinks: [
    {
      order: 201,
      action: 'workload.assess',
      href: '/my-workload',
      label: (lang) => measurementTexts(lang).workload.nav,
    },
    {
      order: 202,
      action: 'statistics.read',
      href: '/statistics/workload',
      label: (lang) => measurementTexts(lang).workload.teamTitle,
    },
    {
      order: 204,
      action: 'ivo.prepare',
      href: '/statistics/ivo',
      label: (lang) => reportingTexts(lang).ivo.title,
    },
    {
      order: 205,
      action: 'statistics.read',
      href: '/statistics/submissions',
      label: (lang) => reportingTexts(lang).submissions.title,
    },
    {
      order: 203,
      action: 'workload.manageWeights',
      href: '/admin/workload',
      label: (lang) => measurementTexts(lang).workload.settingsTitle,
    },
  ],
  auditLabels: [(lang) => measurementTexts(lang).auditActions],
  auditRecordTypeLabels: [(lang) => measurementTexts(lang).recordTypes],
  auditReasonLabels: [
    (lang) => measurementTexts(lang).denyReasons,
    (lang) => measurementTexts(lang).auditReasons,
  ],
};

/** The statistics feature's contributions with these added, point by point. */
export function withMeasurement(own: Contributions): Contributions {
  const merged: Record<string, readonly unknown[]> = { ...own };
  for (const [point, list] of Object.entries(contributions))
    merged[point] = [...(merged[point] ?? []), ...(list as readonly unknown[])];
  return merged as Contributions;
}
