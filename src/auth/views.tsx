import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextField,
} from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { authTexts } from './i18n/index.ts';

export function LoginPage({
  ctx,
  errors = {},
  username = '',
  notice,
  next,
  oidcEnabled,
  municipalities = [],
  municipalityCode,
  action = '/login',
  heading,
}: {
  ctx: PageContext;
  errors?: FieldErrors;
  username?: string;
  notice?: string | undefined;
  next?: string | undefined;
  oidcEnabled: boolean;
  /** The active municipalities: a choice when there are several. */
  municipalities?: readonly { code: string; name: string }[];
  municipalityCode?: string | undefined;
  /** Where the form posts: the installation operator's login reuses the page (decision 0086). */
  action?: string;
  heading?: string;
}) {
  const { t } = ctx;
  const tx = authTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={heading ?? tx.login.title} bare>
      <div class="narrow">
        <h1>{heading ?? tx.login.title}</h1>
        {notice ? <Notice>{notice}</Notice> : null}
        <ErrorSummary t={t} errors={errors} />
        <p>{tx.login.intro}</p>
        <form method="post" action={action} novalidate>
          <CsrfField token={ctx.csrf} />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          {municipalities.length > 1 ? (
            <SelectField
              name="m"
              label={tx.login.municipality}
              value={municipalityCode}
              error={errors.m}
              options={[
                ['', tx.login.chooseMunicipality] as const,
                ...municipalities.map((m) => [m.code, m.name] as const),
              ]}
            />
          ) : municipalityCode ? (
            <input type="hidden" name="m" value={municipalityCode} />
          ) : null}
          <TextField
            name="username"
            label={tx.login.username}
            value={username}
            error={errors.username}
            autocomplete="username"
            required
            autofocus={!username}
          />
          <TextField
            name="password"
            label={tx.login.password}
            type="password"
            error={errors.password}
            autocomplete="current-password"
            required
            autofocus={!!username}
          />
          <button type="submit" class="button">
            {tx.login.submit}
          </button>
        </form>
        {oidcEnabled ? (
          <p class="alt-login">
            {tx.login.or}{' '}
            <a class="button button--secondary" href="/login/oidc">
              {tx.login.oidc}
            </a>
          </p>
        ) : null}
        <p class="guide-link">
          <a href="/guide">{tx.login.guideLink}</a>
        </p>
      </div>
    </Layout>
  );
}

export function TotpPage({
  ctx,
  error,
  action = '/login/totp',
}: {
  ctx: PageContext;
  error?: string | undefined;
  action?: string;
}) {
  const { t } = ctx;
  const tx = authTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={tx.totp.title} bare>
      <div class="narrow">
        <h1>{tx.totp.title}</h1>
        <ErrorSummary t={t} errors={error ? { code: error } : {}} />
        <p>{tx.totp.intro}</p>
        <form method="post" action={action} novalidate>
          <CsrfField token={ctx.csrf} />
          <TextField
            name="code"
            label={tx.totp.code}
            hint={tx.totp.codeHint}
            error={error}
            autocomplete="one-time-code"
            inputmode="numeric"
            maxLength={6}
            autofocus
            width="short"
          />
          <button type="submit" class="button">
            {tx.totp.submit}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function EnrolPage({
  ctx,
  secret,
  sealed,
  qrDataUri,
  error,
  action = '/login/enrol',
}: {
  ctx: PageContext;
  secret: string;
  sealed: string;
  qrDataUri: string;
  error?: string | undefined;
  action?: string;
}) {
  const { t } = ctx;
  const tx = authTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={tx.totp.enrolTitle} bare>
      <div class="narrow">
        <h1>{tx.totp.enrolTitle}</h1>
        <ErrorSummary t={t} errors={error ? { code: error } : {}} />
        <p>{tx.totp.enrolIntro}</p>
        <img class="qr" src={qrDataUri} alt={tx.totp.qrAlt} width={200} height={200} />
        <p>
          {tx.totp.secretLabel}: <code class="secret">{secret}</code>
        </p>
        <form method="post" action={action} novalidate>
          <CsrfField token={ctx.csrf} />
          <input type="hidden" name="sealed" value={sealed} />
          <TextField
            name="code"
            label={tx.totp.code}
            hint={tx.totp.codeHint}
            error={error}
            autocomplete="one-time-code"
            inputmode="numeric"
            maxLength={6}
            autofocus
            width="short"
          />
          <button type="submit" class="button">
            {tx.totp.submit}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function PasswordChangePage({
  ctx,
  errors = {},
  action = '/login/password',
}: {
  ctx: PageContext;
  errors?: FieldErrors;
  action?: string;
}) {
  const { t } = ctx;
  const tx = authTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={tx.password.changeTitle} bare>
      <div class="narrow">
        <h1>{tx.password.changeTitle}</h1>
        <ErrorSummary t={t} errors={errors} />
        <p>{tx.password.changeIntro}</p>
        <form method="post" action={action} novalidate>
          <CsrfField token={ctx.csrf} />
          <TextField
            name="current"
            label={tx.password.current}
            type="password"
            autocomplete="current-password"
            error={errors.current}
          />
          <TextField
            name="password"
            label={tx.password.new}
            type="password"
            autocomplete="new-password"
            error={errors.password}
          />
          <TextField
            name="repeat"
            label={tx.password.repeat}
            type="password"
            autocomplete="new-password"
            error={errors.repeat}
          />
          <button type="submit" class="button">
            {t.save}
          </button>
        </form>
      </div>
    </Layout>
  );
}
