/**
 * Horizontal bars with their numbers written out: readable without colour, and the table-like markup lets a
 * screen reader read each label with its value.
 */
export function HBars({
  title,
  rows,
  format,
}: {
  title: string;
  rows: Array<{ label: string; value: number; highlight?: boolean }>;
  format: (v: number) => string;
}) {
  const max = Math.max(...rows.map((r) => r.value), 1e-9);
  return (
    <figure className="hbars">
      <figcaption>{title}</figcaption>
      <dl>
        {rows.map((r) => (
          <div key={r.label} className={r.highlight ? 'highlight' : undefined}>
            <dt>{r.label}</dt>
            <dd>
              <span className="bar" style={{ width: `${(100 * r.value) / max}%` }} aria-hidden="true" />
              <span className="value">{format(r.value)}</span>
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}

export function CountBars({ title, counts }: { title: string; counts: ReadonlyArray<{ key: string; count: number }> }) {
  return <HBars title={title} rows={counts.map((c) => ({ label: c.key, value: c.count }))} format={String} />;
}
