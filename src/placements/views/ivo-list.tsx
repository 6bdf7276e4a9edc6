import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { placementTexts } from '../i18n/index.ts';
import { ivoListColumns } from '../ivo-list.ts';
import type { IvoListView } from '../service/ivo.ts';

/** The printable list to IVO; protected children by initials and birth year, nothing about the home. */
export function IvoListPage({ ctx, view }: { ctx: PageContext; view: IvoListView }) {
  const p = placementTexts(ctx.lang);
  const title = `${p.ivoList} ${view.year}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{p.ivoListIntro}</p>
      <p>
        {p.dueOn} {view.duty.dueOn} ({view.duty.referenceText})
      </p>
      <form method="get" action="/placements/ivo-list" class="filter-form">
        <label for="year">{p.ivoYear}</label>
        <input
          id="year"
          name="year"
          class="input input--short"
          inputmode="numeric"
          value={String(view.year)}
        />
        <button type="submit" class="button button--secondary">
          {p.show}
        </button>
      </form>
      <p>
        <a href={`/placements/ivo-list.csv?year=${view.year}`}>{p.downloadCsv}</a>
      </p>
      <section class="table-wrap" tabindex={0} aria-label={title}>
        <table class="table">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {ivoListColumns.map((c) => (
                <th scope="col" key={c}>
                  {p.ivoColumns[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r, i) => (
              <tr key={i} data-protected={String(r.protected)}>
                <td>{r.child}</td>
                <td>{r.identity}</td>
                <td>{r.protected ? p.protectedMark : ''}</td>
                <td>{r.home?.name ?? ''}</td>
                <td>{r.home?.address ?? ''}</td>
                <td>{r.from ?? ''}</td>
                <td>{r.to ?? ''}</td>
                <td>{r.legalBasis ? p.bases[r.legalBasis] : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}
