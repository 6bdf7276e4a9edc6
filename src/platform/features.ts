import type { VNode } from 'preact';
import type { AccessScope } from './access/scope.ts';
import type { App } from './http/types.ts';
import type { FeatureLink } from './layout/links.ts';
import type { PageContext } from './layout/page-context.ts';

/**
 * What a feature contributes to the app, and the one mechanism by which features show up in each
 * other's pages (docs/decisions/0051). A feature lists its route plugins and what it adds at each
 * extension point; src/features.ts lists the features; the app registers them in that order.
 *
 * An extension point is a place in one feature's page where other features plug in: the main
 * navigation (the platform's), the start page's links and sections, the child's page, the case
 * page. The feature that owns the page declares its point by declaration merging, so a new page
 * with a new point edits no platform file:
 *
 *   declare module '../platform/features.ts' {
 *     interface ExtensionPoints { personSections: PersonSection }
 *   }
 *
 * and reads what was contributed with `app.features.contributions('personSections')`.
 */
export interface ExtensionPoints {
  /** Links in the main navigation of every signed-in page. */
  nav: FeatureLink;
}

export type ExtensionPoint = keyof ExtensionPoints;

export interface Feature {
  /** The feature's folder under src/, for messages about it. */
  name: string;
  /** Route plugins, registered in this order. */
  routes?: readonly ((app: App) => Promise<void>)[];
  /** What the feature adds at other features' extension points. */
  contributes?: { readonly [P in ExtensionPoint]?: readonly ExtensionPoints[P][] };
}

/**
 * A part of one feature's page shown by another feature. `load` runs inside the page's own access
 * scope (one transaction, one write to the audit trail: decision 0043) and returns what the part
 * shows, or null to leave it out; `render` draws it. Sections render by `order`; they load in the
 * order the features are listed, so the trail reads as it always has.
 */
export interface PageSection<Subject, Data = unknown> {
  id: string;
  order: number;
  load(scope: AccessScope, subject: Subject): Promise<Data | null>;
  render(ctx: PageContext, data: Data): VNode;
}

/** A section as loaded for one page: ready to render. */
export interface LoadedSection<S> {
  section: S;
  render(ctx: PageContext): VNode;
}

/** Runs each section's loader in the page's scope; the loaded ones come back in render order. */
export async function loadSections<Subject, S extends PageSection<Subject>>(
  scope: AccessScope,
  sections: readonly S[],
  subject: Subject,
): Promise<LoadedSection<S>[]> {
  const loaded: LoadedSection<S>[] = [];
  for (const section of sections) {
    const data = await section.load(scope, subject);
    if (data !== null) loaded.push({ section, render: (ctx) => section.render(ctx, data) });
  }
  return loaded.sort((a, b) => a.section.order - b.section.order);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The features the app was built from (src/features.ts). */
    features: Features;
  }
}

/** The features of the app, as listed in src/features.ts. */
export class Features {
  constructor(readonly list: readonly Feature[]) {
    const names = new Set<string>();
    for (const feature of list) {
      if (names.has(feature.name)) throw new Error(`feature ${feature.name} is listed twice`);
      names.add(feature.name);
    }
  }

  /** Every route plugin, feature by feature. */
  get routes(): ((app: App) => Promise<void>)[] {
    return this.list.flatMap((feature) => feature.routes ?? []);
  }

  /** What the features contribute at one extension point, in the order the features are listed. */
  contributions<P extends ExtensionPoint>(point: P): readonly ExtensionPoints[P][] {
    return this.list.flatMap(
      (feature) => (feature.contributes?.[point] ?? []) as readonly ExtensionPoints[P][],
    );
  }
}
