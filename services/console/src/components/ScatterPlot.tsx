import { SERIES_COLOURS } from './LineChart';

const SIZE = 320;
const SHAPES = ['circle', 'square', 'triangle', 'diamond'] as const;

function Marker({ x, y, shape, colour }: { x: number; y: number; shape: (typeof SHAPES)[number]; colour: string }) {
  if (shape === 'square') return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} fill={colour} />;
  if (shape === 'triangle') return <polygon points={`${x},${y - 4.5} ${x - 4.5},${y + 3.5} ${x + 4.5},${y + 3.5}`} fill={colour} />;
  if (shape === 'diamond') return <polygon points={`${x},${y - 5} ${x + 5},${y} ${x},${y + 5} ${x - 5},${y}`} fill={colour} />;
  return <circle cx={x} cy={y} r={4} fill={colour} />;
}

/** A 2-D scatter of labelled points; each label gets a colour and a shape, so it reads without colour too. */
export function ScatterPlot({ title, points }: { title: string; points: ReadonlyArray<{ x: number; y: number; label: string }> }) {
  const labels = [...new Set(points.map((p) => p.label))].sort();
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (v: number) => 10 + ((v - minX) / Math.max(maxX - minX, 1e-9)) * (SIZE - 20);
  const sy = (v: number) => 10 + ((v - minY) / Math.max(maxY - minY, 1e-9)) * (SIZE - 20);
  const style = (label: string) => {
    const i = labels.indexOf(label);
    return { colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!, shape: SHAPES[i % SHAPES.length]! };
  };
  return (
    <figure className="chart scatter">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={`${title}: ${points.length} utterances, labels ${labels.join(', ')}`}>
        <rect x={0} y={0} width={SIZE} height={SIZE} className="plot-area" />
        {points.map((p, i) => (
          <Marker key={i} x={sx(p.x)} y={sy(p.y)} {...style(p.label)} />
        ))}
      </svg>
      <ul className="legend">
        {labels.map((l) => (
          <li key={l}>
            <svg width={12} height={12} viewBox="-6 -6 12 12" aria-hidden="true">
              <Marker x={0} y={0} {...style(l)} />
            </svg>
            {l}
          </li>
        ))}
      </ul>
    </figure>
  );
}
