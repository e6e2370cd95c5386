import { useId } from 'react';

export type BarSeries = { name: string; values: readonly number[]; tone: 'brand' | 'accent' };

const ROW = 22;
const GAP = 10;
const LABEL = 270;
const WIDTH = 720;
const tones = { brand: 'fill-brand-700', accent: 'fill-azure-700' } as const;

/**
 * A horizontal bar chart drawn on the server: an image with a caption for screen readers (its numbers are in the
 * table the page puts beside it, so nothing needs a mouse), printed as drawn, and readable with CSS off.
 */
export function BarChart({
  caption,
  categories,
  series,
  format,
}: {
  caption: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  format: (n: number) => string;
}) {
  const id = useId();
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const group = series.length * ROW + GAP;
  const legend = series.length > 1 ? 24 : 0;
  const height = legend + categories.length * group;
  const barSpace = WIDTH - LABEL - 60;
  return (
    <figure aria-labelledby={`${id}-c`} className="monitoring-figure rounded-lg border border-line bg-surface p-4">
      <figcaption id={`${id}-c`} className="mb-2 font-semibold text-ink">
        {caption}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-c`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="h-auto w-full max-w-2xl text-ink"
        preserveAspectRatio="xMinYMin meet"
      >
        {series.length > 1 &&
          series.map((s, i) => (
            <g key={s.name} transform={`translate(${LABEL + i * 180}, 4)`}>
              <rect width="14" height="14" className={tones[s.tone]} />
              <text x="20" y="12" className="fill-current text-[13px]">
                {s.name}
              </text>
            </g>
          ))}
        {categories.map((c, ci) => (
          <g key={c} transform={`translate(0, ${legend + ci * group})`}>
            <text x={LABEL - 8} y={(series.length * ROW) / 2 + 5} textAnchor="end" className="fill-current text-[13px]">
              {c}
            </text>
            {series.map((s, si) => {
              const v = s.values[ci] ?? 0;
              const w = (v / max) * barSpace;
              return (
                <g key={s.name} transform={`translate(${LABEL}, ${si * ROW})`}>
                  <rect width={Math.max(w, v > 0 ? 2 : 0)} height={ROW - 4} className={tones[s.tone]} />
                  <text x={w + 6} y={ROW - 8} className="fill-current text-[12px]">
                    {format(v)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </figure>
  );
}
