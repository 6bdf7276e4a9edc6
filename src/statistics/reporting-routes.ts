import { comparisonRoutes } from './comparison-routes.tsx';
import { exportJobRoutes } from './export-job-routes.tsx';
import { registerRoutes } from './register-routes.tsx';

/** The routes of issue 17 part B: the register file, Kolada comparison values, export jobs. */
export const reportingRoutes = [registerRoutes, comparisonRoutes, exportJobRoutes];
