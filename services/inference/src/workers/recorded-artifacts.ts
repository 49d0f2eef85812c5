// A model's files, carried from the service's artifact store to a worker thread: the service records what its
// loader reads, and the worker's loader reads the same bytes back from memory. Loaders only ever get() whole files.
import { Readable } from 'node:stream';
import { ArtifactNotFoundError, type ArtifactStore } from '@ser/artifacts';
import type { ModelFiles } from './forward-messages';

/** `artifacts`, with every file read through it kept (key and bytes) in `files`. */
export function recordReads(artifacts: ArtifactStore): { store: ArtifactStore; files: ModelFiles } {
  const files: ModelFiles = [];
  const store: ArtifactStore = {
    async get(key) {
      const bytes = await artifacts.get(key);
      files.push([key, new Uint8Array(bytes)]);
      return bytes;
    },
    put: (key, data) => artifacts.put(key, data),
    getRange: (key, offset, length) => artifacts.getRange(key, offset, length),
    createReadStream: (key) => artifacts.createReadStream(key),
    exists: (key) => artifacts.exists(key),
    list: (prefix) => artifacts.list(prefix),
    delete: (key) => artifacts.delete(key),
    localPath: (key) => artifacts.localPath(key),
  };
  return { store, files };
}

/** A store that holds exactly `files` and refuses writes: what a worker's loader reads from. */
export function readOnlyArtifacts(files: ModelFiles): ArtifactStore {
  const byKey = new Map(files.map(([key, bytes]) => [key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]));
  const get = (key: string): Buffer => {
    const bytes = byKey.get(key);
    if (!bytes) throw new ArtifactNotFoundError(key);
    return bytes;
  };
  const readOnly = () => {
    throw new Error('a worker thread does not write artifacts');
  };
  return {
    get: async (key) => get(key),
    getRange: async (key, offset, length) => get(key).subarray(offset, offset + length),
    createReadStream: (key) => Readable.from([get(key)]),
    exists: async (key) => byKey.has(key),
    list: async (prefix = '') => [...byKey.keys()].filter((k) => k.startsWith(prefix)).sort(),
    put: readOnly,
    delete: readOnly,
    localPath: readOnly,
  };
}
