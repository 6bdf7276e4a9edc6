import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoEntries, demoGuideSettings } from './demo-content.ts';
import { easyToReadTexts } from './demo-content-lattlast.ts';
import { validateRevision } from './domain.ts';
import type { GuideLanguage } from './schema.ts';

// Numbers set aside for fiction (PTS): 070-174 06 05–99, 031-390 06 00–99, 08-465 004 00–99.
const fictional = /^(070-?174 ?06 ?(0[5-9]|[1-9][0-9])|031-?390 ?06 ?[0-9]{2}|08-?465 ?004 ?[0-9]{2})$/;
const national = new Set(['112', '114 14', '116 111', '1177']);

describe('the demo guide', () => {
  it('has a realistic number of entries, each valid in every language it is written in', () => {
    assert.ok(demoEntries.length >= 25 && demoEntries.length <= 40, String(demoEntries.length));
    for (const entry of demoEntries) {
      for (const [lang, [title, summary, forWhom, howToGet, hours]] of Object.entries(entry.texts)) {
        const result = validateRevision(
          { title, summary, forWhom, howToGet, hours, ...entry.facts },
          lang as GuideLanguage,
        );
        assert.ok(result.ok, `${entry.key}/${lang}: ${JSON.stringify(!result.ok && result.errors)}`);
      }
    }
  });

  it('is complete in Swedish, easy-to-read Swedish, English and Arabic, and partial elsewhere to show the fallback', () => {
    for (const entry of demoEntries)
      for (const lang of ['sv', 'sv-x-lattlast', 'en', 'ar'] as const)
        assert.ok(entry.texts[lang], `${entry.key}/${lang}`);
    for (const key of Object.keys(easyToReadTexts))
      assert.ok(
        demoEntries.some((e) => e.key === key),
        `easy-to-read text for an unknown entry: ${key}`,
      );
    for (const lang of ['so', 'fa', 'ti', 'uk', 'fi'] as const) {
      const count = demoEntries.filter((e) => e.texts[lang]).length;
      assert.ok(count > 0 && count < demoEntries.length, `${lang}: ${count}`);
    }
  });

  it('uses only phone numbers reserved for fiction, or real national service numbers, and example domains', () => {
    const phones = [
      ...demoEntries.map((e) => e.facts.phone).filter((p): p is string => !!p),
      demoGuideSettings.intakePhone,
      demoGuideSettings.afterHoursPhone,
      demoGuideSettings.contactPhone,
    ];
    for (const phone of phones) assert.ok(fictional.test(phone) || national.has(phone), phone);
    for (const entry of demoEntries)
      if (entry.facts.email) assert.match(entry.facts.email, /\.example$/, entry.key);
  });

  it('covers every situation the issue names', () => {
    const covered = new Set(demoEntries.flatMap((e) => e.facts.situations as string[]));
    for (const situation of [
      'worriedAboutChild',
      'parentCognitiveDifficulties',
      'childAsNextOfKin',
      'newlyArrived',
      'schoolAbsence',
    ])
      assert.ok(covered.has(situation), situation);
  });
});

describe('the easy-to-read Swedish of the demo guide', () => {
  it('is easy to read: short sentences, about ten words each on average', () => {
    for (const entry of demoEntries) {
      const easy = entry.texts['sv-x-lattlast']!;
      const sentences = easy.flatMap((text) => text.split(/(?<=[.?!])\s+/));
      for (const sentence of sentences)
        assert.ok(sentence.split(/\s+/).length <= 22, `${entry.key}: a long sentence: ${sentence}`);
      const perSentence = easy.join(' ').split(/\s+/).length / sentences.length;
      assert.ok(perSentence <= 12, `${entry.key}: ${perSentence.toFixed(1)} words a sentence`);
    }
  });
});
