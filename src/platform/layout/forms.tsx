import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Messages } from '../i18n/messages.ts';

/**
 * The labels of a page's fields, so that its error summary names each field with its message
 * ("Användarnamn: Fyll i fältet.") whatever the form. The page is rendered once to learn them,
 * and again only when it shows an error summary (src/platform/http/render.ts).
 */
export interface FieldLabels {
  /** Labels seen while rendering, by the field's id. */
  readonly seen: Map<string, string>;
  /** Labels learnt from the first rendering, for the summary of the second. */
  readonly known: ReadonlyMap<string, string>;
  summaryShown: boolean;
}

export const FieldLabelsContext = createContext<FieldLabels | null>(null);

/** A field (or a group of them) makes its label known to the page's error summary. */
export function useFieldLabel(id: string, label: string): void {
  useContext(FieldLabelsContext)?.seen.set(id, label);
}

/** A form field sent once, several times or not at all (checkboxes), as a list. */
export function asList(value: string | string[] | undefined): string[] {
  return [value ?? []].flat();
}

/** Field errors keyed by field name, already in the user's language. */
export type FieldErrors = Record<string, string>;

/**
 * The summary of a form's errors, first on the page and focused when it loads (autofocus, so no
 * script is needed): each field named with its own message, linking to the field.
 */
export function ErrorSummary({ t, errors }: { t: Messages; errors: FieldErrors }) {
  const labels = useContext(FieldLabelsContext);
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  if (labels) labels.summaryShown = true;
  const named = (field: string, message: string) => {
    const label = labels?.known.get(field);
    return label && !message.includes(label) ? `${label.replace(/[\s:*]+$/, '')}: ${message}` : message;
  };
  return (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabindex={-1}
      autofocus
      data-error-summary
    >
      <h2 id="error-summary-title">{t.errorSummaryTitle}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            {field === '_form' ? message : <a href={`#${field}`}>{named(field, message)}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  /** The element id, when a page has several fields of the same name; the name otherwise. */
  id?: string | undefined;
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

function FieldShell({
  name,
  id,
  label,
  hint,
  error,
  children,
}: FieldProps & { children: ComponentChildren }) {
  const fieldId = id ?? name;
  useFieldLabel(fieldId, label);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={fieldId}>{label}</label>
      {hint ? (
        <p class="hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${fieldId}-error`}>
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
    /** The field a page is for (a login): focused when the page opens, unless an error summary is. */
    autofocus?: boolean;
  },
) {
  const { name, hint, error } = props;
  const id = props.id ?? name;
  return (
    <FieldShell {...props}>
      <input
        id={id}
        name={name}
        type={(props.type ?? 'text') as 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        maxLength={props.maxLength}
        required={props.required}
        autofocus={props.autofocus}
        class={props.width ? `input input--${props.width}` : 'input'}
        lang={props.lang}
        dir={props.dir}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </FieldShell>
  );
}

export function TextArea(
  props: FieldProps & { value?: string | undefined; maxLength?: number; rows?: number },
) {
  const { name, hint, error } = props;
  const id = props.id ?? name;
  return (
    <FieldShell {...props}>
      <textarea
        id={id}
        name={name}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        class="input"
        lang={props.lang}
        dir={props.dir}
        aria-describedby={describedBy(id, hint, error)}
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
  const id = props.id ?? name;
  return (
    <FieldShell {...props}>
      <select
        id={id}
        name={name}
        class="input"
        aria-describedby={describedBy(id, hint, error)}
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

/** Several checkboxes under one question, sent as repeated values of one name. */
export function CheckboxGroup({
  name,
  legend,
  hint,
  error,
  options,
  checked,
}: {
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly (readonly [string, string])[];
  checked: readonly string[];
}) {
  useFieldLabel(name, legend);
  return (
    <fieldset
      class={error ? 'fieldset field--error' : 'fieldset'}
      id={name}
      aria-describedby={describedBy(name, hint, error)}
    >
      <legend>{legend}</legend>
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
      {options.map(([value, label], i) => (
        <div class="checkbox" key={value}>
          <input
            type="checkbox"
            id={`${name}-${i}`}
            name={name}
            value={value}
            checked={checked.includes(value)}
          />
          <label for={`${name}-${i}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** One choice among a few, as radio buttons under one question. */
export function RadioGroup({
  name,
  legend,
  hint,
  error,
  options,
  value,
}: {
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly (readonly [string, string])[];
  value?: string | undefined;
}) {
  useFieldLabel(name, legend);
  return (
    <fieldset
      class={error ? 'fieldset field--error' : 'fieldset'}
      id={name}
      aria-describedby={describedBy(name, hint, error)}
    >
      <legend>{legend}</legend>
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
      {options.map(([optionValue, label], i) => (
        <div class="checkbox" key={optionValue}>
          <input
            type="radio"
            id={`${name}-${i}`}
            name={name}
            value={optionValue}
            checked={optionValue === value}
          />
          <label for={`${name}-${i}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
}
