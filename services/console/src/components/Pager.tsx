/**
 * Newer/Older buttons over a cursor connection. `pages` holds the `after` cursor of each page stepped into, so
 * Newer steps back by dropping the last one and Older pushes the connection's end cursor.
 */
export function Pager({
  pages,
  onChange,
  pageInfo,
}: {
  pages: string[];
  onChange: (pages: string[]) => void;
  pageInfo?: { hasNextPage: boolean; endCursor?: string | null };
}) {
  return (
    <div className="pager">
      <button type="button" className="secondary" disabled={pages.length === 0} onClick={() => onChange(pages.slice(0, -1))}>
        Newer
      </button>
      <button type="button" className="secondary" disabled={!pageInfo?.hasNextPage} onClick={() => onChange([...pages, pageInfo!.endCursor!])}>
        Older
      </button>
    </div>
  );
}
