import { GuardWarnings } from '../../collaboration/guard-warnings.tsx';
import { collaborationTexts } from '../../collaboration/i18n/index.ts';
import { withLang } from '../../good-practice/views/shared.tsx';
import {
  Checkbox,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import type { AgreementsPage } from '../agreement-service.ts';
import { agreementTexts } from '../agreement-texts.ts';
import { agreementTopics } from '../agreements.ts';
import { forumTexts } from '../i18n/index.ts';
import { projectTexts } from '../project-texts.ts';
import { ProjectFormFields } from './project-form.tsx';

export interface AgreementFormState {
  /** 'agreement', 'project', or the id of the agreement whose new version was refused. */
  form: string;
  values: Record<string, string | string[] | undefined>;
  errors: FieldErrors;
  warnings: string[];
}

export { projectGoalRows } from './project-form.tsx';

const many = (v: string | string[] | undefined) => [v ?? []].flat();
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A forum's agreements (with their versions and review reminders) and joint projects. */
export function AgreementsPageView({
  ctx,
  page,
  notice,
  state = null,
}: {
  ctx: PageContext;
  page: AgreementsPage;
  notice?: string | undefined;
  state?: AgreementFormState | null;
}) {
  const a = agreementTexts(ctx.lang);
  const f = forumTexts(ctx.lang);
  const base = `/forums/${page.forum.id}`;
  const org = (id: string) => page.organisations.find((o) => o.id === id)?.name ?? '–';
  const orgOptions = page.organisations.map((o) => [o.id, o.name] as const);
  const warned = (s: AgreementFormState | null) =>
    s?.warnings.length ? (
      <>
        <GuardWarnings ctx={ctx} warnings={s.warnings} />
        <Checkbox name="confirmNames" label={collaborationTexts(ctx.lang).confirmNames} />
      </>
    ) : null;
  const due = page.agreements.filter((x) => x.review === 'reviewSoon' || x.review === 'reviewOverdue');
  const agreementState = state?.form === 'agreement' ? state : null;
  const projectState = state?.form === 'project' ? state : null;
  const av = agreementState?.values ?? {};
  const ae = agreementState?.errors ?? {};
  const pv = projectState?.values ?? {};
  const pe = projectState?.errors ?? {};
  return (
    <Layout ctx={ctx} title={`${a.title} – ${page.forum.name}`}>
      <p>
        <a href={withLang(base, ctx.lang)}>{a.back}</a>
      </p>
      <h1>
        {a.title} – {page.forum.name}
      </h1>
      {notice ? <Notice>{notice}</Notice> : null}
      {state ? <ErrorSummary t={ctx.t} errors={state.errors} /> : null}
      <p>{a.intro}</p>
      {due.length > 0 ? <p class="tag tag--warning">{a.reminder(due.length)}</p> : null}

      <section aria-labelledby="agreements">
        <h2 id="agreements">{a.agreements}</h2>
        {page.agreements.length === 0 ? <p>{a.noAgreements}</p> : null}
        <ul class="item-list">
          {page.agreements.map((x) => {
            const [latest, ...earlier] = x.versions;
            if (!latest) return null;
            const revising = state?.form === x.id ? state : null;
            const rv = revising?.values ?? {};
            const re = revising?.errors ?? {};
            const field = (name: string) => `${name}-${x.id}`;
            return (
              <li key={x.id}>
                <h3>{latest.title}</h3>
                <p>
                  {a.topics[x.topic]} · {a.version(latest.version)}{' '}
                  <span class={x.review === 'current' ? 'tag' : 'tag tag--warning'}>
                    {a.reviewStates[x.review]}
                  </span>
                </p>
                <p>
                  {a.validFrom(latest.valid_from)}
                  {latest.valid_until ? ` ${a.validUntil(latest.valid_until)}` : ''},{' '}
                  {a.reviewBy(latest.review_by)}. {a.adopted(latest.adopted_on, latest.adopted_by)}.
                </p>
                <p>
                  {a.parties}: {latest.party_organisation_ids.map(org).join(', ')}
                </p>
                {latest.summary ? <p class="pre-line">{latest.summary}</p> : null}
                {latest.changes ? <p class="pre-line">{`${a.changesAre}: ${latest.changes}`}</p> : null}
                {latest.document_url ? (
                  <p>
                    <a href={latest.document_url}>{`${a.document}: ${latest.title}`}</a>
                  </p>
                ) : null}
                {earlier.length > 0 ? (
                  <details>
                    <summary>{a.history}</summary>
                    <ul>
                      {earlier.map((v) => (
                        <li key={v.id}>
                          {a.version(v.version)}: {v.title}. {a.validFrom(v.valid_from)}
                          {v.valid_until ? ` ${a.validUntil(v.valid_until)}` : ''}.
                          {v.changes ? ` ${a.changesAre}: ${v.changes}` : ''}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                {page.canRecord ? (
                  <details open={revising ? true : undefined}>
                    <summary>{a.newVersion}</summary>
                    <form
                      method="post"
                      action={withLang(`${base}/agreements/${x.id}/versions`, ctx.lang)}
                      class="stack-form"
                    >
                      <CsrfField token={ctx.csrf} />
                      <TextField
                        id={field('title')}
                        name="title"
                        label={a.fields.title}
                        value={one(rv.title) ?? latest.title}
                        error={re[field('title')]}
                      />
                      <Parties
                        id={field('partyOrganisationIds')}
                        legend={a.fields.partyOrganisationIds}
                        options={orgOptions}
                        checked={revising ? many(rv.partyOrganisationIds) : latest.party_organisation_ids}
                        error={re[field('partyOrganisationIds')]}
                      />
                      {(['adoptedOn', 'validFrom', 'reviewBy'] as const).map((name) => (
                        <TextField
                          key={name}
                          id={field(name)}
                          name={name}
                          type="date"
                          label={a.fields[name]}
                          value={one(rv[name])}
                          error={re[field(name)]}
                        />
                      ))}
                      <TextField
                        id={field('adoptedBy')}
                        name="adoptedBy"
                        label={a.fields.adoptedBy}
                        value={one(rv.adoptedBy) ?? latest.adopted_by}
                        error={re[field('adoptedBy')]}
                      />
                      <TextArea
                        id={field('changes')}
                        name="changes"
                        label={a.fields.changes}
                        value={one(rv.changes)}
                        error={re[field('changes')]}
                        rows={3}
                      />
                      <TextArea
                        id={field('summary')}
                        name="summary"
                        label={a.fields.summary}
                        value={one(rv.summary) ?? latest.summary}
                        error={re[field('summary')]}
                        rows={4}
                      />
                      <TextField
                        id={field('documentUrl')}
                        name="documentUrl"
                        label={a.fields.documentUrl}
                        value={one(rv.documentUrl) ?? latest.document_url ?? ''}
                        error={re[field('documentUrl')]}
                      />
                      {warned(revising)}
                      <button type="submit" class="button">
                        {a.revise}
                      </button>
                    </form>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      {page.canRecord ? (
        <form method="post" action={withLang(`${base}/agreements`, ctx.lang)} class="stack-form">
          <h2>{a.newAgreement}</h2>
          <CsrfField token={ctx.csrf} />
          <TextField id="title" name="title" label={a.fields.title} value={one(av.title)} error={ae.title} />
          <SelectField
            id="topic"
            name="topic"
            label={a.fields.topic}
            value={one(av.topic)}
            options={[['', a.chooseOne], ...agreementTopics.map((t) => [t, a.topics[t]] as const)]}
            error={ae.topic}
          />
          <CheckboxGroup
            name="partyOrganisationIds"
            legend={a.fields.partyOrganisationIds}
            options={orgOptions}
            checked={many(av.partyOrganisationIds)}
            error={ae.partyOrganisationIds}
          />
          {(['adoptedOn', 'validFrom', 'reviewBy'] as const).map((name) => (
            <TextField
              key={name}
              id={name}
              name={name}
              type="date"
              label={a.fields[name]}
              value={one(av[name])}
              error={ae[name]}
            />
          ))}
          <TextField
            id="adoptedBy"
            name="adoptedBy"
            label={a.fields.adoptedBy}
            value={one(av.adoptedBy)}
            error={ae.adoptedBy}
          />
          <TextArea
            id="summary"
            name="summary"
            label={a.fields.summary}
            value={one(av.summary)}
            error={ae.summary}
            rows={4}
          />
          <TextField
            id="documentUrl"
            name="documentUrl"
            label={a.fields.documentUrl}
            value={one(av.documentUrl)}
            error={ae.documentUrl}
          />
          {warned(agreementState)}
          <button type="submit" class="button">
            {a.adopt}
          </button>
        </form>
      ) : null}

      <section aria-labelledby="projects">
        <h2 id="projects">{a.projects}</h2>
        {page.projects.length === 0 ? <p>{a.noProjects}</p> : null}
        <ul class="item-list">
          {page.projects.map((p) => (
            <li key={p.id}>
              <h3>
                <a href={withLang(`${base}/projects/${p.id}`, ctx.lang)}>{p.title}</a>
              </h3>
              <p>
                <span class="tag">{a.projectStatuses[p.status]}</span> {a.lead}: {org(p.lead_organisation_id)}
                {p.starts_on ? ` · ${a.fields.startsOn} ${p.starts_on}` : ''}
                {p.ends_on ? ` · ${a.fields.endsOn} ${p.ends_on}` : ''}
              </p>
              <p>{p.organisation_ids.map(org).join(', ')}</p>
              {p.description ? <p class="pre-line">{p.description}</p> : null}
              {page.canRecord && (p.status === 'planned' || p.status === 'ongoing') ? (
                <form
                  method="post"
                  action={withLang(`${base}/projects/${p.id}/status`, ctx.lang)}
                  class="inline-form"
                >
                  <CsrfField token={ctx.csrf} />
                  {(p.status === 'planned'
                    ? (['ongoing', 'stopped'] as const)
                    : (['finished', 'stopped'] as const)
                  ).map((to) => (
                    <button
                      key={to}
                      type="submit"
                      name="status"
                      value={to}
                      class="button button--secondary button--small"
                    >
                      {a.moveTo[to]}
                    </button>
                  ))}
                </form>
              ) : null}
              <h4>{a.goals}</h4>
              <ul>
                {p.goals.map((g) => (
                  <li key={g.id}>
                    <strong>{f.goalAreas[g.area as 'goodHealth'] ?? g.area}</strong>: {g.goal}
                    {g.indicator_kind === 'samtak'
                      ? ` (${a.follows}: ${a.indicators[g.samtak_indicator_id ?? ''] ?? g.samtak_indicator_id})`
                      : g.indicator_kind === 'manual'
                        ? ` (${a.follows}: ${g.manual_indicator})`
                        : ''}
                    {g.target_value !== null ? ` · ${projectTexts(ctx.lang).target}: ${g.target_value}` : ''}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      {page.canRecord ? (
        <form method="post" action={withLang(`${base}/projects`, ctx.lang)} class="stack-form">
          <h2>{a.newProject}</h2>
          <CsrfField token={ctx.csrf} />
          <ProjectFormFields
            ctx={ctx}
            values={pv}
            errors={pe}
            organisations={page.organisations}
            indicatorIds={page.indicatorIds}
          />
          {warned(projectState)}
          <button type="submit" class="button">
            {a.startProject}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

/** The parties of a new version: its own ids, so that each agreement's form stands apart. */
function Parties(props: {
  id: string;
  legend: string;
  options: readonly (readonly [string, string])[];
  checked: readonly string[];
  error: string | undefined;
}) {
  return (
    <fieldset
      class={props.error ? 'fieldset field--error' : 'fieldset'}
      id={props.id}
      aria-describedby={props.error ? `${props.id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {props.error ? (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
      {props.options.map(([value, label], i) => (
        <div class="checkbox" key={value}>
          <input
            type="checkbox"
            id={`${props.id}-${i}`}
            name="partyOrganisationIds"
            value={value}
            checked={props.checked.includes(value)}
          />
          <label for={`${props.id}-${i}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
}
