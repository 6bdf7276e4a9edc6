import type { ComponentChildren } from 'preact';
import type { Messages } from '../i18n/i18n.ts';

/** Field errors keyed by field name, already in the user's language. */
export type FieldErrors = Record<string, string>;

export function ErrorSummary({ t, errors }: { t: Messages; errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{t.errorSummaryTitle}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>{field === '_form' ? message : <a href={`#${field}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** The language of the value when it differs from the page's (e.g. an Arabic translation). */
  lang?: string | undefined;
  dir?: 'ltr' | 'rtl' | undefined;
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldShell({ name, label, hint, error, children }: FieldProps & { children: ComponentChildren }) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={name}>{label}</label>
      {hint ? (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    value?: string | undefined;
    type?: 'text' | 'password' | 'email' | 'search' | 'date';
    autocomplete?: string;
    inputmode?: 'numeric' | 'text';
    maxLength?: number;
    required?: boolean;
    width?: 'short' | 'medium';
  },
) {
  const { name, hint, error } = props;
  return (
    <FieldShell {...props}>
      <input
        id={name}
        name={name}
        type={(props.type ?? 'text') as 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        maxLength={props.maxLength}
        required={props.required}
        class={props.width ? `input input--${props.width}` : 'input'}
        lang={props.lang}
        dir={props.dir}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </FieldShell>
  );
}

export function TextArea(
  props: FieldProps & { value?: string | undefined; maxLength?: number; rows?: number },
) {
  const { name, hint, error } = props;
  return (
    <FieldShell {...props}>
      <textarea
        id={name}
        name={name}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        class="input"
        lang={props.lang}
        dir={props.dir}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </FieldShell>
  );
}

export function SelectField(
  props: FieldProps & { value?: string | undefined; options: readonly (readonly [string, string])[] },
) {
  const { name, hint, error } = props;
  return (
    <FieldShell {...props}>
      <select
        id={name}
        name={name}
        class="input"
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Checkbox({ name, label, checked }: { name: string; label: string; checked?: boolean }) {
  return (
    <div class="checkbox">
      <input type="checkbox" id={name} name={name} value="on" checked={checked} />
      <label for={name}>{label}</label>
    </div>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function Notice({ children }: { children: ComponentChildren }) {
  return (
    <div class="notice" role="status">
      {children}
    </div>
  );
}
