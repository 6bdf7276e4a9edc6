import type { Feature } from '../platform/features.ts';
import { operatorRoutes } from './operator-routes.tsx';

/** Running an installation: the first start, the installation operator's pages (0085, 0086). */
export const installationFeature: Feature = { name: 'installation', routes: [operatorRoutes] };
