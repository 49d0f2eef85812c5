/** The generic manifest the corpus importers read as format `manifest`: path,label,speaker,gender. */
export interface DemoManifestRow {
  /** POSIX path relative to the manifest's folder. */
  path: string;
  label: string;
  speaker: string;
  gender: 'male' | 'female';
}

export const MANIFEST_COLUMNS = ['path', 'label', 'speaker', 'gender'] as const;

/** RFC 4180 quoting, only where a field needs it. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function manifestCsv(rows: readonly DemoManifestRow[]): string {
  const lines = [MANIFEST_COLUMNS.join(','), ...rows.map((row) => MANIFEST_COLUMNS.map((column) => csvField(row[column])).join(','))];
  return `${lines.join('\n')}\n`;
}
