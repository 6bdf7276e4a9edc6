import type { ComponentChildren } from 'preact';
import { formatPersonalNumber } from '../../people/personal-number.ts';
import type { PageContext } from '../../platform/layout/page-context.ts';
import type { DocumentChoice } from '../domain.ts';
import { caseReference } from '../domain.ts';
import { documentsTexts } from '../i18n/index.ts';
import type { DocumentsView } from '../service.ts';

/**
 * A printable document: a page of its own with only the document on it, laid out for A4
 * (documents.css). On screen a line above it leads back and says how to print; it is not printed.
 */
export function DocumentPage({
  ctx,
  view,
  choice,
  decisionMaker,
  children,
}: {
  ctx: PageContext;
  view: DocumentsView;
  choice: DocumentChoice;
  decisionMaker: string | null;
  children: ComponentChildren;
}) {
  const d = documentsTexts(ctx.lang);
  const title = `${d.kinds[choice.kind]} – ${caseReference(view.case)}`;
  return (
    <html lang={ctx.lang} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${ctx.t.appName}`}</title>
        <link rel="stylesheet" href="/assets/documents.css" />
      </head>
      <body>
        <main id="main" class="doc-page">
          <div class="doc-toolbar no-print">
            <a href={`/documents/cases/${view.case.id}`}>{d.backToDocuments}</a>
            <p>{d.printHint}</p>
          </div>
          <article class="doc" aria-label={title}>
            <header class="doc-head">
              <p class="doc-sender">
                <strong>{view.municipality}</strong>
                <br />
                {d.committee}
              </p>
              <dl class="doc-meta">
                <dt>{d.caseReference}</dt>
                <dd>{caseReference(view.case)}</dd>
                <dt>{d.date}</dt>
                <dd>{choice.date}</dd>
                <dt>{d.responsible}</dt>
                <dd>{view.responsibleName ?? d.notSet}</dd>
                <dt>{d.decisionMaker}</dt>
                <dd>{decisionMaker ?? d.notSet}</dd>
              </dl>
            </header>
            <Recipient view={view} choice={choice} />
            {children}
            {view.responsibleName ? <p class="doc-contact">{d.contactLine(view.responsibleName)}</p> : null}
          </article>
        </main>
      </body>
    </html>
  );
}

/** The recipient's name and, unless their identity is protected, their address. */
function Recipient({ view, choice }: { view: DocumentsView; choice: DocumentChoice }) {
  const [kind, id] = choice.recipient.split(':');
  if (kind === 'report') {
    const report = view.reports.find((r) => r.id === id);
    return (
      <p class="doc-recipient">
        {report?.reporter_name ?? choice.recipientName}
        {report?.reporter_organisation ? (
          <>
            <br />
            {report.reporter_organisation}
          </>
        ) : null}
      </p>
    );
  }
  const person = [view.child, ...view.guardians].find((p) => p.id === id);
  const address =
    person && person.protected_identity === 'none'
      ? [person.street_address, [person.postal_code, person.city].filter(Boolean).join(' ')].filter(Boolean)
      : [];
  return (
    <p class="doc-recipient">
      {choice.recipientName}
      {address.map((line) => (
        <>
          <br />
          {line}
        </>
      ))}
    </p>
  );
}

/** Who and what the case is about, on the letters to the family. */
export function AboutChild({ ctx, view }: { ctx: PageContext; view: DocumentsView }) {
  const d = documentsTexts(ctx.lang);
  const c = view.child;
  const number = c.personal_number ? formatPersonalNumber(c.personal_number) : (c.birth_date ?? '');
  return <p class="doc-about">{d.childsCase(`${c.given_name} ${c.family_name}`, number)}</p>;
}

/** A block of free text as written, or "not written". */
export function Prose({ text, empty }: { text: string | null | undefined; empty: string }) {
  return text?.trim() ? <p class="prewrap">{text}</p> : <p class="doc-empty">{empty}</p>;
}
