import { todayInSweden } from '../../platform/dates.ts';
import { isOfferedLanguage, offeredLanguageInfo } from '../languages.ts';
import type { PublicEntry } from '../queries.ts';
import { guideSituations } from '../schema.ts';
import { EntryTags } from './browse-page.tsx';
import {
  type GuideContext,
  GuideLayout,
  guideHref,
  Paragraphs,
  Phone,
  swedishAttrs,
  textAttrs,
} from './layout.tsx';

function LanguageList({ codes }: { codes: string[] }) {
  return (
    <ul class="inline-list">
      {codes.filter(isOfferedLanguage).map((code) => (
        <li key={code} lang={offeredLanguageInfo[code].htmlLang} dir={offeredLanguageInfo[code].dir}>
          {offeredLanguageInfo[code].autonym}
        </li>
      ))}
    </ul>
  );
}

export function EntryPage({ ctx, entry }: { ctx: GuideContext; entry: PublicEntry }) {
  const { m } = ctx;
  const attrs = textAttrs(ctx, entry);
  const sv = swedishAttrs(ctx);
  return (
    <GuideLayout ctx={ctx} title={entry.title}>
      <p>
        <a href={guideHref(ctx, ctx.lang)}>{m.entry.back}</a>
      </p>
      <article class="entry">
        <h1 {...attrs}>{entry.title}</h1>
        {entry.translated ? null : (
          <p class="notice fallback-note" role="note">
            {m.fallback.entry}
          </p>
        )}
        <EntryTags ctx={ctx} entry={entry} />
        <h2>{m.entry.whatItIs}</h2>
        <div {...attrs}>
          <Paragraphs text={entry.summary} />
        </div>
        <h2>{m.entry.forWhom}</h2>
        <p>{m.entry.ages(entry.ageFrom, entry.ageTo)}</p>
        {entry.forWhom ? (
          <div {...attrs}>
            <Paragraphs text={entry.forWhom} />
          </div>
        ) : null}
        {entry.situations.length ? (
          <>
            <p>{m.entry.situations}:</p>
            <ul class="inline-list">
              {guideSituations
                .filter((s) => entry.situations.includes(s))
                .map((s) => (
                  <li key={s}>{m.situations[s]}</li>
                ))}
            </ul>
          </>
        ) : null}
        <h2>{m.entry.howToGet}</h2>
        <p>
          <strong>{m.access[entry.access]}</strong>
        </p>
        {entry.howToGet ? (
          <div {...attrs}>
            <Paragraphs text={entry.howToGet} />
          </div>
        ) : null}
        {entry.interpreter ? <p>{m.entry.interpreter}</p> : null}
        <h2>{m.entry.contact}</h2>
        <dl class="summary-list">
          <dt>{m.entry.provider}</dt>
          <dd {...sv}>{entry.provider}</dd>
          {entry.phone ? (
            <>
              <dt>{m.entry.phone}</dt>
              <dd>
                <Phone number={entry.phone} />
              </dd>
            </>
          ) : null}
          {entry.email ? (
            <>
              <dt>{m.entry.email}</dt>
              <dd>
                <a href={`mailto:${entry.email}`} dir="ltr">
                  {entry.email}
                </a>
              </dd>
            </>
          ) : null}
          {entry.website ? (
            <>
              <dt>{m.entry.website}</dt>
              <dd>
                <a href={entry.website} dir="ltr">
                  {entry.website.replace(/^https?:\/\//, '')}
                </a>
              </dd>
            </>
          ) : null}
          {entry.address ? (
            <>
              <dt>{m.entry.address}</dt>
              <dd {...sv}>{entry.address}</dd>
            </>
          ) : null}
          {entry.hours ? (
            <>
              <dt>{m.entry.hours}</dt>
              <dd {...attrs}>{entry.hours}</dd>
            </>
          ) : null}
          <dt>{m.entry.languages}</dt>
          <dd>
            <LanguageList codes={entry.languages} />
          </dd>
        </dl>
        <p class="updated">{m.entry.updated(isoDate(entry.publishedAt))}</p>
      </article>
    </GuideLayout>
  );
}

export function isoDate(date: Date): string {
  // The shared formatter: toLocaleDateString with options builds a new one on every call.
  return todayInSweden(date);
}
