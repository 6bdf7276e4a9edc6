import { CsrfField } from '../../platform/layout/forms.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';

export interface CasePermissions {
  update: boolean;
  decideInitial: boolean;
  assign: boolean;
  extend: boolean;
  decide: boolean;
  close: boolean;
  note: boolean;
}

export type Values = Record<string, string | string[] | undefined>;

export const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export function Form({
  ctx,
  action,
  children,
  label,
}: {
  ctx: PageContext;
  action: string;
  children: preact.ComponentChildren;
  label?: string;
}) {
  return (
    <form method="post" action={action} novalidate aria-label={label}>
      <CsrfField token={ctx.csrf} />
      {children}
    </form>
  );
}

export function Submit({ label }: { label: string }) {
  return (
    <button type="submit" class="button">
      {label}
    </button>
  );
}
