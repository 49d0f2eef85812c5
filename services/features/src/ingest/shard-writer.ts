import type { ArtifactStore } from '@ser/artifacts';

/** Where one utterance's features live: `<shardKey>#<byteOffset>:<floatCount>`. */
export function featureRef(shardKey: string, byteOffset: number, floats: number): string {
  return `${shardKey}#${byteOffset}:${floats}`;
}

export function parseFeatureRef(ref: string): { shardKey: string; byteOffset: number; floats: number } {
  const match = /^(.+)#(\d+):(\d+)$/.exec(ref);
  if (!match) throw new Error(`malformed feature reference '${ref}'`);
  return { shardKey: match[1]!, byteOffset: Number(match[2]), floats: Number(match[3]) };
}

/**
 * Packs utterances' float32 features into shard files of `shardSize` utterances, so a corpus of 10,000 clips is
 * ~80 files instead of 10,000, and memory holds at most one shard per feature kind.
 */
export class ShardWriter {
  private pending: Float32Array[] = [];
  private pendingBytes = 0;
  private shardIndex: number;
  private readonly flushes: Promise<unknown>[] = [];

  constructor(
    private readonly artifacts: ArtifactStore,
    /** e.g. features/<dataset>/<version>/log-mel */
    private readonly prefix: string,
    private readonly shardSize: number,
    /** Index of the first file: a work item writes only its own shard's file (see shard-extraction.ts). */
    firstShard = 0,
  ) {
    this.shardIndex = firstShard;
  }

  /** Queues features; returns the reference the utterance will be read back by. */
  add(values: Float32Array): string {
    const ref = featureRef(this.currentKey(), this.pendingBytes, values.length);
    this.pending.push(values);
    this.pendingBytes += values.byteLength;
    if (this.pending.length >= this.shardSize) this.flush();
    return ref;
  }

  /** Writes what is pending and waits for every shard written so far. */
  async close(): Promise<void> {
    if (this.pending.length) this.flush();
    await Promise.all(this.flushes);
  }

  private currentKey(): string {
    return `${this.prefix}/shard-${String(this.shardIndex).padStart(5, '0')}.f32`;
  }

  private flush(): void {
    const key = this.currentKey();
    const chunks = this.pending.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    this.pending = [];
    this.pendingBytes = 0;
    this.shardIndex++;
    this.flushes.push(this.artifacts.put(key, Buffer.concat(chunks)));
  }
}
