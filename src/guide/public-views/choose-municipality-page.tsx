import type { GuideMessages } from '../i18n/index.ts';
import { guideLanguageInfo } from '../languages.ts';
import type { GuideMunicipality } from '../queries.ts';
import type { GuideLanguage } from '../schema.ts';

/** Shown when one installation serves several municipalities and the link did not say which. */
export function ChooseMunicipalityPage({
  lang,
  m,
  municipalities,
  page,
}: {
  lang: GuideLanguage;
  m: GuideMessages;
  municipalities: GuideMunicipality[];
  page: string;
}) {
  const info = guideLanguageInfo[lang];
  return (
    <html lang={info.htmlLang} dir={info.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${m.chooseMunicipality.title} – ${m.guideTitle}`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="stylesheet" href="/assets/guide.css" />
      </head>
      <body class="guide">
        <header class="guide-header">
          <div class="guide-header__inner">
            <span class="guide-brand">{m.guideTitle}</span>
          </div>
        </header>
        <main id="main" class="main guide-main">
          <h1>{m.chooseMunicipality.title}</h1>
          <p>{m.chooseMunicipality.intro}</p>
          <ul class="card-list">
            {municipalities.map((mu) => (
              <li key={mu.code}>
                <a class="card" href={`/guide/${lang}${page}?m=${mu.code}`} lang="sv">
                  {mu.name}
                </a>
              </li>
            ))}
          </ul>
          <p>
            <strong>{m.emergency.n112}</strong>
          </p>
        </main>
      </body>
    </html>
  );
}
