import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { wavDurationFromHeader } from './wav-duration';

export interface HashedFile {
  contentHash: string;
  durationSeconds?: number;
}

// Header peeks look at the first chunk only; 64 KiB holds the header of any WAV in practice.
const CHUNK_BYTES = 64 * 1024;

/** sha256 of a file, streamed chunk by chunk (constant memory), plus the WAV duration if `isWav`. */
export async function hashFile(path: string, fileSize: number, isWav: boolean): Promise<HashedFile> {
  const hash = createHash('sha256');
  let durationSeconds: number | undefined;
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const bytes = chunk as Buffer;
    if (first && isWav) durationSeconds = durationOrUndefined(bytes, fileSize);
    first = false;
    hash.update(bytes);
  }
  const contentHash = hash.digest('hex');
  return durationSeconds === undefined ? { contentHash } : { contentHash, durationSeconds };
}

// A header too broken to read a duration from is the decoder's to diagnose (truncated, bad header), not ours.
function durationOrUndefined(bytes: Buffer, fileSize: number): number | undefined {
  try {
    return wavDurationFromHeader(bytes, fileSize);
  } catch {
    return undefined;
  }
}
