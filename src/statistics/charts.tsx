import type { ComponentChildren } from 'preact';

/**
 * Server-rendered SVG charts, readable without JavaScript and printable. The chart is a picture
 * for those who would rather look than read; the table under it carries every value and is what
 * assistive technology reads (the SVG is hidden from it), so nothing is only in the picture.
 * Series differ by dash pattern and marker as well as by colour (WCAG 1.4.1), and every colour
 * has at least 3:1 contrast against white (1.4.11). Texts come in from the caller's language.
 */

export type ChartValueKind = 'count' | 'share' | 'days' | 'rate';

export interface ChartTexts {
  lang: 'sv' | 'en';
  title: string;
  /** The header of the category column: "Källa", "Månad" … */
  category: string;
  /** What a hidden value shows as, and a note saying why. */
  suppressedMark: string;
  suppressedNote?: string;
}

export interface BarDatum {
  label: string;
  value: number | null;
  suppressed?: boolean;
}

export interface LineSeries {
  name: string;
  values: readonly (number | null)[];
  suppressed?: readonly boolean[];
}

const width = 640;
const barHeight = 24;
const gap = 10;
const labelWidth = 200;
const valueRoom = 70;
const colours = ['#1d5fa7', '#8a3b12', '#2e6b30'];
const dashes = [undefined, '6 4', '2 3'];

export function formatValue(value: number, kind: ChartValueKind, lang: 'sv' | 'en'): string {
  const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
  if (kind === 'share')
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  const digits = kind === 'count' ? 0 : 1;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** A round top for the axis: 1, 2, 2.5 or 5 times a power of ten, at or above the largest value. */
export function niceMax(max: number, kind: ChartValueKind): number {
  if (kind === 'share') return 1;
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

function ticks(top: number): number[] {
  return [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);
}

function DataTable({ texts, headers, rows }: { texts: ChartTexts; headers: string[]; rows: string[][] }) {
  return (
    <table class="chart-table">
      <thead>
        <tr>
          <th scope="col">{texts.category}</th>
          {headers.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, ...cells]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {cells.map((c, i) => (
              <td key={headers[i]}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function shownValue(
  value: number | null,
  hidden: boolean | undefined,
  kind: ChartValueKind,
  texts: ChartTexts,
) {
  if (hidden) return texts.suppressedMark;
  return value === null ? '–' : formatValue(value, kind, texts.lang);
}

/** The figure around a chart: its caption, the picture (hidden from assistive technology), its table. */
function ChartFrame({
  id,
  kind,
  texts,
  height,
  table,
  anySuppressed,
  children,
}: {
  id: string;
  kind: 'bar' | 'line';
  texts: ChartTexts;
  height: number;
  table: ComponentChildren;
  anySuppressed: boolean;
  children: ComponentChildren;
}) {
  return (
    <figure class={`chart chart--${kind}`} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{texts.title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        aria-hidden="true"
        focusable="false"
        class="chart__svg"
      >
        {children}
      </svg>
      {table}
      {texts.suppressedNote && anySuppressed ? <p class="chart__note">{texts.suppressedNote}</p> : null}
    </figure>
  );
}

/** Horizontal bars: long category names fit, and it reads at 375 px as at full width. */
export function BarChart({
  id,
  texts,
  valueHeader,
  data,
  kind,
}: {
  id: string;
  texts: ChartTexts;
  valueHeader: string;
  data: readonly BarDatum[];
  kind: ChartValueKind;
}) {
  const top = niceMax(Math.max(0, ...data.map((d) => (d.suppressed ? 0 : (d.value ?? 0)))), kind);
  const plot = width - labelWidth - valueRoom;
  const height = data.length * (barHeight + gap) + gap + 20;
  const x = (v: number) => labelWidth + (v / top) * plot;
  return (
    <ChartFrame
      id={id}
      kind="bar"
      texts={texts}
      height={height}
      anySuppressed={data.some((d) => d.suppressed)}
      table={
        <DataTable
          texts={texts}
          headers={[valueHeader]}
          rows={data.map((d) => [d.label, shownValue(d.value, d.suppressed, kind, texts)])}
        />
      }
    >
      {ticks(top).map((t) => (
        <g key={t} class="chart__tick">
          <line x1={x(t)} x2={x(t)} y1={gap / 2} y2={height - 20} stroke="#767676" stroke-width="1" />
          <text x={x(t)} y={height - 5} text-anchor="middle" font-size="12" fill="#1a1a1a">
            {formatValue(t, kind, texts.lang)}
          </text>
        </g>
      ))}
      {data.map((d, i) => {
        const y = gap + i * (barHeight + gap);
        const hidden = d.suppressed || d.value === null;
        return (
          <g key={d.label} class="chart__row">
            <text x={labelWidth - 8} y={y + barHeight * 0.7} text-anchor="end" font-size="13" fill="#1a1a1a">
              {d.label}
            </text>
            {hidden ? null : (
              <rect
                class="chart__bar"
                x={labelWidth}
                y={y}
                width={Math.max(0, x(d.value!) - labelWidth)}
                height={barHeight}
                fill={colours[0]}
              />
            )}
            <text
              x={hidden ? labelWidth + 4 : x(d.value!) + 4}
              y={y + barHeight * 0.7}
              font-size="13"
              fill="#1a1a1a"
            >
              {shownValue(d.value, d.suppressed, kind, texts)}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

/** Lines over periods (months, quarters, years); a gap where a value is hidden or missing. */
export function LineChart({
  id,
  texts,
  categories,
  series,
  kind,
}: {
  id: string;
  texts: ChartTexts;
  categories: readonly string[];
  series: readonly LineSeries[];
  kind: ChartValueKind;
}) {
  const height = 260;
  const left = 56;
  const right = 16;
  const topPad = 12;
  const bottom = 40;
  const visible = (s: LineSeries, i: number) => (s.suppressed?.[i] ? null : (s.values[i] ?? null));
  const max = Math.max(0, ...series.flatMap((s) => categories.map((_, i) => visible(s, i) ?? 0)));
  const top = niceMax(max, kind);
  const step = categories.length > 1 ? (width - left - right) / (categories.length - 1) : 0;
  const x = (i: number) => left + (categories.length > 1 ? i * step : (width - left - right) / 2);
  const y = (v: number) => topPad + (1 - v / top) * (height - topPad - bottom);
  const paths = series.map((s) => {
    const parts: string[] = [];
    let pen = false;
    categories.forEach((_, i) => {
      const v = visible(s, i);
      if (v === null) {
        pen = false;
        return;
      }
      parts.push(`${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)}`);
      pen = true;
    });
    return parts.join(' ');
  });
  return (
    <ChartFrame
      id={id}
      kind="line"
      texts={texts}
      height={height}
      anySuppressed={series.some((s) => s.suppressed?.some(Boolean))}
      table={
        <DataTable
          texts={texts}
          headers={series.map((s) => s.name)}
          rows={categories.map((c, i) => [
            c,
            ...series.map((s) => shownValue(s.values[i] ?? null, s.suppressed?.[i], kind, texts)),
          ])}
        />
      }
    >
      {ticks(top).map((t) => (
        <g key={t} class="chart__tick">
          <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} stroke="#767676" stroke-width="1" />
          <text x={left - 6} y={y(t) + 4} text-anchor="end" font-size="12" fill="#1a1a1a">
            {formatValue(t, kind, texts.lang)}
          </text>
        </g>
      ))}
      {categories.map((c, i) => (
        <text key={c} x={x(i)} y={height - bottom + 18} text-anchor="middle" font-size="12" fill="#1a1a1a">
          {c}
        </text>
      ))}
      {series.map((s, n) => (
        <g key={s.name} class={`chart__series chart__series--${n + 1}`}>
          <path
            d={paths[n]}
            fill="none"
            stroke={colours[n % colours.length]}
            stroke-width="2.5"
            stroke-dasharray={dashes[n % dashes.length]}
          />
          {categories.map((c, i) => {
            const v = visible(s, i);
            if (v === null) return null;
            // A circle, a square, a diamond: the series differ in shape too.
            const size = 4;
            return n % 3 === 0 ? (
              <circle key={c} cx={x(i)} cy={y(v)} r={size} fill={colours[n % colours.length]} />
            ) : (
              <rect
                key={c}
                x={x(i) - size}
                y={y(v) - size}
                width={size * 2}
                height={size * 2}
                fill={colours[n % colours.length]}
                transform={n % 3 === 2 ? `rotate(45 ${x(i)} ${y(v)})` : undefined}
              />
            );
          })}
        </g>
      ))}
      {series.length > 1
        ? series.map((s, n) => (
            <g key={s.name} class="chart__legend">
              <line
                x1={left + n * 180}
                x2={left + n * 180 + 24}
                y1={height - 6}
                y2={height - 6}
                stroke={colours[n % colours.length]}
                stroke-width="2.5"
                stroke-dasharray={dashes[n % dashes.length]}
              />
              <text x={left + n * 180 + 30} y={height - 2} font-size="12" fill="#1a1a1a">
                {s.name}
              </text>
            </g>
          ))
        : null}
    </ChartFrame>
  );
}
