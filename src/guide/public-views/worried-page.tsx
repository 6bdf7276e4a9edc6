import { type GuideContext, GuideLayout, Phone, reportHref } from './layout.tsx';

// --- From worry to action ----------------------------------------------------------------------

export function WorriedPage({ ctx }: { ctx: GuideContext }) {
  const { m, settings } = ctx;
  const w = m.worried;
  return (
    <GuideLayout ctx={ctx} title={w.title}>
      <h1>{w.title}</h1>
      <p class="lead">{w.intro}</p>
      <section class="panel panel--danger" aria-labelledby="danger-heading">
        <h2 id="danger-heading">{w.dangerHeading}</h2>
        <p>{w.dangerText}</p>
      </section>
      <h2>{w.reportHeading}</h2>
      <p>{w.reportText}</p>
      <p>
        <a class="button" href={reportHref(ctx)}>
          {w.reportButton}
        </a>
      </p>
      <p>{w.formLanguages}</p>
      {settings ? (
        <p>
          {w.call}: <Phone number={settings.intakePhone} /> ({m.emergency.intake}){' '}
          <Phone number={settings.afterHoursPhone} /> ({m.emergency.afterHours})
        </p>
      ) : null}
      <h2>{w.afterHeading}</h2>
      <ol class="steps">
        {w.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p>{w.confidentiality}</p>
      <h2>{w.childHeading}</h2>
      <p>{w.childText}</p>
    </GuideLayout>
  );
}
