import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { storeContract } from './store.contract';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// In memory unless the test reopens the store; then a data dir, which is what makes PGlite persist.
storeContract('PGlite', async ({ persistent }) => {
  if (!persistent) return { kind: 'pglite' };
  const dataDir = mkdtempSync(join(tmpdir(), 'ser-pglite-'));
  dirs.push(dataDir);
  return { kind: 'pglite', dataDir };
});
