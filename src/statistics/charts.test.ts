import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { BarChart, formatValue, LineChart, niceMax } from './charts.tsx';

const texts = {
  lang: 'sv' as const,
  title: 'Anmälningar efter källa',
  category: 'Källa',
  suppressedMark: '..',
  suppressedNote: '.. = färre än fem, dolt för att skydda barnen.',
};

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('bar chart', () => {
  // Test files are .ts (the unit suite runs *.test.ts), so the element is made without JSX.
  const html = render(
    h(BarChart, {
      id: 'sources',
      texts,
      valueHeader: 'Antal',
      kind: 'count',
      data: [
        { label: 'Skola', value: 40 },
        { label: 'Polis', value: 20 },
        { label: 'Tandvård', value: null, suppressed: true },
        { label: '<script>alert(1)</script>', value: 0 },
      ],
    }),
  );

  it('draws a bar per shown value, in proportion, and none for a hidden one', () => {
    assert.equal(count(html, /class="chart__bar"/g), 3);
    const widths = [...html.matchAll(/class="chart__bar" x="200" y="[\d.]+" width="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    assert.deepEqual(widths, [296, 148, 0], 'the axis tops at 50, the plot is 370 px wide');
  });

  it('carries every value in a table, hides the picture from screen readers, and escapes text', () => {
    assert.match(html, /<svg[^>]*aria-hidden="true"/);
    assert.match(html, /<figure class="chart chart--bar" aria-labelledby="sources-title">/);
    assert.match(html, /<th scope="row">Tandvård<\/th><td>\.\.<\/td>/);
    assert.match(html, /<th scope="row">Skola<\/th><td>40<\/td>/);
    assert.ok(!html.includes('<script>'), 'category names are escaped');
    assert.match(html, /färre än fem/);
  });
});

describe('line chart', () => {
  const html = render(
    h(LineChart, {
      id: 'months',
      texts: { ...texts, title: 'Inom 14 dagar per månad', category: 'Månad' },
      kind: 'share',
      categories: ['jan', 'feb', 'mar', 'apr'],
      series: [
        { name: 'Sjövik', values: [0.9, 0.8, null, 0.95], suppressed: [false, false, true, false] },
        { name: 'Riket', values: [0.7, 0.72, 0.74, 0.75] },
      ],
    }),
  );

  it('breaks the line where a value is hidden, and tells the series apart by dash and marker', () => {
    const paths = [...html.matchAll(/<path d="([^"]*)"/g)].map((m) => m[1]!);
    assert.equal(paths.length, 2);
    assert.equal(count(paths[0]!, /M/g), 2, 'two pieces around the hidden March');
    assert.equal(count(paths[1]!, /M/g), 1);
    assert.match(html, /stroke-dasharray="6 4"/);
    assert.equal(count(html, /<circle/g), 3);
  });

  it('has a table with a column per series in the viewer’s language', () => {
    assert.match(html, /<th scope="col">Sjövik<\/th><th scope="col">Riket<\/th>/);
    assert.match(html, /<th scope="row">mar<\/th><td>\.\.<\/td><td>74\s%<\/td>/);
  });
});

describe('scales and numbers', () => {
  it('picks a round top for the axis, and 100 % for shares', () => {
    assert.equal(niceMax(37, 'count'), 50);
    assert.equal(niceMax(40, 'count'), 50);
    assert.equal(niceMax(3, 'count'), 5);
    assert.equal(niceMax(0, 'count'), 1);
    assert.equal(niceMax(0.3, 'share'), 1);
  });

  it('formats in Swedish and English', () => {
    assert.equal(formatValue(0.833, 'share', 'sv'), '83,3\u00a0%');
    assert.equal(formatValue(0.833, 'share', 'en'), '83.3%');
    assert.equal(formatValue(62.25, 'days', 'sv'), '62,3');
  });
});
