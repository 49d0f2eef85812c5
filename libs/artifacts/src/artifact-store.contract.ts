// The behaviour every ArtifactStore must have, run from local-artifact-store.spec.ts (a directory) and
// s3-artifact-store.spec.ts (a real S3-compatible server).
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArtifactStore } from './artifact-store';
import { ArtifactNotFoundError, InvalidArtifactKeyError } from './keys';

export interface StoreUnderTest {
  store: ArtifactStore;
  /**
   * Everything the backend holds besides the artifacts' keys too: files under the root (temp files included) for
   * the directory store; objects and unfinished multipart uploads for S3. A failed put must leave nothing here.
   */
  leftovers(): Promise<string[]>;
  dispose(): Promise<void>;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** A stream that delivers some bytes and then fails, like an upload cut off half-way. */
export function failingStream(prefix: Buffer, message: string): Readable {
  // A generator, not a destroyed PassThrough: the reader surely gets the prefix before the error.
  return Readable.from(
    (async function* () {
      yield prefix;
      throw new Error(message);
    })(),
  );
}

/** Reads a stream that may throw at once or fail on its first read, and returns the error either way. */
async function streamError(open: () => Readable): Promise<unknown> {
  try {
    await readAll(open());
  } catch (err) {
    return err;
  }
  return null;
}

export function artifactStoreContract(name: string, make: () => Promise<StoreUnderTest>): void {
  describe(`${name}: ArtifactStore contract`, () => {
    let under: StoreUnderTest;
    let store: ArtifactStore;
    beforeEach(async () => {
      under = await make();
      store = under.store;
    });
    afterEach(() => under.dispose());

    it('round-trips Buffers, Uint8Array views and streams with their size and SHA-256', async () => {
      const buffer = randomBytes(70_000);
      const backing = randomBytes(100);
      const view = new Uint8Array(backing.buffer, backing.byteOffset + 10, 50); // a view into a larger buffer
      const chunks = [randomBytes(1000), randomBytes(5000), randomBytes(3)];

      expect(await store.put('a/buffer.bin', buffer)).toEqual({ key: 'a/buffer.bin', bytes: 70_000, sha256: sha256(buffer) });
      expect(await store.put('a/view.bin', view)).toEqual({ key: 'a/view.bin', bytes: 50, sha256: sha256(view) });
      const streamed = await store.put('b/c/stream.bin', Readable.from(chunks));
      expect(streamed).toEqual({ key: 'b/c/stream.bin', bytes: 6003, sha256: sha256(Buffer.concat(chunks)) });
      expect(await store.put('empty.bin', Buffer.alloc(0))).toEqual({ key: 'empty.bin', bytes: 0, sha256: sha256(Buffer.alloc(0)) });

      expect(await store.get('a/buffer.bin')).toEqual(buffer);
      expect(await store.get('a/view.bin')).toEqual(Buffer.from(view));
      expect(await store.get('empty.bin')).toEqual(Buffer.alloc(0));
      expect(await readAll(store.createReadStream('b/c/stream.bin'))).toEqual(Buffer.concat(chunks));
      expect(await store.exists('a/buffer.bin')).toBe(true);
      expect(await store.exists('a')).toBe(false); // a "directory" is not an artifact
    });

    it('reads byte ranges, as ReadFeatures reads one utterance from a shard', async () => {
      const shard = randomBytes(4096);
      await store.put('features/c/v1/shard-0000.f32', shard);
      expect(await store.getRange('features/c/v1/shard-0000.f32', 1000, 512)).toEqual(shard.subarray(1000, 1512));
      expect(await store.getRange('features/c/v1/shard-0000.f32', 0, 1)).toEqual(shard.subarray(0, 1));
      expect(await store.getRange('features/c/v1/shard-0000.f32', 4095, 1)).toEqual(shard.subarray(4095));
      await expect(store.getRange('features/c/v1/missing.f32', 0, 4)).rejects.toBeInstanceOf(ArtifactNotFoundError);
    });

    it('streams an artifact larger than one upload part intact', async () => {
      // 9 MiB from a stream of 256 KiB chunks: past the S3 store's 8 MiB part, so a multipart upload there.
      const big = randomBytes(9 * 1024 * 1024);
      const chunks = Array.from({ length: 36 }, (_, i) => big.subarray(i * 262_144, (i + 1) * 262_144));
      expect(await store.put('checkpoints/run/epoch-0001/weights.bin', Readable.from(chunks))).toEqual({
        key: 'checkpoints/run/epoch-0001/weights.bin',
        bytes: big.length,
        sha256: sha256(big),
      });
      expect(sha256(await readAll(store.createReadStream('checkpoints/run/epoch-0001/weights.bin')))).toBe(sha256(big));
    });

    it('replaces an artifact on put and removes it on delete', async () => {
      await store.put('model.json', Buffer.from('v1'));
      await store.put('model.json', Buffer.from('version two'));
      expect((await store.get('model.json')).toString()).toBe('version two');

      expect(await store.delete('model.json')).toBe(true);
      expect(await store.delete('model.json')).toBe(false);
      expect(await store.exists('model.json')).toBe(false);
      await expect(store.get('model.json')).rejects.toBeInstanceOf(ArtifactNotFoundError);
      expect(await streamError(() => store.createReadStream('model.json'))).toBeInstanceOf(ArtifactNotFoundError);
    });

    it('a failed stream leaves nothing behind, and an existing artifact untouched', async () => {
      await expect(store.put('ckpt/run/epoch-1.bin', failingStream(randomBytes(4096), 'upload cut'))).rejects.toThrow('upload cut');
      expect(await store.exists('ckpt/run/epoch-1.bin')).toBe(false);
      expect(await under.leftovers()).toEqual([]);

      const good = randomBytes(2048);
      await store.put('ckpt/run/epoch-2.bin', good);
      await expect(store.put('ckpt/run/epoch-2.bin', failingStream(randomBytes(10), 'again'))).rejects.toThrow('again');
      // Cut off after a whole upload part: the S3 store has begun a multipart upload, which must be aborted.
      await expect(store.put('ckpt/run/epoch-2.bin', failingStream(randomBytes(9 * 1024 * 1024), 'late'))).rejects.toThrow('late');
      expect(await store.get('ckpt/run/epoch-2.bin')).toEqual(good);
      expect(await under.leftovers()).toEqual(['ckpt/run/epoch-2.bin']);
    });

    it('concurrent writers of one key leave exactly one complete version', async () => {
      const versions = Array.from({ length: 5 }, () => randomBytes(256 * 1024));
      const results = await Promise.all(versions.map((v) => store.put('shared/shard.bin', Readable.from([v.subarray(0, 1000), v.subarray(1000)]))));
      const stored = await store.get('shared/shard.bin');
      expect(results.map((r) => r.sha256)).toContain(sha256(stored));
      expect(versions.some((v) => v.equals(stored))).toBe(true);
      expect(await under.leftovers()).toEqual(['shared/shard.bin']);
    });

    it('lists keys by string prefix, sorted', async () => {
      for (const key of ['ckpt/run10/e1.bin', 'ckpt/run1/e2.bin', 'ckpt/run1/e1.bin', 'features/x.bin', 'top.txt']) {
        await store.put(key, Buffer.from(key));
      }
      expect(await store.list('ckpt/run1/')).toEqual(['ckpt/run1/e1.bin', 'ckpt/run1/e2.bin']);
      expect(await store.list('ckpt/run1')).toEqual(['ckpt/run1/e1.bin', 'ckpt/run1/e2.bin', 'ckpt/run10/e1.bin']);
      expect(await store.list('t')).toEqual(['top.txt']);
      expect(await store.list()).toEqual(['ckpt/run1/e1.bin', 'ckpt/run1/e2.bin', 'ckpt/run10/e1.bin', 'features/x.bin', 'top.txt']);
      expect(await store.list('missing/')).toEqual([]);
      expect(await store.list('top.txt/')).toEqual([]);
      expect(await store.list('.tmp/')).toEqual([]);
    });

    it('refuses keys that could escape the root or are ambiguous, with the reason', async () => {
      const bad: [string, RegExp][] = [
        ['../outside', /'\.\.' segments/],
        ['a/../../outside', /'\.\.' segments/],
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
        await expect(store.getRange(key, 0, 1), key).rejects.toThrow(InvalidArtifactKeyError);
        await expect(store.exists(key), key).rejects.toThrow(InvalidArtifactKeyError);
        await expect(store.delete(key), key).rejects.toThrow(InvalidArtifactKeyError);
        expect(() => store.localPath(key), key).toThrow(InvalidArtifactKeyError);
        expect(() => store.createReadStream(key), key).toThrow(InvalidArtifactKeyError);
      }
      await expect(store.list('../')).rejects.toThrow(InvalidArtifactKeyError);
      await expect(store.list('/abs')).rejects.toThrow(InvalidArtifactKeyError);
      expect(await under.leftovers()).toEqual([]);
    });
  });
}
