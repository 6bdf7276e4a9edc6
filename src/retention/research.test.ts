import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bornOnResearchDay, inResearchMunicipality } from './research.ts';

describe('the research sample of municipalities (SoF 13 kap. 1 § first sentence)', () => {
  it('holds every municipality of Östergötland, Gotland and Västernorrland, and Göteborg', () => {
    for (const code of ['0509', '0580', '0581', '0586', '0980', '2260', '2281', '2284', '1480'])
      assert.equal(inResearchMunicipality(code), true, code);
  });
  it("holds no other, Göteborg's neighbours and the demo municipality among them", () => {
    for (const code of ['0180', '1481', '1401', '0480', '2380', '9901'])
      assert.equal(inResearchMunicipality(code), false, code);
  });
  it('refuses what is not a municipality code', () => {
    assert.throws(() => inResearchMunicipality('580'), RangeError);
    assert.throws(() => inResearchMunicipality('05800'), RangeError);
  });
});

describe('the research sample of people (SoF 13 kap. 1 § second sentence)', () => {
  it('holds those born on the 5th, 15th and 25th of any month', () => {
    for (const date of ['2010-01-05', '2010-02-15', '2012-02-25', '2009-12-25'])
      assert.equal(bornOnResearchDay(date), true, date);
  });
  it('holds no one born on another day', () => {
    for (const date of ['2010-01-04', '2010-01-06', '2010-01-14', '2010-01-16', '2010-01-26', '2008-02-29'])
      assert.equal(bornOnResearchDay(date), false, date);
  });
});
