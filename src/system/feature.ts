import type { Feature } from '../platform/features.ts';
import { systemRoutes } from './routes.ts';

/** Health check and the API's own description. */
export const systemFeature: Feature = { name: 'system', routes: [systemRoutes] };
