import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openMetadataStore } from '@ser/store';

const dataDir = mkdtempSync(join(tmpdir(), 'ser-token-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const ser = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/ser.js', ...args], { encoding: 'utf8', env: { ...process.env, SER_DATA_DIR: dataDir, SER_LOG_LEVEL: 'warn' } });

describe('ser token create', () => {
  it('prints a new token once on stdout and stores only what finds it by hash', async () => {
    const r = ser('token', 'create', '--name', 'ci', '--role', 'operator');
    expect(r.status, r.stderr).toBe(0);
    const token = r.stdout.trim();
    expect(token).toMatch(/^ser_\S{43}$/);
    expect(r.stderr).not.toContain(token);
    const store = await openMetadataStore({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
    try {
      expect(await store.apiTokens.findByToken(token)).toMatchObject({ name: 'ci', role: 'operator' });
    } finally {
      await store.close();
    }
  });

  it('refuses an unknown role with exit code 2', () => {
    const r = ser('token', 'create', '--name', 'x', '--role', 'root');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--role must be one of viewer, operator, admin/);
  });
});
