import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cleanFileName, parseKoladaFile } from './kolada.ts';

const sample = readFileSync(new URL('./samples/kolada-sample.json', import.meta.url), 'utf8');
const entry = (over: Record<string, unknown> = {}, value: Record<string, unknown> = {}) =>
  JSON.stringify({
    values: [
      {
        kpi: 'N99001',
        municipality: '0000',
        period: 2024,
        values: [{ gender: 'T', value: 50, ...value }],
        ...over,
      },
    ],
  });

describe("reading a file from Kolada's API", () => {
  it('reads the sample: every gender of every area and year, skipping values Kolada has not got', () => {
    const parsed = parseKoladaFile(sample);
    assert.ok(parsed.ok);
    assert.equal(parsed.values.length, 5);
    assert.equal(parsed.skipped, 1);
    assert.deepEqual(
      parsed.values.find((v) => v.area === '9901'),
      { kpi: 'N99001', area: '9901', year: 2025, gender: 'T', value: 68 },
    );
  });

  it("reads version 3's municipality_id, a year as text and a byte-order mark", () => {
    const parsed = parseKoladaFile(
      `\uFEFF${entry({ municipality: undefined, municipality_id: '0180', period: '2023' })}`,
    );
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.values[0], { kpi: 'N99001', area: '0180', year: 2023, gender: 'T', value: 50 });
  });

  it('keeps one value when a download repeats it, the last one', () => {
    const twice = JSON.stringify({
      values: [
        { kpi: 'N99001', municipality: '0000', period: 2024, values: [{ gender: 'T', value: 1 }] },
        { kpi: 'N99001', municipality: '0000', period: 2024, values: [{ gender: 'T', value: 2 }] },
      ],
    });
    const parsed = parseKoladaFile(twice);
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.values.map((v) => v.value),
      [2],
    );
  });

  it('names what is wrong, and with which value', () => {
    assert.deepEqual(parseKoladaFile('not json'), { ok: false, error: 'notJson' });
    assert.deepEqual(parseKoladaFile('[1, 2]'), { ok: false, error: 'notKolada' });
    assert.deepEqual(parseKoladaFile('{"values": {}}'), { ok: false, error: 'notKolada' });
    assert.deepEqual(parseKoladaFile('{"values": []}'), { ok: false, error: 'empty' });
    const problem = (text: string) => {
      const parsed = parseKoladaFile(text);
      return parsed.ok
        ? null
        : parsed.error === 'rowInvalid'
          ? `${parsed.entry} ${parsed.problem}`
          : parsed.error;
    };
    assert.equal(problem(entry({ kpi: '=cmd' })), '1 kpi');
    assert.equal(problem(entry({ kpi: 'n00945' })), '1 kpi');
    assert.equal(problem(entry({ municipality: '180' })), '1 municipality');
    assert.equal(problem(entry({ period: 2024.5 })), '1 period');
    assert.equal(problem(entry({ period: '24' })), '1 period');
    assert.equal(problem(entry({}, { gender: 'X' })), '1 gender');
    assert.equal(problem(entry({}, { value: '12' })), '1 value');
    assert.equal(problem(entry({}, { value: 7 }).replace('7', '1e400')), '1 value');
    assert.equal(problem(entry({}, { value: null })), 'empty');
  });

  it('refuses more than 50 000 values', () => {
    const many = JSON.stringify({
      values: Array.from({ length: 50_001 }, (_, i) => ({
        kpi: 'N99001',
        municipality: String(i % 10_000).padStart(4, '0'),
        period: 1990 + Math.floor(i / 10_000),
        values: [{ gender: 'T', value: i }],
      })),
    });
    assert.deepEqual(parseKoladaFile(many), { ok: false, error: 'tooMany' });
  });

  it('keeps only the name of an uploaded file, without paths or control characters', () => {
    assert.equal(cleanFileName('C:\\Users\\x\\kolada 2024.json'), 'kolada 2024.json');
    assert.equal(cleanFileName('../../etc/\u0000passwd\u202e'), 'passwd');
    assert.equal(cleanFileName(''), 'kolada.json');
    assert.equal(cleanFileName('a'.repeat(300)).length, 200);
  });
});
