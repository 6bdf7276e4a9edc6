import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { languages } from './i18n.ts';

/**
 * Every catalogue of texts in the house, found by where it lives rather than by a list: each
 * folder under src/<feature>/i18n/ (the platform's src/platform/i18n/ too, and folders below an
 * i18n folder) that holds a sv.ts. Its other catalogues must have exactly the Swedish one's keys,
 * nested objects included. The type checker already refuses a missing or extra key where the
 * Swedish shape is fixed; this also covers the open tables (`as Record<string, string>`), and a new
 * feature's catalogue is covered the day it is added.
 */

const src = join(import.meta.dirname, '..', '..');

function catalogueFolders(dir: string): string[] {
  const below = readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory())
    .flatMap(catalogueFolders);
  return existsSync(join(dir, 'sv.ts')) ? [dir, ...below] : below;
}

const folders = readdirSync(src)
  .map((name) => join(src, name, 'i18n'))
  .filter((path) => existsSync(path))
  .flatMap(catalogueFolders);

/** A catalogue is named by its language tag (en.ts, sv-x-lattlast.ts); index.ts and the like are not. */
const languageFile = /^[a-z]{2,3}(-[a-z0-9]+)*\.ts$/;

/** The one catalogue a module exports (its types vanish at run time). */
async function catalogueIn(file: string): Promise<object> {
  const exported = Object.values(await import(pathToFileURL(file).href)).filter(
    (value): value is object => typeof value === 'object' && value !== null,
  );
  assert.equal(exported.length, 1, `${relative(src, file)} exports one catalogue`);
  return exported[0]!;
}

/** Every path to a text, with what kind of text it is: a string, a list, or a function of values. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}()`];
  if (Array.isArray(value)) return [`${path}[]`];
  if (typeof value === 'object' && value !== null)
    return Object.keys(value)
      .sort()
      .flatMap((key) => shape((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
  return [path];
}

describe('every catalogue of texts has the keys of its Swedish source', () => {
  it('finds the catalogues of the platform and of the features', () => {
    const found = folders.map((folder) => relative(src, folder));
    assert.ok(found.includes(join('platform', 'i18n')), found.join(', '));
    assert.ok(found.includes(join('guide', 'i18n')), found.join(', '));
  });

  for (const folder of folders) {
    const name = relative(src, folder);
    const others = readdirSync(folder).filter((file) => languageFile.test(file) && file !== 'sv.ts');

    it(`${name}: has a catalogue in every language of the UI`, () => {
      for (const lang of languages) assert.ok(existsSync(join(folder, `${lang}.ts`)), `${name}/${lang}.ts`);
    });

    for (const file of others) {
      it(`${name}/${file}: the same keys as ${name}/sv.ts`, async () => {
        const reference = shape(await catalogueIn(join(folder, 'sv.ts')));
        assert.ok(reference.length > 0);
        assert.deepEqual(shape(await catalogueIn(join(folder, file))), reference);
      });
    }
  }

  it('tells a missing, an extra and a changed key apart from a match', () => {
    const sv = { a: 'x', b: { c: 'y', d: (n: number) => `${n}` }, e: ['z'] };
    assert.deepEqual(shape({ e: ['w'], b: { d: () => '', c: 'v' }, a: 'u' }), shape(sv));
    assert.notDeepEqual(shape({ a: 'x', b: { c: 'y' }, e: ['z'] }), shape(sv));
    assert.notDeepEqual(shape({ ...sv, f: 'extra' }), shape(sv));
    assert.notDeepEqual(shape({ ...sv, b: { c: 'y', d: 'not a function' } }), shape(sv));
  });
});
