import { readFileSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@ser/logging';
import type { MetadataStore } from '@ser/store';

export const BOOTSTRAP_TOKEN_FILE = 'admin.token';
export const BOOTSTRAP_TOKEN_NAME = 'bootstrap-admin';

/**
 * First start of an embedded system: when no API token exists yet, creates an admin token named `bootstrap-admin`
 * and writes it to `<dataDir>/admin.token` (mode 0600), so a newcomer can run mutations at once. Returns the file
 * written, or null when tokens already existed (nothing is touched then).
 */
export async function ensureBootstrapToken(store: MetadataStore, dataDir: string): Promise<string | null> {
  if ((await store.apiTokens.count()) > 0) return null;
  const { token } = await store.apiTokens.create({ name: BOOTSTRAP_TOKEN_NAME, role: 'admin' });
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, BOOTSTRAP_TOKEN_FILE);
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  await chmod(file, 0o600); // mode above applies only to a new file; a stale one may be wider
  return file;
}

/** Where a cluster hands the gateway its first admin token: the value, or a file holding it (a mounted Secret). */
export const BOOTSTRAP_ENV = { token: 'SER_BOOTSTRAP_ADMIN_TOKEN', file: 'SER_BOOTSTRAP_ADMIN_TOKEN_FILE' } as const;

/**
 * The bootstrap admin secret from the environment, or undefined when neither variable is set. A file's content is
 * trimmed (`kubectl create secret --from-file` keeps a trailing newline). Both set, or an empty value, is an error:
 * a misconfigured Secret should stop the gateway, not leave the cluster without an admin.
 */
export function readBootstrapSecret(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[BOOTSTRAP_ENV.token];
  const file = env[BOOTSTRAP_ENV.file];
  if (value !== undefined && file !== undefined) throw new Error(`set ${BOOTSTRAP_ENV.token} or ${BOOTSTRAP_ENV.file}, not both`);
  const secret = file !== undefined ? readFileSync(file, 'utf8').trim() : value?.trim();
  if (secret === '') throw new Error(`${file !== undefined ? `${BOOTSTRAP_ENV.file} (${file})` : BOOTSTRAP_ENV.token} is empty`);
  return secret;
}

/**
 * Registers an operator-chosen secret (from a Kubernetes Secret) as an admin token named `bootstrap-admin`, once:
 * restarts and other replicas find it already there. Rotating the Secret adds the new token on the next start; the
 * old one stays valid until an admin revokes it (apiTokens lists both), so no pod still holding the old value is
 * locked out mid-rollout. A secret already registered with a lower role is refused.
 */
export async function ensureSecretAdminToken(store: MetadataStore, secret: string, logger: Logger): Promise<'created' | 'present'> {
  const existing = await store.apiTokens.findByToken(secret);
  if (existing) {
    if (existing.role !== 'admin') throw new Error(`the bootstrap admin secret is already registered as token '${existing.name}' with role ${existing.role}`);
    return 'present';
  }
  try {
    const { apiToken } = await store.apiTokens.create({ name: BOOTSTRAP_TOKEN_NAME, role: 'admin', token: secret });
    logger.info({ tokenId: apiToken.id, name: apiToken.name }, 'bootstrap admin token registered from the secret');
    return 'created';
  } catch (err) {
    // Another replica registered it between our lookup and insert (token_hash is unique).
    if (await store.apiTokens.findByToken(secret)) return 'present';
    throw err;
  }
}
