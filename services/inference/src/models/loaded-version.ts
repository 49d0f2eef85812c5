import { DynamicBatcher } from '../batching/dynamic-batcher';
import type { InferenceMetrics } from '../inference-metrics';
import type { ServableModel } from './model-kinds';

export interface BatchingSettings {
  maxBatchSize: number;
  maxBatchWaitMs: number;
  /** Batches in flight at once: the number of forward-pass worker threads, 1 in-process. */
  maxConcurrentBatches?: number;
}

/**
 * One model version in memory: the model, its request batcher and its counters. Leases count the requests
 * using it, so a version an alias moved away from is disposed only after its last in-flight request.
 */
export class LoadedVersion {
  readonly loadedAt = Date.now();
  warm = false;
  predictionsServed = 0;
  readonly batchesBySize = new Map<number, number>();
  /** Set by the host when nothing may acquire it any more; disposed when the last lease ends. */
  retired = false;
  private inFlight = 0;
  private disposed = false;
  private readonly batcher: DynamicBatcher<Float32Array, number[]>;
  private readonly observed: { batchSize(n: number): void; latency(seconds: number): void; warmup(seconds: number): void };

  constructor(
    readonly name: string,
    readonly version: number,
    /** models.id in the store, which prediction records point at. */
    readonly versionId: string,
    readonly model: ServableModel,
    batching: BatchingSettings,
    metrics?: InferenceMetrics,
  ) {
    const labels = { model_name: name, model_version: String(version) };
    this.observed = {
      batchSize: (n) => metrics?.batchSize.observe(labels, n),
      latency: (seconds) => metrics?.predictionSeconds.observe(labels, seconds),
      warmup: (seconds) => metrics?.modelWarmupSeconds.observe(labels, seconds),
    };
    this.batcher = new DynamicBatcher({
      maxBatchSize: batching.maxBatchSize,
      maxWaitMs: batching.maxBatchWaitMs,
      maxConcurrentBatches: batching.maxConcurrentBatches,
      run: (inputs) => this.forward(inputs),
    });
  }

  /** Class probabilities of one input, sharing a forward pass with concurrent requests. */
  predictOne(input: Float32Array): Promise<number[]> {
    return this.batcher.submit(input);
  }

  /** One forward pass over `inputs` (already a batch), counted by size. */
  async forward(inputs: readonly Float32Array[]): Promise<number[][]> {
    const out = await this.model.predict(inputs);
    this.batchesBySize.set(inputs.length, (this.batchesBySize.get(inputs.length) ?? 0) + 1);
    this.predictionsServed += inputs.length;
    this.observed.batchSize(inputs.length);
    return out;
  }

  /** Counts one answered prediction's latency (ms, as Prediction.latencyMs) for this version. */
  observeLatency(ms: number): void {
    this.observed.latency(ms / 1000);
  }

  /** Runs one prediction on a quiet clip so the first real request does not pay for kernel set-up. */
  async warmUp(seconds: number): Promise<void> {
    const started = performance.now();
    const samples = new Float32Array(Math.max(1, Math.round(seconds * 16000)));
    for (let i = 0; i < samples.length; i++) samples[i] = 0.01 * Math.sin((2 * Math.PI * 220 * i) / 16000);
    await this.model.predict([this.model.featurize(samples)]);
    this.warm = true;
    this.observed.warmup((performance.now() - started) / 1000);
  }

  acquire(): void {
    this.inFlight++;
  }

  release(): void {
    this.inFlight--;
    this.disposeIfIdle();
  }

  retire(): void {
    this.retired = true;
    this.disposeIfIdle();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  private disposeIfIdle(): void {
    if (!this.retired || this.inFlight > 0 || this.disposed) return;
    this.disposed = true;
    this.model.dispose();
  }
}
