import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from 'typebox';
import {
  Id,
  idPattern,
  isId,
  looseStrings,
  Name,
  namePattern,
  Text,
  textFault,
  textPattern,
} from './schemas.ts';

const matches = (pattern: string, value: string) => new RegExp(pattern, 'u').test(value);

describe('the text definition', () => {
  it('takes every language Samtak is written in, with line breaks and tabs', () => {
    for (const value of [
      'Åsa Öberg ska på möte i morgon.\nHon vill ha tolk.\tTack!',
      'یک متن فارسی با نیم‌فاصله', // Persian, with a zero-width non-joiner inside a word
      'نص عربي',
      'ትግርኛ',
      'Українська',
      'Soomaali',
      'Zoë José 😀',
    ])
      assert.ok(matches(textPattern, value), value);
  });

  it('refuses NUL, other control characters, DEL, C1 controls and lone surrogates', () => {
    for (const value of [
      'a\u0000b',
      'a\u001Bb',
      'a\u0007',
      'a\u007Fb',
      'a\u0085b',
      'a\u009Bb',
      'a\uD800b',
      'a\uDC00',
    ])
      assert.equal(matches(textPattern, value), false, JSON.stringify(value));
    assert.equal(textFault('a\u0000b', 'text'), 'controlCharacters');
  });
});

describe('the name definition', () => {
  it('takes names as people write them', () => {
    for (const value of ['Anna-Karin', "O'Brien", 'Åsa Öberg', 'Zoë', 'José María', 'Nguyễn', 'محمد'])
      assert.ok(matches(namePattern, value), value);
  });

  it('refuses bidi overrides, zero-width and other invisible characters, and line breaks', () => {
    for (const value of [
      'Anna\u202Eromed',
      'An\u200Bna',
      'An\u200Dna',
      '\uFEFFAnna',
      'An\u2066na',
      'An\u00ADna',
      'Anna\nBerg',
    ])
      assert.equal(matches(namePattern, value), false, JSON.stringify(value));
    assert.equal(textFault('Anna\u202E', 'name'), 'invisibleCharacters');
    assert.equal(textFault('Anna\u202E', 'text'), null);
  });
});

describe('the id definition', () => {
  it('takes only the plain lower-case form PostgreSQL reads as a uuid', () => {
    const id = '0d1f0e3a-5a4c-4c2b-9a0e-7f7c6b0b1a11';
    assert.ok(isId(id));
    for (const value of [`urn:uuid:${id}`, `{${id}}`, id.toUpperCase(), id.replace(/-/g, ''), `${id} `, ''])
      assert.equal(matches(idPattern, value), false, value);
  });
});

describe('routes that take strings', () => {
  it('are found when a string does not use the definitions, however deep', () => {
    assert.deepEqual(looseStrings(Type.Object({ a: Text(10), b: Name(10), c: Id })), []);
    assert.deepEqual(
      looseStrings(
        Type.Object({
          plain: Type.String({ maxLength: 10 }),
          list: Type.Array(Type.String()),
          nested: Type.Object({ deep: Type.Optional(Type.String({ format: 'uuid' })) }),
          either: Type.Union([Type.String(), Type.Null()]),
          map: Type.Object({}, { additionalProperties: Type.String() }),
        }),
        'body',
      ),
      ['body.plain', 'body.list[]', 'body.nested.deep', 'body.either', 'body.map.*'],
    );
  });

  it('accept fixed choices and plain ASCII patterns of their own', () => {
    assert.deepEqual(
      looseStrings(
        Type.Object({
          choice: Type.Union([Type.Literal('a'), Type.Literal('b')]),
          code: Type.String({ pattern: '^[0-9]{4}$' }),
          date: Type.String({ format: 'date' }),
        }),
      ),
      [],
    );
    assert.deepEqual(looseStrings(Type.Object({ any: Type.String({ pattern: '^.*$' }) })), ['.any']);
    assert.deepEqual(looseStrings(Type.Object({ not: Type.String({ pattern: '^[^x]*$' }) })), ['.not']);
  });
});
