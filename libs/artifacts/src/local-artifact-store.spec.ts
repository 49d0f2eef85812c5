import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArtifactStore } from './artifact-store';
import { ArtifactNotFoundError, InvalidArtifactKeyError } from './keys';
import { createLocalArtifactStore } from './local-artifact-store';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every regular file under dir, recursively, as relative paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** A stream that delivers some bytes and then fails, like an upload cut off half-way. */
function failingStream(prefix: Buffer, message: string): Readable {
  const stream = new PassThrough();
  stream.write(prefix);
  setImmediate(() => stream.destroy(new Error(message)));
  return stream;
}

describe('createLocalArtifactStore', () => {
  let root: string;
  let store: ArtifactStore;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ser-artifacts-'));
    store = createLocalArtifactStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('round-trips Buffers, Uint8Array views and streams with their size and SHA-256', async () => {
    const buffer = randomBytes(70_000);
    const backing = randomBytes(100);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 10, 50); // a view into a larger buffer
    const chunks = [randomBytes(1000), randomBytes(5000), randomBytes(3)];

    expect(await store.put('a/buffer.bin', buffer)).toEqual({ key: 'a/buffer.bin', bytes: 70_000, sha256: sha256(buffer) });
    expect(await store.put('a/view.bin', view)).toEqual({ key: 'a/view.bin', bytes: 50, sha256: sha256(view) });
    const streamed = await store.put('b/c/stream.bin', Readable.from(chunks));
    expect(streamed).toEqual({ key: 'b/c/stream.bin', bytes: 6003, sha256: sha256(Buffer.concat(chunks)) });

    expect(await store.get('a/buffer.bin')).toEqual(buffer);
    expect(await store.get('a/view.bin')).toEqual(Buffer.from(view));
    expect(await readAll(store.createReadStream('b/c/stream.bin'))).toEqual(Buffer.concat(chunks));
    expect(readFileSync(store.localPath('a/buffer.bin'))).toEqual(buffer);
    expect(store.localPath('a/buffer.bin')).toBe(join(root, 'a', 'buffer.bin'));
    expect(await store.exists('a/buffer.bin')).toBe(true);
    expect(await store.exists('a')).toBe(false); // a directory is not an artifact
  });

  it('replaces an artifact on put and removes it on delete', async () => {
    await store.put('model.json', Buffer.from('v1'));
    await store.put('model.json', Buffer.from('version two'));
    expect((await store.get('model.json')).toString()).toBe('version two');

    expect(await store.delete('model.json')).toBe(true);
    expect(await store.delete('model.json')).toBe(false);
    expect(await store.exists('model.json')).toBe(false);
    await expect(store.get('model.json')).rejects.toBeInstanceOf(ArtifactNotFoundError);
    expect(() => store.createReadStream('model.json')).toThrow(ArtifactNotFoundError);
  });

  it('a failed stream leaves no file behind, and an existing artifact untouched', async () => {
    await expect(store.put('ckpt/run/epoch-1.bin', failingStream(randomBytes(4096), 'upload cut'))).rejects.toThrow('upload cut');
    expect(await store.exists('ckpt/run/epoch-1.bin')).toBe(false);
    expect(filesUnder(root)).toEqual([]);

    const good = randomBytes(2048);
    await store.put('ckpt/run/epoch-2.bin', good);
    await expect(store.put('ckpt/run/epoch-2.bin', failingStream(randomBytes(10), 'again'))).rejects.toThrow('again');
    expect(await store.get('ckpt/run/epoch-2.bin')).toEqual(good);
    expect(filesUnder(root)).toEqual([join('ckpt', 'run', 'epoch-2.bin')]);
  });

  it('concurrent writers of one key leave exactly one complete version', async () => {
    const versions = Array.from({ length: 5 }, () => randomBytes(256 * 1024));
    const results = await Promise.all(versions.map((v) => store.put('shared/shard.bin', Readable.from([v.subarray(0, 1000), v.subarray(1000)]))));
    const stored = await store.get('shared/shard.bin');
    expect(results.map((r) => r.sha256)).toContain(sha256(stored));
    expect(versions.some((v) => v.equals(stored))).toBe(true);
    expect(filesUnder(root)).toEqual([join('shared', 'shard.bin')]);
  });

  it('lists keys by string prefix, sorted, without in-flight temp files', async () => {
    for (const key of ['ckpt/run10/e1.bin', 'ckpt/run1/e2.bin', 'ckpt/run1/e1.bin', 'features/x.bin', 'top.txt']) {
      await store.put(key, Buffer.from(key));
    }
    writeFileSync(join(root, '.tmp', 'in-flight'), 'half a checkpoint'); // what a put still streaming looks like
    expect(await store.list('ckpt/run1/')).toEqual(['ckpt/run1/e1.bin', 'ckpt/run1/e2.bin']);
    expect(await store.list('ckpt/run1')).toEqual(['ckpt/run1/e1.bin', 'ckpt/run1/e2.bin', 'ckpt/run10/e1.bin']);
    expect(await store.list('t')).toEqual(['top.txt']);
    expect(await store.list()).toEqual(['ckpt/run1/e1.bin', 'ckpt/run1/e2.bin', 'ckpt/run10/e1.bin', 'features/x.bin', 'top.txt']);
    expect(await store.list('missing/')).toEqual([]);
    expect(await store.list('top.txt/')).toEqual([]);
    expect(await store.list('.tmp/')).toEqual([]);
  });

  it('refuses keys that could escape the root or are ambiguous, with the reason', async () => {
    const escapee = `outside-${randomBytes(4).toString('hex')}`;
    const bad: [string, RegExp][] = [
      [`../${escapee}`, /'\.\.' segments/],
      [`a/../../${escapee}`, /'\.\.' segments/],
      ['/etc/passwd', /relative/],
      ['a\u0000b', /NUL/],
      ['', /non-empty/],
      ['a//b', /empty segment/],
      ['a/', /empty segment/],
      ['./a', /'\.' segments/],
      ['a\\..\\b', /'\\'/],
      ['.tmp/x', /reserved/],
    ];
    for (const [key, reason] of bad) {
      await expect(store.put(key, Buffer.from('x')), key).rejects.toThrow(InvalidArtifactKeyError);
      await expect(store.get(key), key).rejects.toThrow(reason);
      await expect(store.exists(key), key).rejects.toThrow(InvalidArtifactKeyError);
      await expect(store.delete(key), key).rejects.toThrow(InvalidArtifactKeyError);
      expect(() => store.localPath(key), key).toThrow(InvalidArtifactKeyError);
      expect(() => store.createReadStream(key), key).toThrow(InvalidArtifactKeyError);
    }
    await expect(store.list('../')).rejects.toThrow(InvalidArtifactKeyError);
    await expect(store.list('/abs')).rejects.toThrow(InvalidArtifactKeyError);
    expect(existsSync(join(root, '..', escapee))).toBe(false);
  });
});
