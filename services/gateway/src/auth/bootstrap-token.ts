import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MetadataStore } from '@ser/store';

export const BOOTSTRAP_TOKEN_FILE = 'admin.token';

/**
 * First start of an embedded system: when no API token exists yet, creates an admin token named `bootstrap-admin`
 * and writes it to `<dataDir>/admin.token` (mode 0600), so a newcomer can run mutations at once. Returns the file
 * written, or null when tokens already existed (nothing is touched then).
 */
export async function ensureBootstrapToken(store: MetadataStore, dataDir: string): Promise<string | null> {
  if ((await store.apiTokens.count()) > 0) return null;
  const { token } = await store.apiTokens.create({ name: 'bootstrap-admin', role: 'admin' });
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, BOOTSTRAP_TOKEN_FILE);
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  await chmod(file, 0o600); // mode above applies only to a new file; a stale one may be wider
  return file;
}
