import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guideLanguageInfo, negotiateGuideLanguage } from './languages.ts';
import { guideLanguages } from './schema.ts';

describe('choosing the guide language from the browser', () => {
  it('takes the most preferred language the guide has', () => {
    assert.equal(negotiateGuideLanguage('ar-SE, sv;q=0.5'), 'ar');
    assert.equal(negotiateGuideLanguage('de-DE,de;q=0.9,uk;q=0.8,en;q=0.7'), 'uk');
    assert.equal(negotiateGuideLanguage('en;q=0.2, ti;q=0.9'), 'ti');
  });

  it('reads Dari and Afghan Persian as the Persian/Dari guide', () => {
    assert.equal(negotiateGuideLanguage('prs'), 'fa');
    assert.equal(negotiateGuideLanguage('fa-AF'), 'fa');
  });

  it('falls back to Swedish, and never guesses easy-to-read Swedish', () => {
    assert.equal(negotiateGuideLanguage(undefined), 'sv');
    assert.equal(negotiateGuideLanguage(''), 'sv');
    assert.equal(negotiateGuideLanguage('de, fr;q=0.5'), 'sv');
    assert.equal(negotiateGuideLanguage('ar;q=0, fi;q=0.1'), 'fi', 'q=0 means "not this"');
    assert.equal(negotiateGuideLanguage('sv-x-lattlast'), 'sv');
    assert.equal(negotiateGuideLanguage(';;;,q=1,,'), 'sv');
  });

  it('writes Arabic and Persian right to left and everything else left to right', () => {
    for (const lang of guideLanguages)
      assert.equal(guideLanguageInfo[lang].dir, lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr', lang);
  });
});
