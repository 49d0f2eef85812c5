import { ScrollRegion } from './ScrollRegion';

/** A confusion matrix as a real table (row = true label, column = predicted), shaded by each row's share. */
export function ConfusionMatrix({ title, labels, rows }: { title: string; labels: readonly string[]; rows: ReadonlyArray<ReadonlyArray<number>> }) {
  return (
    <ScrollRegion label={title}>
      <table className="confusion">
        <caption>{title} (rows: true label, columns: predicted)</caption>
        <thead>
          <tr>
            <td />
            {labels.map((l) => (
              <th scope="col" key={l}>
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const total = row.reduce((a, b) => a + b, 0) || 1;
            return (
              <tr key={labels[i] ?? i}>
                <th scope="row">{labels[i]}</th>
                {row.map((count, j) => {
                  const share = count / total;
                  return (
                    <td key={j} style={{ background: `rgba(0, 114, 178, ${share * 0.85})`, color: share > 0.5 ? '#fff' : undefined }}>
                      {count}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
