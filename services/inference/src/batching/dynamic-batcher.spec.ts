import { describe, expect, it } from 'vitest';
import { DynamicBatcher } from './dynamic-batcher';

describe('DynamicBatcher', () => {
  it('runs a full batch at once and answers each request with its own output', async () => {
    const batches: number[][] = [];
    const batcher = new DynamicBatcher<number, number>({ maxBatchSize: 3, maxWaitMs: 60_000, run: (xs) => (batches.push(xs), xs.map((x) => x * 10)) });
    const out = await Promise.all([1, 2, 3].map((x) => batcher.submit(x)));
    expect(out).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('runs a partial batch when its first request has waited maxWaitMs', async () => {
    const batches: number[][] = [];
    const batcher = new DynamicBatcher<number, number>({ maxBatchSize: 8, maxWaitMs: 5, run: (xs) => (batches.push(xs), xs) });
    expect(await Promise.all([batcher.submit(1), batcher.submit(2)])).toEqual([1, 2]);
    expect(batches).toEqual([[1, 2]]);
  });

  it('splits a burst into batches of at most maxBatchSize, in arrival order', async () => {
    const batches: number[][] = [];
    const batcher = new DynamicBatcher<number, number>({ maxBatchSize: 2, maxWaitMs: 60_000, run: async (xs) => (batches.push(xs), xs) });
    await Promise.all([1, 2, 3, 4, 5, 6].map((x) => batcher.submit(x)));
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  it('collects requests that arrive during a forward pass into the next batch', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const batcher = new DynamicBatcher<number, number>({
      maxBatchSize: 4,
      maxWaitMs: 0,
      run: async (xs) => {
        batches.push(xs);
        if (batches.length === 1) await gate;
        return xs;
      },
    });
    const first = batcher.submit(1);
    await new Promise((r) => setImmediate(r)); // the first pass is running
    const rest = [2, 3, 4].map((x) => batcher.submit(x));
    expect(batcher.waiting).toBe(3);
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('rejects every request of a failed batch and keeps serving', async () => {
    let fail = true;
    const batcher = new DynamicBatcher<number, number>({
      maxBatchSize: 2,
      maxWaitMs: 60_000,
      run: (xs) => {
        if (fail) throw new Error('boom');
        return xs;
      },
    });
    const results = await Promise.allSettled([batcher.submit(1), batcher.submit(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await Promise.all([batcher.submit(3), batcher.submit(4)])).toEqual([3, 4]);
  });

  it('runs up to maxConcurrentBatches batches at once, each of at most maxBatchSize', async () => {
    const started: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const batcher = new DynamicBatcher<number, number>({
      maxBatchSize: 2,
      maxWaitMs: 60_000,
      maxConcurrentBatches: 2,
      run: async (xs) => {
        started.push(xs);
        await gate;
        return xs;
      },
    });
    const all = [1, 2, 3, 4, 5, 6].map((x) => batcher.submit(x));
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([
      [1, 2],
      [3, 4],
    ]); // two passes under way, the third batch waits for a slot
    expect(batcher.waiting).toBe(2);
    release();
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(started).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  it('refuses a maxConcurrentBatches that is not a positive integer', () => {
    expect(() => new DynamicBatcher({ maxBatchSize: 1, maxWaitMs: 0, maxConcurrentBatches: 0, run: (xs) => xs })).toThrow(RangeError);
  });
});
