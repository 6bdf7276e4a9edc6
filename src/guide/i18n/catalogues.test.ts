import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guideLanguages } from '../schema.ts';
import { guideMessages } from './index.ts';
import { guideSv } from './sv.ts';

type Leaf = { path: string; value: unknown };

function leaves(value: unknown, path = ''): Leaf[] {
  if (value && typeof value === 'object' && !Array.isArray(value))
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [{ path, value }];
}

function render(value: unknown): string | string[] {
  if (typeof value === 'function') return String((value as (...a: unknown[]) => string)(3, 7));
  return value as string | string[];
}

describe('the guide’s chrome in its nine languages', () => {
  const reference = leaves(guideSv);

  for (const lang of guideLanguages) {
    it(`is complete in ${lang}: every string there and not empty`, () => {
      const catalogue = leaves(guideMessages(lang));
      assert.deepEqual(
        catalogue.map((l) => l.path),
        reference.map((l) => l.path),
      );
      for (const { path, value } of catalogue) {
        const rendered = render(value);
        if (Array.isArray(rendered)) {
          const expected = render(reference.find((r) => r.path === path)!.value) as string[];
          assert.equal(rendered.length, expected.length, `${lang} ${path}`);
          for (const item of rendered) assert.ok(item.trim().length > 0, `${lang} ${path}`);
        } else assert.ok(rendered.trim().length > 0, `${lang} ${path}`);
      }
    });
  }

  it('puts the numbers given into the sentences that take them', () => {
    for (const lang of guideLanguages) {
      const m = guideMessages(lang);
      assert.match(m.entry.ages(3, 7), /3.*7/, lang);
      assert.match(m.fallback.list(3), /3/, lang);
      assert.match(m.entry.updated('2026-11-24'), /2026-11-24/, lang);
      assert.match(m.accessibility.intro('Sjöviks kommun'), /Sjöviks kommun/, lang);
    }
  });

  // Words that are spelt the same in Swedish and the other language.
  const sameWord: Record<string, string[]> = { en: ['filters.situation', 'situations.separation'] };

  it('is translated: apart from words spelt alike, other languages do not repeat the Swedish', () => {
    for (const lang of guideLanguages.filter((l) => l !== 'sv' && l !== 'sv-x-lattlast')) {
      const same = leaves(guideMessages(lang)).filter(
        ({ path, value }) =>
          !sameWord[lang]?.includes(path) &&
          JSON.stringify(render(value)) ===
            JSON.stringify(render(reference.find((r) => r.path === path)!.value)),
      );
      assert.deepEqual(
        same.map((s) => s.path),
        [],
        lang,
      );
    }
  });

  it('tells in every language that the emergency number is 112 and BRIS is 116 111', () => {
    for (const lang of guideLanguages) {
      const m = guideMessages(lang);
      assert.match(m.urgent.danger, /112|۱۱۲/, lang);
      assert.match(m.worried.childText, /116 111|۱۱۶ ۱۱۱/, lang);
    }
  });
});
