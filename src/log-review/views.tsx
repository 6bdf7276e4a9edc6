import { formatPersonalNumber } from '../people/personal-number.ts';
import type { PersonSummary } from '../people/queries.ts';
import { formatDateTime } from '../platform/dates.ts';
import { Checkbox, ErrorSummary, type FieldErrors, TextField } from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { logReviewTexts } from './i18n/index.ts';
import { type ReviewedEvent, type ReviewedUser, userMatchLimit } from './queries.ts';
import { type AuditVocabulary, reasonInWords } from './vocabulary.ts';

interface Props {
  ctx: PageContext;
  filter: { person: string; user: string; from: string; to: string; unusual: boolean };
  personLabel: string | undefined;
  userLabel: string | undefined;
  /** Users matching what was typed, when it named more than one. */
  candidates: ReviewedUser[];
  /** People matching what was typed, when it named more than one. */
  people: PersonSummary[];
  events: ReviewedEvent[] | null;
  more: boolean;
  errors: FieldErrors;
  /** Every feature's words for the codes of the trail, in the page's language. */
  vocabulary: AuditVocabulary;
}

export function LogReviewPage(props: Props) {
  const { ctx, filter, personLabel, userLabel, candidates, people, events, more, errors, vocabulary } = props;
  const { t } = ctx;
  const l = logReviewTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={l.title}>
      <h1>{l.title}</h1>
      <p>{l.intro}</p>
      <ErrorSummary t={t} errors={errors} />
      <form method="get" action="/log-review" class="filter-form">
        <TextField
          name="person"
          label={l.person}
          hint={l.personHint}
          value={filter.person}
          error={errors.person}
          width="medium"
          maxLength={60}
        />
        <TextField
          name="user"
          label={l.user}
          hint={l.userHint}
          value={filter.user}
          error={errors.user}
          width="medium"
          maxLength={60}
        />
        <TextField
          name="from"
          type="date"
          label={l.from}
          value={filter.from}
          error={errors.from}
          width="medium"
        />
        <TextField name="to" type="date" label={l.to} value={filter.to} width="medium" />
        <Checkbox name="unusual" label={l.onlyUnusual} checked={filter.unusual} />
        <button type="submit" class="button">
          {l.filter}
        </button>
      </form>
      {candidates.length > 1 ? <UserCandidates ctx={ctx} filter={filter} candidates={candidates} /> : null}
      {people.length > 1 ? <PersonCandidates ctx={ctx} filter={filter} people={people} /> : null}
      {events ? (
        <section aria-labelledby="events-heading">
          <h2 id="events-heading">
            {[personLabel, userLabel].filter(Boolean).map((label) => `${label}: `)}
            {l.count(events.length, more)}
          </h2>
          <p class="hint">{l.unusualLegend}</p>
          {events.length === 0 ? (
            <p>{l.noEvents}</p>
          ) : (
            <div class="table-wrap">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{l.when}</th>
                    <th scope="col">{l.who}</th>
                    <th scope="col">{l.action}</th>
                    <th scope="col">{l.recordType}</th>
                    <th scope="col">{l.whose}</th>
                    <th scope="col">{l.reason}</th>
                    <th scope="col">{l.outcome}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((e) => (
                    <tr key={e.seq} class={e.unusual ? 'row--unusual' : undefined}>
                      <td>{formatDateTime(e.occurred_at)}</td>
                      <td>
                        {e.actor_name ?? '–'}
                        {e.actor_role ? (
                          <span class="hint">
                            {' '}
                            ({t.roles[e.actor_role as keyof typeof t.roles] ?? e.actor_role})
                          </span>
                        ) : null}
                        {/* Partners act for their organisation: the review shows which one. */}
                        {e.actor_organisation && e.actor_role === 'partnerProfessional' ? (
                          <span class="hint">
                            <br />
                            {e.actor_organisation}
                          </span>
                        ) : null}
                      </td>
                      <td>
                        {/* A refusal is recorded under the action asked for: it was only tried. */}
                        {e.outcome === 'denied' ? <strong>{l.attempt} </strong> : null}
                        {vocabulary.actions[e.action] ?? e.action}
                      </td>
                      <td>
                        {e.record_type ? (vocabulary.recordTypes[e.record_type] ?? e.record_type) : '–'}
                      </td>
                      <td>
                        {e.subject_person_id && e.subject_culled_on && !e.given_name ? (
                          l.culledOn(String(e.subject_culled_on))
                        ) : e.subject_person_id ? (
                          <a href={`/log-review?person=${e.subject_person_id}`}>
                            {e.given_name} {e.family_name}{' '}
                            {e.personal_number ? `(${formatPersonalNumber(e.personal_number)})` : ''}
                          </a>
                        ) : (
                          '–'
                        )}
                        {e.beforeLinking ? (
                          <span class="hint">
                            <br />
                            {l.beforeLinking}
                          </span>
                        ) : null}
                      </td>
                      <td>{e.access_reason ?? reasonInWords(vocabulary, ctx.lang, e.reason)}</td>
                      <td>
                        {e.outcome === 'denied' ? <strong>{l.denied}</strong> : l.allowed}
                        {e.unusual ? <span class="tag tag--warning">{l.unusual}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </Layout>
  );
}

function UserCandidates({ ctx, filter, candidates }: Pick<Props, 'ctx' | 'filter' | 'candidates'>) {
  const l = logReviewTexts(ctx.lang);
  const link = (id: string) => {
    const query = new URLSearchParams({ person: filter.person, user: id, from: filter.from, to: filter.to });
    if (filter.unusual) query.set('unusual', 'on');
    return `/log-review?${query}`;
  };
  return (
    <section aria-labelledby="candidates-heading">
      <h2 id="candidates-heading">{l.userCandidates}</h2>
      <ul>
        {candidates.slice(0, userMatchLimit).map((u) => (
          <li key={u.id}>
            <a href={link(u.id)}>{u.display_name}</a>{' '}
            <span class="hint">
              ({u.username}, {ctx.t.roles[u.role as keyof typeof ctx.t.roles] ?? u.role})
            </span>
          </li>
        ))}
      </ul>
      {candidates.length > userMatchLimit ? <p class="hint">{l.userMoreCandidates(userMatchLimit)}</p> : null}
    </section>
  );
}

function PersonCandidates({ ctx, filter, people }: Pick<Props, 'ctx' | 'filter' | 'people'>) {
  const l = logReviewTexts(ctx.lang);
  const link = (id: string) => {
    const query = new URLSearchParams({ person: id, user: filter.user, from: filter.from, to: filter.to });
    if (filter.unusual) query.set('unusual', 'on');
    return `/log-review?${query}`;
  };
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">{l.personCandidates}</h2>
      <ul>
        {people.slice(0, userMatchLimit).map((p) => (
          <li key={p.id}>
            <a href={link(p.id)}>
              {p.given_name} {p.family_name}
            </a>{' '}
            <span class="hint">({formatPersonalNumber(p.personal_number)})</span>
          </li>
        ))}
      </ul>
      {people.length > userMatchLimit ? <p class="hint">{l.userMoreCandidates(userMatchLimit)}</p> : null}
    </section>
  );
}
