import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import readXlsxFile from 'read-excel-file/node';
import {
  csvChunks,
  type ExportTable,
  englishCsv,
  neutraliseFormula,
  sheetName,
  swedishCsv,
  toCsv,
  toXlsx,
} from './export.ts';

const table: ExportTable = {
  title: 'Förhandsbedömningar inom 14 dagar',
  columns: [
    { key: 'unit', header: 'Enhet', kind: 'text' },
    { key: 'within', header: 'Inom 14 dagar', kind: 'number' },
    { key: 'due', header: 'Att bedöma', kind: 'number' },
    { key: 'share', header: 'Andel', kind: 'share' },
  ],
  rows: [
    { unit: 'Mottagningen', within: 50, due: 60, share: 50 / 60 },
    { unit: '=cmd|"/C calc"!A0', within: { suppressed: true }, due: { suppressed: true }, share: null },
    { unit: 'Enhet; "Norr"', within: -5, due: 0, share: 0 },
  ],
  notes: ['.. = färre än 5 eller dolt för att skydda sådana'],
};

describe('formula injection', () => {
  it('neutralises text beginning with =, +, -, @, tab or carriage return, nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      assert.equal(neutraliseFormula(`${start}1+1`), `'${start}1+1`);
    }
    assert.equal(neutraliseFormula('Mottagningen'), 'Mottagningen');
    assert.equal(neutraliseFormula(' =1+1'), ' =1+1', 'a leading space is already text');
    assert.equal(neutraliseFormula(''), '');
  });
});

describe('CSV', () => {
  it('writes Swedish CSV: semicolons, decimal commas, a BOM, quotes where needed, the suppression mark', () => {
    const csv = toCsv(table, swedishCsv);
    assert.ok(csv.startsWith('\uFEFFEnhet;Inom 14 dagar;Att bedöma;Andel\r\n'));
    const lines = csv.slice(1).split('\r\n');
    assert.equal(lines[1], 'Mottagningen;50;60;0,8333');
    assert.equal(lines[2], `"'=cmd|""/C calc""!A0";..;..;`);
    assert.equal(lines[3], `"Enhet; ""Norr""";-5;0;0`, 'a negative number stays a number');
    assert.equal(lines[5], '.. = färre än 5 eller dolt för att skydda sådana');
  });

  it('writes English CSV with commas and decimal points', () => {
    assert.equal(toCsv(table, englishCsv).split('\r\n')[1], 'Mottagningen,50,60,0.8333');
  });

  it('streams in chunks and reports its progress', () => {
    const big: ExportTable = {
      ...table,
      rows: Array.from({ length: 1200 }, (_, i) => ({ unit: `U${i}`, within: i, due: i, share: 1 })),
    };
    const progress: number[] = [];
    const chunks = [...csvChunks(big, swedishCsv, (done) => progress.push(done))];
    assert.equal(chunks.length, 1 + 3 + 1, 'header, three chunks of rows, notes');
    assert.deepEqual(progress, [500, 1000, 1200]);
  });
});

describe('XLSX', () => {
  it('reads back with the values the page shows and the =cmd cell neutralised', async () => {
    const progress: number[] = [];
    const buffer = await toXlsx([table, { ...table, title: 'Förhandsbedömningar inom 14 dagar' }], {
      suppressedMark: '..',
      onProgress: (done) => progress.push(done),
    });
    const sheets = await readXlsxFile(buffer);
    assert.deepEqual(
      sheets.map((s) => s.sheet),
      ['Förhandsbedömningar inom 14 dag', 'Förhandsbedömningar inom 14 d 2'],
    );
    const data = sheets[0]!.data;
    assert.equal(data[0]![0], 'Förhandsbedömningar inom 14 dagar');
    assert.deepEqual(data[1], ['Enhet', 'Inom 14 dagar', 'Att bedöma', 'Andel']);
    assert.deepEqual(data[2], ['Mottagningen', 50, 60, 0.8333]);
    assert.equal(data[3]![0], `'=cmd|"/C calc"!A0`);
    assert.equal(data[3]![1], '..');
    assert.equal(data[4]![1], -5);
    assert.equal(data[5]![0], '.. = färre än 5 eller dolt för att skydda sådana');
    assert.deepEqual(progress.at(-1), 6);
  });

  it('makes sheet names Excel accepts', () => {
    assert.equal(sheetName('Rapport: 2026/Q1 [utkast]'), 'Rapport  2026 Q1  utkast');
    assert.equal(sheetName('   '), 'Tabell');
    assert.equal(sheetName('Tabell', new Set(['tabell'])), 'Tabell 2');
  });
});
