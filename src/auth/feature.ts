import type { Feature } from '../platform/features.ts';
import { authRoutes } from './routes.tsx';

/** Login, the second factor, password change and OIDC. */
export const authFeature: Feature = { name: 'auth', routes: [authRoutes] };
