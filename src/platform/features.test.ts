import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import type { Action, Actor } from './access/policy.ts';
import type { AccessScope } from './access/scope.ts';
import { type Feature, Features, loadSections, type PageSection } from './features.ts';
import { type FeatureLink, linksFor } from './layout/links.ts';
import type { PageContext } from './layout/page-context.ts';
import { entryFor } from './lookup.ts';

/** The feature mechanism on its own (decision 0051); the pages that use it are tested with the app. */

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  municipalityId: 'm',
  role: 'partnerProfessional',
  unitId: null,
  displayName: 'U',
  organisation: null,
  partnerKind: 'school',
  secondFactorDone: true,
  partnerOrganisationId: 'org-1',
  ...overrides,
});

describe('features and their contributions', () => {
  it('gives the contributions at a point in the order the features are listed', () => {
    const link = (order: number): FeatureLink => ({ order, href: `/${order}`, label: () => `${order}` });
    const features = new Features([
      { name: 'b', contributes: { nav: [link(20)] } },
      { name: 'none' },
      { name: 'a', contributes: { nav: [link(10), link(30)] } },
    ]);
    assert.deepEqual(
      features.contributions('nav').map((l) => l.order),
      [20, 10, 30],
    );
    assert.deepEqual(features.contributions('homeSections'), []);
  });

  it('registers the routes feature by feature, and refuses a feature listed twice', () => {
    const first = async () => {};
    const second = async () => {};
    const third = async () => {};
    const list: Feature[] = [
      { name: 'a', routes: [first, second] },
      { name: 'b', routes: [third] },
    ];
    assert.deepEqual(new Features(list).routes, [first, second, third]);
    assert.throws(() => new Features([...list, { name: 'a' }]), /listed twice/);
  });
});

describe('links for one user', () => {
  const permitted: Action[] = ['person.search', 'sip.read'];
  const links: FeatureLink[] = [
    { order: 30, action: 'sip.read', href: '/sips', label: (lang) => (lang === 'sv' ? 'Planer' : 'Plans') },
    { order: 10, action: 'person.search', href: '/people', label: () => 'People', exact: true },
    { order: 20, action: 'auditLog.review', href: '/log-review', label: () => 'Log' },
    {
      order: 40,
      when: (a) => !!a.partnerOrganisationId,
      href: (a) => `/admin/organisations/${a.partnerOrganisationId}`,
      label: () => 'Mine',
    },
  ];

  it('shows, in order, only the links whose action is permitted or whose condition holds', () => {
    assert.deepEqual(linksFor(links, actor(), permitted, 'sv'), [
      { href: '/people', label: 'People', exact: true },
      { href: '/sips', label: 'Planer', exact: false },
      { href: '/admin/organisations/org-1', label: 'Mine', exact: false },
    ]);
    assert.deepEqual(
      linksFor(links, actor({ partnerOrganisationId: null }), [], 'en').map((l) => l.href),
      [],
    );
  });
});

describe('sections of a page', () => {
  const scope = {} as AccessScope;
  const ctx = {} as PageContext;
  const section = (
    id: string,
    order: number,
    data: string | null,
    log: string[],
  ): PageSection<string, string> => ({
    id,
    order,
    load: async (_scope, subject) => {
      log.push(`${id}:${subject}`);
      return data;
    },
    render: (_ctx, value) => h('p', null, `${id}=${value}`),
  });

  it('loads in the order given, leaves out what loads as null, and renders by order', async () => {
    const log: string[] = [];
    const loaded = await loadSections(
      scope,
      [section('late', 30, 'x', log), section('hidden', 10, null, log), section('early', 20, 'y', log)],
      'child-1',
    );
    assert.deepEqual(log, ['late:child-1', 'hidden:child-1', 'early:child-1']);
    assert.deepEqual(
      loaded.map((s) => s.section.id),
      ['early', 'late'],
    );
    assert.equal(loaded.map((s) => render(s.render(ctx))).join(''), '<p>early=y</p><p>late=x</p>');
  });
});

describe('a table looked up with a key from outside', () => {
  const table = { created: 'Skapad', saved: 'Sparad' };

  it('finds the entry for a known key and nothing for any other, Object’s own names included', () => {
    assert.equal(entryFor(table, 'saved'), 'Sparad');
    for (const key of [undefined, '', 'unknown', 'toString', '__proto__', 'constructor'])
      assert.equal(entryFor(table, key), undefined, String(key));
  });
});
