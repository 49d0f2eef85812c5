// Colours that stay apart for colour-blind readers (Okabe-Ito); each line is also named in the legend.
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

export interface Series {
  name: string;
  points: ReadonlyArray<{ epoch: number; value: number }>;
}

const W = 560;
const H = 240;
const PAD = { left: 48, right: 12, top: 12, bottom: 32 };

/** Per-epoch curves as an SVG line chart, with a text summary (last value of each) for screen readers. */
export function LineChart({ title, series }: { title: string; series: readonly Series[] }) {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return <p>No per-epoch values yet.</p>;
  const [minX, maxX] = [Math.min(...all.map((p) => p.epoch)), Math.max(...all.map((p) => p.epoch))];
  const [minY, maxY] = [Math.min(...all.map((p) => p.value)), Math.max(...all.map((p) => p.value))];
  const x = (epoch: number) => PAD.left + ((epoch - minX) / Math.max(maxX - minX, 1)) * (W - PAD.left - PAD.right);
  const y = (value: number) => H - PAD.bottom - ((value - minY) / Math.max(maxY - minY, 1e-9)) * (H - PAD.top - PAD.bottom);
  const summary = series.map((s) => `${s.name}: ${s.points.at(-1)?.value.toFixed(4) ?? '–'} at epoch ${s.points.at(-1)?.epoch ?? '–'}`).join('; ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}. ${summary}`}>
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} className="axis" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} className="axis" />
        <text x={PAD.left - 6} y={y(maxY) + 4} textAnchor="end">
          {maxY.toPrecision(3)}
        </text>
        <text x={PAD.left - 6} y={y(minY)} textAnchor="end">
          {minY.toPrecision(3)}
        </text>
        <text x={x(minX)} y={H - 10} textAnchor="middle">
          {minX}
        </text>
        <text x={x(maxX)} y={H - 10} textAnchor="middle">
          epoch {maxX}
        </text>
        {series.map((s, i) => (
          <polyline
            key={s.name}
            fill="none"
            stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]}
            strokeWidth={2}
            points={s.points.map((p) => `${x(p.epoch)},${y(p.value)}`).join(' ')}
          />
        ))}
      </svg>
      <ul className="legend">
        {series.map((s, i) => (
          <li key={s.name}>
            <span className="swatch" style={{ background: SERIES_COLOURS[i % SERIES_COLOURS.length] }} aria-hidden="true" />
            {s.name} ({s.points.at(-1)?.value.toFixed(4) ?? '–'})
          </li>
        ))}
      </ul>
    </figure>
  );
}
