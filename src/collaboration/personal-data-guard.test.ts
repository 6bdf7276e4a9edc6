import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatePersonalNumber, luhnCheckDigit } from '../people/personal-number.ts';
import { checkForChildData } from './personal-data-guard.ts';

const today = '2026-12-01';
const check = (text: string, knownNames?: string[]) => checkForChildData(text, { today, knownNames });
const codes = (text: string, knownNames?: string[]) => {
  const result = check(text, knownNames);
  return [...result.refusals, ...result.warnings].map((f) => f.code);
};

// A fictional child born 2015-07-09 and an adult with a coordination number (day + 60).
const child12 = generatePersonalNumber('2015-07-09', 238); // YYYYMMDDNNNC
const child10 = child12.slice(2);
const coordination12 = generatePersonalNumber('1990-04-17', 415, { coordination: true });
const dash10 = `${child10.slice(0, 6)}-${child10.slice(6)}`;
const dash12 = `${child12.slice(0, 8)}-${child12.slice(8)}`;
/** The same number with its check digit wrong. */
const wrongCheck = `${child10.slice(0, 9)}${(Number(child10[9]) + 1) % 10}`;

describe('identity numbers are refused, in every way they are written', () => {
  for (const [label, written] of [
    ['10 digits with a hyphen', dash10],
    ['10 digits without separator', child10],
    ['12 digits with a hyphen', dash12],
    ['12 digits without separator', child12],
    ['a space as separator', `${child10.slice(0, 6)} ${child10.slice(6)}`],
    ['spaces around the hyphen', `${child10.slice(0, 6)} - ${child10.slice(6)}`],
    ['an en dash from a word processor', `${child10.slice(0, 6)}–${child10.slice(6)}`],
    ['a non-breaking space', `${child10.slice(0, 6)}\u00a0${child10.slice(6)}`],
    ['full-width digits', dash10.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))],
    ['a zero-width space inside', `${child10.slice(0, 3)}\u200b${child10.slice(3)}`],
    ['in parentheses at the end of a sentence', `Barnet (${dash10}).`],
  ] as const) {
    it(label, () => {
      const result = check(`Ärendet gäller ${written} som vi tog upp.`);
      assert.equal(result.verdict, 'refuse');
      assert.deepEqual(
        result.refusals.map((f) => f.code),
        ['personalIdentityNumber'],
      );
      assert.equal(result.advice, 'useSip');
    });
  }

  it('names a coordination number as such', () => {
    const result = check(`Samordningsnummer ${coordination12.slice(0, 8)}-${coordination12.slice(8)}`);
    assert.deepEqual(
      result.refusals.map((f) => f.code),
      ['coordinationNumber'],
    );
  });

  it('points at the number as written, also after characters that normalising changes', () => {
    const text = `Ｘ och ${dash10}`;
    const [finding] = check(text).refusals;
    assert.ok(finding);
    assert.equal(text.slice(finding.start, finding.end), dash10);
  });

  it('finds every number, not only the first', () => {
    const result = check(`${dash10} och ${dash12}`);
    assert.equal(result.refusals.length, 2);
  });

  it('refuses a phone-looking number without a phone word before it (it is a valid number)', () => {
    // 0701234567 read as a number: born 2007-01-23, serial 456, check digit 7?
    const nine = '070123456';
    const number = `${nine}${luhnCheckDigit(nine)}`;
    assert.equal(check(`Skriv ${number} i rutan`).verdict, 'refuse');
    assert.equal(check(`Nås på tel. ${number}`).verdict, 'ok');
    assert.equal(check(`mobil: ${number}`).verdict, 'ok');
  });
});

describe('near misses pass: dates, phone numbers, reference and organisation numbers', () => {
  for (const text of [
    'Mötet hölls 2026-03-10 kl. 14.30 i kommunhuset.',
    'Nästa möte 20260310, därefter 2026-04-14 och 14/5 2026.',
    'Ring 070-123 45 67 eller 08-123 456 78, växel 0771-12 34 56.',
    'Internationellt: +46 70 123 45 67, +46701234567 eller 0046 70 123 45 67.',
    'Dnr SN 2026/123, KS 2025/1234 och ärende 2026-0412.',
    'Östersunds kommun, organisationsnummer 212000-2411.',
    'Fakturanummer 12345678901 och OCR 1234567890123.',
    `Felskrivet nummer ${wrongCheck} har fel kontrollsiffra.`,
    'Drygt tio barn mellan 8 och 12 år får bokpaket under ett år.',
    'Under 2 år har vi halverat väntetiden; 2 år senare i Östersund var det likadant.',
    'Totalt 9 år har projektet pågått.',
    'BUP Sjövik, Skolfam och familjecentralen deltar; socialassistent anställdes i augusti 2016.',
    'Liv och hälsa ung visar skillnader. Saga och verklighet. Max tio deltagare.',
  ]) {
    it(text, () => {
      const result = check(text);
      assert.deepEqual([...result.refusals, ...result.warnings], []);
      assert.equal(result.verdict, 'ok');
    });
  }

  it('a birth date in the future is no one yet', () => {
    assert.equal(check('20271224-0000').refusals.length, 0);
  });

  it('the source texts read as the coordinator wrote them', () => {
    const excerpts = [
      'Även Chefsnätverket Birger där representanter från barn och utbildning, polis, regionen, gymnasieförbund, socialförvaltningen ingår finns – en slags lokal Jämtbus-grupp.',
      'I samarbete med kommunens familjehemsteam kommer biblioteket att erbjuda utbildningsträffar om läsning för familjehemmen och skicka ut bokpaket till drygt tio barn mellan 8 och 12 år under ett år.',
      'Verksamheterna har gemensamma mål utifrån barnens och ungdomarnas behov: God hälsa, Lyckas i skolan, Trygghet i hemmet.',
      'Storuman arbetar med att ha sin plan för handling klar till den sista februari.',
    ];
    for (const text of excerpts) assert.equal(check(text).verdict, 'ok', text);
  });
});

describe("what looks like a child's name warns", () => {
  it('a name with an age, in the common ways it is written', () => {
    for (const text of [
      'Sara, 9 år, har inte varit i skolan.',
      'Vi pratade om Sara (9 år) och hennes skolgång.',
      'Vi pratade om Kalle 9 år gammal.',
      'Kalle, 9 år, bor i familjehem.',
      'Ali, 14 månader, har inte vägts.',
      'Den 9-åriga Maja och nioårige Omar.',
      'Det gäller Sara, född 2015.',
    ]) {
      const result = check(text);
      assert.equal(result.verdict, 'warn', text);
      assert.ok(
        result.warnings.some((w) => w.code === 'nameWithAge'),
        text,
      );
    }
  });

  it('a name after a word for a child, even one not in the list', () => {
    const result = check('Vi har pratat med flickan Kimberly och pojken Tobbe.');
    assert.deepEqual(
      result.warnings.map((w) => [w.code, w.name]),
      [
        ['childWordWithName', 'Kimberly'],
        ['childWordWithName', 'Tobbe'],
      ],
    );
  });

  it('a common given name alone, pointing at it', () => {
    const text = 'Uppföljning: Hugo har fått plats i Skolfam.';
    const [warning] = check(text).warnings;
    assert.ok(warning);
    assert.equal(warning.code, 'givenName');
    assert.equal(text.slice(warning.start, warning.end), 'Hugo');
  });

  it('a name that is also a word warns in the middle of a sentence, not at its start', () => {
    assert.deepEqual(codes('Saga berättade om läsning.'), []);
    assert.deepEqual(codes('Vi träffade Saga i skolan.'), ['givenName']);
  });

  it('a date of birth with the last four hidden warns', () => {
    assert.deepEqual(codes('Barn med nummer 150709-XXXX'), ['maskedIdentityNumber']);
    assert.deepEqual(codes('20150709-****'), ['maskedIdentityNumber']);
  });

  it('an adult age does not make a child', () => {
    assert.deepEqual(codes('Kalle, 45 år, är ny enhetschef.'), []);
  });

  it('known names (the forum, its representatives) do not warn, but a known full name hides no child', () => {
    const known = ['Sara Lind', 'Chefsnätverket Hugo'];
    assert.deepEqual(codes('Sara Lind för protokollet; Chefsnätverket Hugo träffas i maj.', known), []);
    assert.deepEqual(codes('Sara Lind berättade om Sara.', known), ['givenName']);
    assert.deepEqual(codes('SARA  lind för protokollet.', known), []);
  });

  it('a refusal wins over warnings, and warnings come in the order they appear', () => {
    const result = check(`Maja, 9 år och Hugo: ${dash10}`);
    assert.equal(result.verdict, 'refuse');
    assert.deepEqual(
      result.warnings.map((w) => w.name),
      ['Maja', 'Hugo'],
    );
  });
});
