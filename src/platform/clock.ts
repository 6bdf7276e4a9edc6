import type { Config } from '../config.ts';
import { todayInSweden } from './dates.ts';

/**
 * "Today" for every date rule: the real date in Sweden, or the fixed date a demonstration or a
 * test configured (SAMTAK_TODAY), so deadlines can be shown and checked against a known day.
 */
export function todayFor(config: Pick<Config, 'fixedToday'>): string {
  return config.fixedToday ?? todayInSweden();
}
