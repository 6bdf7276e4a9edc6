import { UrgencyTag } from '../../cases/components.tsx';
import { urgencyOf } from '../../deadlines/deadlines.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import type { FieldErrors } from '../../platform/layout/forms.tsx';
import type { Duty } from '../duty.ts';
import { placementTexts } from '../i18n/index.ts';
import { moreTexts } from '../i18n/more.ts';
import { temporaryBanTexts } from '../i18n/temporary-bans.ts';

/** What the placement pages share: the duties with their references, names, form errors. */

export type Values = Record<string, string | string[] | undefined>;

export const value = (values: Values | undefined, name: string): string | undefined => {
  const v = values?.[name];
  return typeof v === 'string' ? v : undefined;
};

/** Field codes from the services as texts in the user's language. */
export function errorTexts(codes: Record<string, string>, lang: Lang): FieldErrors {
  const refusals: Record<string, string> = {
    ...placementTexts(lang).refusals,
    ...moreTexts(lang).refusals,
    ...temporaryBanTexts(lang).refusals,
  };
  return Object.fromEntries(Object.entries(codes).map(([field, code]) => [field, refusals[code] ?? code]));
}

export const childName = (c: { givenName: string; familyName: string }) => `${c.givenName} ${c.familyName}`;

export function DutyTable({
  lang,
  duties,
  today,
  caption,
}: {
  lang: Lang;
  duties: readonly Duty[];
  today: string;
  caption: string;
}) {
  const p = placementTexts(lang);
  if (duties.length === 0) return <p>{p.noDuties}</p>;
  return (
    <section class="table-wrap" tabindex={0} aria-label={caption}>
      <table class="table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{p.duties}</th>
            <th scope="col">{p.dueOn}</th>
            <th scope="col">{p.reference}</th>
          </tr>
        </thead>
        <tbody>
          {duties.map((d) => (
            <tr key={`${d.rule}-${d.subject ?? ''}`} data-rule={d.rule}>
              <td>{p.rules[d.rule]}</td>
              <td>
                <span class="due-date" data-due={d.dueOn}>
                  {d.dueOn}
                </span>{' '}
                <UrgencyTag lang={lang} item={urgencyOf(d.dueOn, today)} />
              </td>
              <td class="legal-ref">{d.referenceText}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The next duty in a list, as one short line. */
export function NextDuty({ lang, duty, today }: { lang: Lang; duty: Duty | undefined; today: string }) {
  const p = placementTexts(lang);
  if (!duty) return <>{p.none}</>;
  return (
    <>
      {p.rules[duty.rule]} {duty.dueOn} <UrgencyTag lang={lang} item={urgencyOf(duty.dueOn, today)} />
    </>
  );
}
