import type { ComponentChildren } from 'preact';
import { CsrfField, type FieldErrors } from '../../platform/layout/forms.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { dueState } from '../domain/plan.ts';
import { type SipTexts, sipTexts } from '../i18n/index.ts';
import type { SipListRow } from '../queries/lists.ts';
import type { ChildSummary } from '../queries/plan.ts';
import { goalAreas, type SipStatus } from '../schema.ts';
import type { SipView } from '../service/read.ts';

export type Values = Record<string, string | string[] | undefined>;

export const str = (values: Values, name: string): string | undefined => {
  const v = values[name];
  return Array.isArray(v) ? v[0] : v;
};

export function childLabel(child: ChildSummary | null, fallback: string | null): string {
  return child ? `${child.given_name} ${child.family_name}` : (fallback ?? '–');
}

export function rowChildName(row: SipListRow): string {
  return row.given_name ? `${row.given_name} ${row.family_name}` : (row.requested_child_name ?? '–');
}

export function StatusTag({ s, status }: { s: SipTexts; status: SipStatus }) {
  return <span class={`tag tag--${status}`}>{s.status[status]}</span>;
}

export function DueTag({ s, date, today }: { s: SipTexts; date: string; today: string }) {
  const state = dueState(date, today);
  if (state === 'later') return null;
  return <span class={`tag tag--due-${state}`}>{s.due[state]}</span>;
}

export type SectionProps = { ctx: PageContext; view: SipView; errors: FieldErrors; values: Values };

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-heading`} class="sip-section">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

export function PostButton({
  ctx,
  action,
  label,
  secondary,
  small,
}: {
  ctx: PageContext;
  action: string;
  label: string;
  secondary?: boolean;
  small?: boolean;
}) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={ctx.csrf} />
      <button
        type="submit"
        class={`button${secondary ? ' button--secondary' : ''}${small ? ' button--small' : ''}`}
      >
        {label}
      </button>
    </form>
  );
}

export function RemoveButton({ ctx, action, label }: { ctx: PageContext; action: string; label: string }) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={ctx.csrf} />
      <button type="submit" class="button button--secondary button--small" aria-label={label}>
        {sipTexts(ctx.lang).remove}
      </button>
    </form>
  );
}

export const areaOptions = (s: SipTexts) => goalAreas.map((a) => [a, s.areas[a]] as const);
