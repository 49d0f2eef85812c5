import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@ser/logging';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { ensureBootstrapToken, ensureSecretAdminToken, readBootstrapSecret } from './bootstrap-token';

describe('ensureBootstrapToken and the api token repository', () => {
  let store: MetadataStore;
  let dir: string;
  beforeAll(async () => {
    store = await openMetadataStore({ kind: 'pglite' });
    dir = mkdtempSync(join(tmpdir(), 'ser-bootstrap-'));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates one admin token on first start, in a file only its owner can read, and none after', async () => {
    const file = await ensureBootstrapToken(store, join(dir, 'data'));
    expect(file).toBe(join(dir, 'data', 'admin.token'));
    expect(statSync(file!).mode & 0o777).toBe(0o600);
    const token = readFileSync(file!, 'utf8').trim();
    expect(token).toMatch(/^ser_[A-Za-z0-9_-]{43}$/);
    expect(await store.apiTokens.findByToken(token)).toMatchObject({ name: 'bootstrap-admin', role: 'admin' });
    expect(await ensureBootstrapToken(store, join(dir, 'data'))).toBeNull();
    expect(await store.apiTokens.count()).toBe(1);
  });

  it('stores only a hash: the table never holds the token, and another token finds nothing', async () => {
    const { token, apiToken } = await store.apiTokens.create({ name: 'ci', role: 'operator' });
    const rows = await store.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [apiToken.id]);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await store.apiTokens.findByToken(`${token}x`)).toBeNull();
    await expect(store.apiTokens.create({ name: 'x', role: 'root' as never })).rejects.toThrow(/unknown role/);
    await store.apiTokens.delete(apiToken.id);
    expect(await store.apiTokens.findByToken(token)).toBeNull();
  });
});

describe('the bootstrap admin token from a Kubernetes Secret', () => {
  let store: MetadataStore;
  let dir: string;
  const secret = 'k8s-secret-0123456789abcdefghijklmnopqrstuvwxyz';
  const logger = createLogger('bootstrap-spec', { level: 'silent' });
  beforeAll(async () => {
    store = await openMetadataStore({ kind: 'pglite' });
    dir = mkdtempSync(join(tmpdir(), 'ser-bootstrap-secret-'));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the value or a mounted file (trimmed), neither, and refuses both or an empty one', () => {
    const file = join(dir, 'token');
    writeFileSync(file, `${secret}\n`);
    expect(readBootstrapSecret({ SER_BOOTSTRAP_ADMIN_TOKEN_FILE: file })).toBe(secret);
    expect(readBootstrapSecret({ SER_BOOTSTRAP_ADMIN_TOKEN: secret })).toBe(secret);
    expect(readBootstrapSecret({})).toBeUndefined();
    expect(() => readBootstrapSecret({ SER_BOOTSTRAP_ADMIN_TOKEN: secret, SER_BOOTSTRAP_ADMIN_TOKEN_FILE: file })).toThrow(/not both/);
    expect(() => readBootstrapSecret({ SER_BOOTSTRAP_ADMIN_TOKEN: ' ' })).toThrow(/is empty/);
    expect(() => readBootstrapSecret({ SER_BOOTSTRAP_ADMIN_TOKEN_FILE: join(dir, 'missing') })).toThrow(/ENOENT/);
  });

  it('registers the secret as an admin token once, across restarts and concurrent replicas', async () => {
    const starts = await Promise.all([1, 2, 3].map(() => ensureSecretAdminToken(store, secret, logger)));
    expect(starts.filter((s) => s === 'created')).toHaveLength(1);
    expect(await ensureSecretAdminToken(store, secret, logger)).toBe('present');
    expect(await store.apiTokens.findByToken(secret)).toMatchObject({ name: 'bootstrap-admin', role: 'admin' });
    expect((await store.apiTokens.list()).filter((t) => t.name === 'bootstrap-admin')).toHaveLength(1);
  });

  it('refuses a short secret, and one already registered with a lower role', async () => {
    await expect(ensureSecretAdminToken(store, 'too-short', logger)).rejects.toThrow(/32 or more printable characters/);
    const viewerSecret = 'viewer-secret-0123456789abcdefghijklmnopqrstuvwxyz';
    await store.apiTokens.create({ name: 'ci', role: 'viewer', token: viewerSecret });
    await expect(ensureSecretAdminToken(store, viewerSecret, logger)).rejects.toThrow(/role viewer/);
  });
});
