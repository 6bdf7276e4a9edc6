import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { neutralise, toCsv } from './csv.ts';
import {
  type IvoListLabels,
  initialsOf,
  ivoListColumns,
  ivoListCsv,
  ivoListDuty,
  ivoListRows,
  type ListChild,
  type ListHome,
} from './ivo-list.ts';
import { decision, period, placement } from './testing.ts';

function child(id: string, more: Partial<ListChild> = {}): ListChild {
  return {
    id,
    givenName: 'Saga',
    familyName: 'Exempel',
    personalNumber: '20140520-0000',
    birthDate: '2014-05-20',
    protectedIdentity: 'none',
    ...more,
  };
}
const homes = new Map<string, ListHome>([
  ['home-a', { id: 'home-a', name: 'Familjehemmet Ek', address: 'Ekvägen 1, 999 99 Sjövik' }],
  ['home-b', { id: 'home-b', name: 'Familjehemmet Lind', address: 'Lindvägen 2, 999 99 Sjövik' }],
]);

describe('the IVO list of children in family homes', () => {
  it('lists every child who lived in a family home at some time in the year, one row per home', () => {
    const placements = [
      placement({
        id: 'p1',
        childId: 'saga',
        periods: [
          period('emergencyHome', '2024-11-01', { homeId: 'jour' }),
          period('familyHome', '2025-01-10', { homeId: 'home-a' }),
          period('familyHome', '2025-06-01', { homeId: 'home-a' }),
          period('kinshipFamilyHome', '2025-09-01', { homeId: 'home-b' }),
        ],
        decisions: [decision('sol', '2024-11-01')],
      }),
      placement({
        id: 'p2',
        childId: 'ended',
        periods: [period('familyHome', '2023-01-01', { homeId: 'home-a' })],
        end: { endedOn: '2024-12-31', outcome: 'returnedHome' },
      }),
      placement({ id: 'p3', childId: 'hvb', periods: [period('residentialCareHome', '2025-02-01')] }),
    ];
    const children = new Map([
      ['saga', child('saga')],
      ['ended', child('ended')],
      ['hvb', child('hvb')],
    ]);
    const rows = ivoListRows({ year: 2025, placements, children, homes });
    assert.deepEqual(
      rows.map((r) => [r.child, r.home?.name, r.from, r.to, r.legalBasis]),
      [
        ['Saga Exempel', 'Familjehemmet Ek', '2025-01-10', '2025-09-01', 'sol'],
        ['Saga Exempel', 'Familjehemmet Lind', '2025-09-01', null, 'sol'],
      ],
    );
  });
  it('lists a protected child by initials and birth year only, with nothing about the home', () => {
    const placements = [
      placement({ childId: 'hidden', periods: [period('familyHome', '2025-03-01', { homeId: 'home-a' })] }),
    ];
    const children = new Map([
      [
        'hidden',
        child('hidden', {
          givenName: 'Anna-Karin Maria',
          familyName: 'Ek',
          protectedIdentity: 'protectedRegistration',
        }),
      ],
    ]);
    assert.deepEqual(ivoListRows({ year: 2025, placements, children, homes }), [
      {
        protected: true,
        child: 'A.K.M.E.',
        identity: '2014',
        home: null,
        from: null,
        to: null,
        legalBasis: null,
      },
    ]);
  });
  it('treats a child whose whereabouts are kept secret under LVU 14 § as protected that year', () => {
    const placements = [
      placement({
        id: 'p9',
        childId: 'c',
        decisions: [decision('lvu2', '2025-01-05')],
        periods: [period('familyHome', '2025-01-05', { homeId: 'home-a' })],
      }),
    ];
    const restrictions = new Map([
      [
        'p9',
        [
          {
            id: 'r',
            kind: 'whereaboutsSecret' as const,
            decidedOn: '2025-02-01',
            endedOn: '2025-05-01',
            reviewedOn: [],
          },
        ],
      ],
    ]);
    const children = new Map([['c', child('c')]]);
    assert.equal(ivoListRows({ year: 2025, placements, children, homes, restrictions })[0]!.protected, true);
    assert.equal(ivoListRows({ year: 2026, placements, children, homes, restrictions })[0]!.protected, false);
  });
  it('leaves out someone who was 18 throughout the year', () => {
    const placements = [
      placement({ childId: 'adult', periods: [period('familyHome', '2024-01-01', { homeId: 'home-a' })] }),
    ];
    const children = new Map([['adult', child('adult', { birthDate: '2006-12-31' })]]);
    assert.deepEqual(ivoListRows({ year: 2025, placements, children, homes }), []);
    assert.equal(ivoListRows({ year: 2024, placements, children, homes }).length, 1);
  });
  it('is due by 31 January of the next year, moved off the weekend', () => {
    assert.equal(ivoListDuty(2025).dueOn, '2026-02-02');
    assert.equal(ivoListDuty(2026).dueOn, '2027-02-01');
  });
  it('initials handle hyphens, several names and letters outside A–Z', () => {
    assert.equal(initialsOf('Örjan', 'Åberg-Ek'), 'Ö.Å.E.');
  });
});

describe('CSV', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const cell of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      assert.equal(neutralise(cell)[0], "'", JSON.stringify(cell));
    }
    assert.equal(neutralise('Saga'), 'Saga');
    assert.equal(neutralise('2025-01-10'), '2025-01-10');
  });
  it('separates with semicolons, quotes what needs it, ends lines with CRLF and starts with a BOM', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['x;y', 'say "hi"'],
        ['line\nbreak', '=1+1'],
      ],
    );
    assert.equal(csv, '\uFEFFa;b\r\n"x;y";"say ""hi"""\r\n"line\nbreak";\'=1+1\r\n');
  });
  it('renders the list with Swedish labels; a protected row says so and nothing else', () => {
    const labels: IvoListLabels = {
      columns: Object.fromEntries(
        ivoListColumns.map((c) => [c, c.toUpperCase()]),
      ) as IvoListLabels['columns'],
      protectedMark: 'Sekretess',
      bases: { sol: 'SoL', lvu2: 'LVU 2 §', lvu3: 'LVU 3 §', lvu6: 'LVU 6 §' },
    };
    const csv = ivoListCsv(
      [
        {
          protected: false,
          child: '=Evil',
          identity: '20140520-0000',
          home: { name: 'Ek', address: 'Ekvägen 1' },
          from: '2025-01-10',
          to: null,
          legalBasis: 'lvu2',
        },
        {
          protected: true,
          child: 'A.E.',
          identity: '2014',
          home: null,
          from: null,
          to: null,
          legalBasis: null,
        },
      ],
      labels,
    );
    assert.equal(
      csv,
      "\uFEFFCHILD;IDENTITY;PROTECTED;HOME;ADDRESS;FROM;TO;LEGALBASIS\r\n'=Evil;20140520-0000;;Ek;Ekvägen 1;2025-01-10;;LVU 2 §\r\nA.E.;2014;Sekretess;;;;;\r\n",
    );
  });
});
