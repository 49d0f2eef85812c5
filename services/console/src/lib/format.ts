/** A stored time (ISO 8601) in the reader's locale; the raw value when it does not parse. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '–';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

export function percent(value: number, digits = 0): string {
  return `${(value * 100).toFixed(digits)} %`;
}

/** A JSON bag's numeric entries (metrics), for tables and charts. */
export function numericEntries(bag: unknown): Array<[string, number]> {
  if (typeof bag !== 'object' || bag === null) return [];
  return Object.entries(bag).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
}

/**
 * A short label for an id in tables and headings. Global ids are opaque base64url of `Type:storeId`, so their
 * first characters are the same for every object of a type: show the start of the store id when the id decodes
 * that way, else the id's own start. Links and queries always use the full id.
 */
export function shortId(id: string): string {
  try {
    const decoded = atob(id.replace(/-/g, '+').replace(/_/g, '/'));
    const match = /^[A-Za-z]+:(.+)$/.exec(decoded);
    if (match) return match[1]!.slice(0, 8);
  } catch {
    // not base64: a bare store id
  }
  return id.slice(0, 8);
}

/** A model version as tables name it ("fop-emotion v3"); a dash when there is none. */
export function versionName(version: { modelName: string; version: number } | null | undefined): string {
  return version ? `${version.modelName} v${version.version}` : '–';
}
