import type { ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion';

/**
 * A captioned table with one header row of column names and the rows as children: the scaffolding every list in
 * the console shares. With `scrollLabel` it sits in a named horizontal scroller (wide tables on phones).
 */
export function DataTable({
  caption,
  columns,
  scrollLabel,
  children,
}: {
  caption: ReactNode;
  columns: ReactNode[];
  scrollLabel?: string;
  children: ReactNode;
}) {
  const table = (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return scrollLabel ? <ScrollRegion label={scrollLabel}>{table}</ScrollRegion> : table;
}
