import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ArtifactData, ArtifactStore, PutResult } from './artifact-store';
import { ArtifactNotFoundError, assertValidKey, assertValidPrefix, TEMP_DIR } from './keys';

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Artifacts as files under rootDir (a local directory, or a volume shared by the pods of a cluster).
 * A write goes to rootDir/.tmp, is fsynced, then renamed into place: rename is atomic on one file system,
 * so a crash or a failed upload never leaves a half-written checkpoint under its key.
 */
export function createLocalArtifactStore(rootDir: string): ArtifactStore {
  const root = resolve(rootDir);
  const tempDir = join(root, TEMP_DIR);
  mkdirSync(tempDir, { recursive: true });

  const pathOf = (key: string) => {
    assertValidKey(key);
    return join(root, key);
  };

  async function writeTemp(data: ArtifactData): Promise<{ tempPath: string; bytes: number; sha256: string }> {
    const tempPath = join(tempDir, `${process.pid}-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let bytes = 0;
    const source = isBinary(data) ? Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]) : data;
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Buffer | string>) {
          for await (const chunk of chunks) {
            const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
            hash.update(buf);
            bytes += buf.length;
            yield buf;
          }
        },
        createWriteStream(tempPath, { flags: 'wx' }),
      );
      // Without it a power cut after the rename could leave a renamed but empty file.
      const file = await open(tempPath, 'r');
      await file.sync().finally(() => file.close());
    } catch (err) {
      await rm(tempPath, { force: true });
      throw err;
    }
    return { tempPath, bytes, sha256: hash.digest('hex') };
  }

  return {
    async put(key, data): Promise<PutResult> {
      const target = pathOf(key);
      const { tempPath, bytes, sha256 } = await writeTemp(data);
      try {
        mkdirSync(dirname(target), { recursive: true });
        await rename(tempPath, target);
      } catch (err) {
        await rm(tempPath, { force: true });
        throw err;
      }
      return { key, bytes, sha256 };
    },

    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (err) {
        if (isMissing(err)) throw new ArtifactNotFoundError(key);
        throw err;
      }
    },

    async getRange(key, byteOffset, length) {
      let file;
      try {
        file = await open(pathOf(key), 'r');
      } catch (err) {
        if (isMissing(err)) throw new ArtifactNotFoundError(key);
        throw err;
      }
      try {
        const bytes = Buffer.alloc(length);
        const { bytesRead } = await file.read(bytes, 0, length, byteOffset);
        return bytes.subarray(0, bytesRead);
      } finally {
        await file.close();
      }
    },

    createReadStream(key) {
      const path = pathOf(key);
      if (!existsSync(path)) throw new ArtifactNotFoundError(key);
      return createReadStream(path);
    },

    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch (err) {
        if (isMissing(err)) return false;
        throw err;
      }
    },

    async list(prefix = '') {
      assertValidPrefix(prefix);
      // Walk only the deepest directory the prefix names in full, then filter by the whole prefix.
      const base = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
      const keys: string[] = [];
      if (base !== TEMP_DIR) await walk(root, base, keys);
      return keys.filter((k) => k.startsWith(prefix)).sort();
    },

    async delete(key) {
      const path = pathOf(key);
      try {
        if (!(await stat(path)).isFile()) return false;
      } catch (err) {
        if (isMissing(err)) return false;
        throw err;
      }
      await rm(path, { force: true });
      return true;
    },

    localPath: pathOf,
  };
}

function isBinary(data: ArtifactData): data is Buffer | Uint8Array {
  return data instanceof Uint8Array;
}

async function walk(root: string, relDir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(join(root, relDir), { withFileTypes: true });
  } catch (err) {
    if (isMissing(err) || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return;
    throw err;
  }
  for (const entry of entries) {
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    if (rel === TEMP_DIR) continue;
    if (entry.isDirectory()) await walk(root, rel, out);
    else if (entry.isFile()) out.push(rel);
  }
}
