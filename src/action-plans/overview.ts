import { type PlanArea, planAreas, type Theme, themes } from '../collaboration/areas.ts';
import { type CoordinatorScope, coordinatorCovers } from '../collaboration/municipalities.ts';
import type { MeasureStatus } from './measures.ts';
import type { PlanStatus } from './plan.ts';

/**
 * The national or county coordinator's view across municipalities: what everyone is working on by
 * area and theme, what was raised nationally and how often, and Samtak's indicators added up over
 * the municipalities with small numbers suppressed. Never a child: plans, measures and matters
 * are about the work, and indicator figures arrive as counts. docs/decisions/0100.
 */

export interface PlanForOverview {
  municipalityId: string;
  municipalityCode: string;
  status: PlanStatus;
  areas: readonly { area: PlanArea; themes: readonly Theme[] }[];
  measures: readonly { areaIndex: number; status: MeasureStatus }[];
}

export interface AreaCount {
  area: PlanArea;
  municipalities: number;
  measures: number;
  done: number;
}

export interface ThemeCount {
  theme: Theme;
  municipalities: number;
  measures: number;
}

/** Adopted plans only (a draft is not yet what a municipality works on), within the scope. */
export function workAcrossMunicipalities(
  plans: readonly PlanForOverview[],
  scope: CoordinatorScope,
): { areas: AreaCount[]; themes: ThemeCount[]; municipalities: number } {
  const inScope = plans.filter((p) => p.status === 'adopted' && coordinatorCovers(scope, p.municipalityCode));
  const byArea = new Map<PlanArea, { municipalities: Set<string>; measures: number; done: number }>();
  const byTheme = new Map<Theme, { municipalities: Set<string>; measures: number }>();
  for (const plan of inScope) {
    plan.areas.forEach((area, index) => {
      const measures = plan.measures.filter((m) => m.areaIndex === index);
      const a = byArea.get(area.area) ?? { municipalities: new Set(), measures: 0, done: 0 };
      a.municipalities.add(plan.municipalityId);
      a.measures += measures.length;
      a.done += measures.filter((m) => m.status === 'done').length;
      byArea.set(area.area, a);
      for (const theme of area.themes) {
        const t = byTheme.get(theme) ?? { municipalities: new Set(), measures: 0 };
        t.municipalities.add(plan.municipalityId);
        t.measures += measures.length;
        byTheme.set(theme, t);
      }
    });
  }
  return {
    areas: planAreas.flatMap((area) => {
      const a = byArea.get(area);
      return a ? [{ area, municipalities: a.municipalities.size, measures: a.measures, done: a.done }] : [];
    }),
    themes: themes
      .flatMap((theme) => {
        const t = byTheme.get(theme);
        return t ? [{ theme, municipalities: t.municipalities.size, measures: t.measures }] : [];
      })
      .sort((a, b) => b.municipalities - a.municipalities || b.measures - a.measures),
    municipalities: new Set(inScope.map((p) => p.municipalityId)).size,
  };
}

/** How often each theme was raised nationally, by how many municipalities, and how much is answered. */
export function mattersAcrossMunicipalities(
  matters: readonly {
    municipalityId: string;
    municipalityCode: string;
    themes: readonly Theme[];
    status: string;
  }[],
  scope: CoordinatorScope,
): { theme: Theme; raised: number; municipalities: number; unanswered: number }[] {
  const inScope = matters.filter((m) => coordinatorCovers(scope, m.municipalityCode));
  return themes
    .map((theme) => {
      const about = inScope.filter((m) => m.themes.includes(theme));
      return {
        theme,
        raised: about.length,
        municipalities: new Set(about.map((m) => m.municipalityId)).size,
        unanswered: about.filter((m) => m.status === 'raised').length,
      };
    })
    .filter((t) => t.raised > 0)
    .sort((a, b) => b.raised - a.raised);
}

/**
 * Suppression of small numbers is the measurement feature's (issue 17: counts 1–4, and whatever
 * would let them be recomputed from a total). This layer hands it a row of counts with their total
 * and shows what comes back; a null is shown as suppressed.
 */
export type SuppressRow = (
  counts: readonly number[],
  total: number,
) => { counts: (number | null)[]; total: number | null };

export interface IndicatorCells {
  municipalityId: string;
  municipalityCode: string;
  numerator: number;
  denominator: number;
}

export interface AggregatedIndicator {
  perMunicipality: {
    municipalityId: string;
    numerator: number | null;
    denominator: number | null;
    share: number | null;
  }[];
  total: { numerator: number | null; denominator: number | null; share: number | null };
}

/**
 * One Samtak indicator added up over the municipalities in scope: numerators and denominators are
 * summed (never the shares averaged), and both rows pass the suppression before a share is shown.
 */
export function aggregateIndicator(
  cells: readonly IndicatorCells[],
  scope: CoordinatorScope,
  suppress: SuppressRow,
): AggregatedIndicator {
  const inScope = cells.filter((c) => coordinatorCovers(scope, c.municipalityCode));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const numerators = suppress(
    inScope.map((c) => c.numerator),
    sum(inScope.map((c) => c.numerator)),
  );
  const denominators = suppress(
    inScope.map((c) => c.denominator),
    sum(inScope.map((c) => c.denominator)),
  );
  const share = (n: number | null, d: number | null) => (n === null || d === null || d === 0 ? null : n / d);
  return {
    perMunicipality: inScope.map((c, i) => {
      const numerator = numerators.counts[i] ?? null;
      const denominator = denominators.counts[i] ?? null;
      // A share shown beside a suppressed count would give the count back.
      const hidden = numerator === null || denominator === null;
      return {
        municipalityId: c.municipalityId,
        numerator: hidden ? null : numerator,
        denominator: hidden ? null : denominator,
        share: hidden ? null : share(numerator, denominator),
      };
    }),
    total: {
      numerator: numerators.total,
      denominator: denominators.total,
      share: share(numerators.total, denominators.total),
    },
  };
}
