import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countryCodes, countryName, countryOptions, parseCountryCode } from './countries.ts';

describe('countries of birth (decision 0118)', () => {
  it('has the 249 ISO 3166-1 alpha-2 codes and Kosovo, each once, each named in Swedish and English', () => {
    assert.equal(countryCodes.length, 250);
    assert.equal(new Set(countryCodes).size, 250);
    for (const code of countryCodes) {
      assert.match(code, /^[A-Z]{2}$/);
      assert.notEqual(countryName(code, 'sv'), code, `${code} has a Swedish name`);
      assert.notEqual(countryName(code, 'en'), code, `${code} has an English name`);
    }
    assert.equal(countryName('SE', 'sv'), 'Sverige');
    assert.equal(countryName('SE', 'en'), 'Sweden');
  });

  it('reads a code whatever its case and refuses what is not a country', () => {
    assert.equal(parseCountryCode(' so '), 'SO');
    assert.equal(parseCountryCode('XK'), 'XK');
    for (const notOne of ['', 'XX', 'EU', 'UN', 'ZZ', 'UK', 'SU', 'YU', 'SWE', 'S', '12', 'S E'])
      assert.equal(parseCountryCode(notOne), null, notOne);
  });

  it('orders the options by name in the language (Å, Ä, Ö last in Swedish)', () => {
    const sv = countryOptions('sv').map(([, name]) => name);
    assert.ok(sv.indexOf('Zimbabwe') < sv.indexOf('Åland'));
    assert.ok(sv.indexOf('Åland') < sv.indexOf('Österrike'));
    const en = countryOptions('en').map(([code]) => code);
    assert.ok(en.indexOf('AX') < en.indexOf('AL'), 'Åland Islands sorts with A in English');
  });
});
