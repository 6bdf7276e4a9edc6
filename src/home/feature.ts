import type { Feature } from '../platform/features.ts';
import { homeRoutes } from './routes.tsx';

/** The start page; other features fill it through the homeLinks and homeSections points. */
export const homeFeature: Feature = { name: 'home', routes: [homeRoutes] };
