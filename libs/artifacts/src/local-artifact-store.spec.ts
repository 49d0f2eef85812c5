import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { artifactStoreContract } from './artifact-store.contract';
import type { ArtifactStore } from './artifact-store';
import { ArtifactNotFoundError } from './keys';
import { createLocalArtifactStore } from './local-artifact-store';

/** Every regular file under dir, recursively, as relative POSIX paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

artifactStoreContract('directory store', async () => {
  const root = mkdtempSync(join(tmpdir(), 'ser-artifacts-'));
  return {
    store: createLocalArtifactStore(root),
    leftovers: async () => filesUnder(root),
    dispose: async () => rmSync(root, { recursive: true, force: true }),
  };
});

describe('createLocalArtifactStore', () => {
  let root: string;
  let store: ArtifactStore;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ser-artifacts-'));
    store = createLocalArtifactStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keeps each artifact as a file at its key under the root', async () => {
    const bytes = randomBytes(1000);
    await store.put('a/b/c.bin', bytes);
    expect(store.localPath('a/b/c.bin')).toBe(join(root, 'a', 'b', 'c.bin'));
    expect(readFileSync(join(root, 'a', 'b', 'c.bin'))).toEqual(bytes);
  });

  it('a missing artifact throws at once on createReadStream', () => {
    expect(() => store.createReadStream('missing.bin')).toThrow(ArtifactNotFoundError);
  });

  it('lists no in-flight temp files', async () => {
    await store.put('top.txt', Buffer.from('x'));
    writeFileSync(join(root, '.tmp', 'in-flight'), 'half a checkpoint'); // what a put still streaming looks like
    expect(await store.list()).toEqual(['top.txt']);
    expect(await store.list('.tmp/')).toEqual([]);
  });
});
