export interface DynamicBatcherOptions<I, O> {
  /** Most items one call of `run` gets; 1 turns batching off. */
  maxBatchSize: number;
  /** Longest the first item of a batch waits for company before the batch runs anyway (ms). */
  maxWaitMs: number;
  /**
   * Batches that may run at once (default 1). More than 1 only when forward passes run elsewhere in parallel
   * (a pool of worker threads); on one thread a second batch would only queue behind the first.
   */
  maxConcurrentBatches?: number;
  /** One forward pass: an output per item, same order. */
  run(items: I[]): O[] | Promise<O[]>;
}

interface Pending<I, O> {
  item: I;
  resolve(out: O): void;
  reject(err: unknown): void;
}

/**
 * Groups concurrent requests into one forward pass: a batch runs when it is full, or when its first request has
 * waited maxWaitMs. At most maxConcurrentBatches run at a time (one by default: in-process, the forward pass holds
 * the CPU or the accelerator anyway); what arrives meanwhile forms the next batch, so under load batches fill
 * without waiting at all.
 */
export class DynamicBatcher<I, O> {
  private queue: Pending<I, O>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running = 0;
  private readonly maxRunning: number;

  constructor(private readonly opts: DynamicBatcherOptions<I, O>) {
    if (!Number.isInteger(opts.maxBatchSize) || opts.maxBatchSize < 1)
      throw new RangeError(`maxBatchSize must be a positive integer, got ${opts.maxBatchSize}`);
    this.maxRunning = opts.maxConcurrentBatches ?? 1;
    if (!Number.isInteger(this.maxRunning) || this.maxRunning < 1)
      throw new RangeError(`maxConcurrentBatches must be a positive integer, got ${this.maxRunning}`);
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Requests waiting for a batch. */
  get waiting(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.running >= this.maxRunning || this.queue.length === 0) return; // a running batch schedules the next when it ends
    if (this.queue.length >= this.opts.maxBatchSize || this.opts.maxWaitMs <= 0) {
      clearTimeout(this.timer);
      this.timer = undefined;
      // A microtask later, so requests submitted in the same tick share the batch.
      queueMicrotask(() => void this.flush());
    } else {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, this.opts.maxWaitMs);
    }
  }

  private async flush(): Promise<void> {
    if (this.running >= this.maxRunning || this.queue.length === 0) return;
    this.running++;
    const batch = this.queue.splice(0, this.opts.maxBatchSize);
    this.schedule(); // a free slot takes the rest as its own batch
    try {
      const outputs = await this.opts.run(batch.map((p) => p.item));
      if (outputs.length !== batch.length) throw new Error(`a batch of ${batch.length} gave ${outputs.length} outputs`);
      batch.forEach((p, i) => p.resolve(outputs[i]!));
    } catch (err) {
      for (const p of batch) p.reject(err);
    } finally {
      this.running--;
      // Whoever queued during the pass has waited at least that long: run them now.
      if (this.queue.length > 0) setImmediate(() => void this.flush());
    }
  }
}
