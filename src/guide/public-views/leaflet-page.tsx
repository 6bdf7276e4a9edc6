import type { PublicEntry } from '../queries.ts';
import { guideOrganisationKinds } from '../schema.ts';
import { type GuideContext, GuideLayout, guideHref, Phone, swedishAttrs, textAttrs } from './layout.tsx';

// --- The printable leaflet ----------------------------------------------------------------------

export function LeafletPage({ ctx, entries }: { ctx: GuideContext; entries: PublicEntry[] }) {
  const { m, settings } = ctx;
  const url = `${ctx.publicUrl}${guideHref(ctx, ctx.lang)}`;
  return (
    <GuideLayout ctx={ctx} title={m.leaflet.title} leaflet>
      <p class="print-hint">{m.leaflet.howToPrint}</p>
      <div class="leaflet">
        <h1>
          {m.leaflet.title}
          <span class="leaflet__municipality" {...swedishAttrs(ctx)}>
            {ctx.municipality.name}
          </span>
        </h1>
        <p>
          {m.leaflet.intro}{' '}
          <a href={guideHref(ctx, ctx.lang)} dir="ltr">
            {url}
          </a>
        </p>
        <div class="leaflet__urgent">
          <p>
            <strong>{m.worried.dangerText}</strong>
          </p>
          <p>{m.leaflet.report}</p>
          <ul class="phone-list phone-list--compact">
            <li>
              <Phone number="114 14" /> {m.emergency.police}
            </li>
            <li>
              <Phone number="116 111" /> {m.emergency.bris}
            </li>
            <li>
              <Phone number="1177" /> {m.emergency.health}
            </li>
            {settings ? (
              <>
                <li>
                  <Phone number={settings.intakePhone} /> {m.emergency.intake}
                </li>
                <li>
                  <Phone number={settings.afterHoursPhone} /> {m.emergency.afterHours}
                </li>
              </>
            ) : null}
          </ul>
        </div>
        {entries.length === 0 ? <p>{m.results.nothingPublished}</p> : null}
        {guideOrganisationKinds.map((kind) => {
          const group = entries.filter((e) => e.organisationKind === kind);
          if (group.length === 0) return null;
          return (
            <section key={kind} class="leaflet__group" aria-labelledby={`group-${kind}`}>
              <h2 id={`group-${kind}`}>{m.organisations[kind]}</h2>
              {group.map((e) => (
                <div class="leaflet__entry" key={e.id}>
                  <h3 {...textAttrs(ctx, e)}>{e.title}</h3>
                  <p class="leaflet__meta">
                    {m.levels[e.level]} · {m.entry.ages(e.ageFrom, e.ageTo)} · {m.access[e.access]}
                  </p>
                  <p {...textAttrs(ctx, e)}>{e.summary.split(/\n{2,}/)[0]}</p>
                  <p class="leaflet__contact">
                    {e.phone ? <Phone number={e.phone} /> : null}
                    {e.phone && e.email ? ' · ' : null}
                    {e.email ? <span dir="ltr">{e.email}</span> : null}
                  </p>
                  {e.translated ? null : <p class="fallback-badge">{m.fallback.badge}</p>}
                </div>
              ))}
            </section>
          );
        })}
      </div>
    </GuideLayout>
  );
}
