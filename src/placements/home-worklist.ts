import { addDays, type IsoDate } from '../deadlines/calendar.ts';
import type { Duty } from './duty.ts';
import type { HomeAlert } from './homes.ts';

/**
 * The home-finding team's worklist (docs/decisions/0122): its homes with something to renew
 * (`homeAlerts`: investigation, register extracts, training, IVO's permit) and what the children
 * placed there owe the home: an emergency home past, or near, two months after the investigation
 * without special reasons (22 kap. 4 § SoL), and a family home without the agreement with the
 * foster parents (22 kap. 3 §). Pure: the duties come from each placement's schedule.
 */

export type PlacedAlert =
  | { code: 'emergencyHomeOverdue'; placementId: string; dueOn: IsoDate }
  | { code: 'emergencyHomeDueSoon'; placementId: string; dueOn: IsoDate }
  | { code: 'agreementMissing'; placementId: string; dueOn: IsoDate };

/** How far ahead an emergency home's two months are shown. */
export const emergencyHomeNoticeDays = 14;

/** The alerts the placements' duties give their current homes, by home id. */
export function placedAlerts(
  placements: readonly { placementId: string; duties: readonly Duty[] }[],
  today: IsoDate,
): Map<string, PlacedAlert[]> {
  const byHome = new Map<string, PlacedAlert[]>();
  const add = (homeId: string, alert: PlacedAlert) =>
    byHome.set(homeId, [...(byHome.get(homeId) ?? []), alert]);
  for (const { placementId, duties } of placements) {
    for (const duty of duties) {
      if (!duty.subject) continue;
      if (duty.rule === 'emergencyHomeLimit') {
        if (duty.dueOn < today)
          add(duty.subject, { code: 'emergencyHomeOverdue', placementId, dueOn: duty.dueOn });
        else if (duty.dueOn <= addDays(today, emergencyHomeNoticeDays))
          add(duty.subject, { code: 'emergencyHomeDueSoon', placementId, dueOn: duty.dueOn });
      }
      if (duty.rule === 'fosterHomeAgreement')
        add(duty.subject, { code: 'agreementMissing', placementId, dueOn: duty.dueOn });
    }
  }
  return byHome;
}

export interface HomeWorkItem<H> {
  home: H;
  alerts: readonly HomeAlert[];
  placed: readonly PlacedAlert[];
}

/** The homes with anything to do, the most pressing first: overdue emergency homes, then the most alerts. */
export function homeWorklist<H extends { id: string; name: string }>(
  homes: readonly { home: H; alerts: readonly HomeAlert[] }[],
  placed: ReadonlyMap<string, readonly PlacedAlert[]>,
): HomeWorkItem<H>[] {
  const overdue = (item: HomeWorkItem<H>) => item.placed.some((a) => a.code === 'emergencyHomeOverdue');
  return homes
    .map((h) => ({ ...h, placed: placed.get(h.home.id) ?? [] }))
    .filter((h) => h.alerts.length + h.placed.length > 0)
    .sort(
      (a, b) =>
        Number(overdue(b)) - Number(overdue(a)) ||
        b.alerts.length + b.placed.length - (a.alerts.length + a.placed.length) ||
        a.home.name.localeCompare(b.home.name, 'sv'),
    );
}
