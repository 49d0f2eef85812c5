import type { Readable } from 'node:stream';

export interface PutResult {
  key: string;
  bytes: number;
  /** Hex SHA-256 of the stored bytes, for lineage records and integrity checks. */
  sha256: string;
}

export type ArtifactData = Buffer | Uint8Array | NodeJS.ReadableStream;

/** Blobs (feature shards, checkpoints, exported models) under keys like `checkpoints/<run>/epoch-3.bin`. */
export interface ArtifactStore {
  /** Stores data under key, replacing what was there; readers see the old bytes or the new, never a mix. */
  put(key: string, data: ArtifactData): Promise<PutResult>;
  /** The whole artifact; ArtifactNotFoundError when missing. */
  get(key: string): Promise<Buffer>;
  /** length bytes from byteOffset (a feature row inside a shard); ArtifactNotFoundError when missing. */
  getRange(key: string, byteOffset: number, length: number): Promise<Buffer>;
  /**
   * Streams the artifact. When it is missing, the directory store throws ArtifactNotFoundError at once; object
   * storage learns it only from its first request and fails the stream with that error instead.
   */
  createReadStream(key: string): Readable;
  exists(key: string): Promise<boolean>;
  /** Keys starting with prefix (plain string prefix: `ckpt/run1` also matches `ckpt/run10/…`), sorted. */
  list(prefix?: string): Promise<string[]>;
  /** True when something was deleted. */
  delete(key: string): Promise<boolean>;
  /**
   * Absolute file path of key, for libraries that want a path (the file may not exist). Only the directory store
   * has one; the S3 store throws, so code that must run on both reads through get/getRange/createReadStream.
   */
  localPath(key: string): string;
}
