import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { ensureBootstrapToken } from './bootstrap-token';

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
