import { type GuideContext, GuideLayout, Phone } from './layout.tsx';

// --- Accessibility statement ------------------------------------------------------------------------

/** When the service was last assessed and the statement last changed (DIGG's model asks for both). */
export const accessibilityAssessed = '2026-11-24';

export const accessibilityUpdated = '2026-11-24';

export function AccessibilityPage({ ctx }: { ctx: GuideContext }) {
  const { m, settings, municipality } = ctx;
  const a = m.accessibility;
  return (
    <GuideLayout ctx={ctx} title={a.title}>
      <h1>{a.title}</h1>
      <p class="lead">{a.intro(municipality.name)}</p>
      <h2>{a.statusHeading}</h2>
      <p>{a.status}</p>
      <h3>{a.issuesHeading}</h3>
      <ul>
        {a.issues.map((issue) => (
          <li key={issue}>{issue}</li>
        ))}
      </ul>
      <h2>{a.otherFormatHeading}</h2>
      <p>{a.otherFormat}</p>
      <h2>{a.reportHeading}</h2>
      <p>{a.report}</p>
      {settings ? (
        <ul>
          <li>
            <a href={`mailto:${settings.contactEmail}`} dir="ltr">
              {settings.contactEmail}
            </a>
          </li>
          <li>
            <Phone number={settings.contactPhone} />
          </li>
        </ul>
      ) : null}
      <h2>{a.supervisionHeading}</h2>
      <p>{a.supervision}</p>
      <p>
        <a href="https://www.digg.se/tdosanmalan">{a.supervisionLink}</a>
      </p>
      <h2>{a.technicalHeading}</h2>
      <p>{a.technical}</p>
      <h2>{a.methodHeading}</h2>
      <p>{a.method}</p>
      <p>{a.assessed(accessibilityAssessed)}</p>
      <p>{a.updated(accessibilityUpdated)}</p>
    </GuideLayout>
  );
}
