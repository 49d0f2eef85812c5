import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { AudioData__Output } from '@ser/contracts';
import { GrpcError, STATUS_DETAILS_KEY, unavailable } from '@ser/grpc-kit';
import type { Logger } from '@ser/logging';
import { createWorker } from '@ser/runtime';
import { decodeAudioInput, type AudioLimits } from '../audio/audio-input';
import type { ServableModel } from '../models/model-kinds';
import type { FrontEndReply, FrontEndRequest } from './front-end-messages';

const WORKER_MODULE = new URL('./front-end-worker.ts', import.meta.url);

type ModelFrontEnd = Pick<ServableModel, 'frontEnd' | 'featurize'>;

/** Where a clip's CPU work runs before its forward pass: decoding, then the model's front end. */
export interface ClipFrontEnd {
  /** decodeAudioInput: the clip's 16 kHz mono samples and the SHA-256 of its bytes, or the same gRPC errors. */
  decode(audio: AudioData__Output | null | undefined, limits: AudioLimits): Promise<{ samples: Float32Array; inputHash: string }>;
  /** The features of `samples` that `model` reads (model.featurize's, computed wherever this front end computes). */
  featurize(model: ModelFrontEnd, samples: Float32Array): Promise<Float32Array>;
}

/** Both steps on the event loop: with SER_INFERENCE_FRONTEND_WORKERS=0, and in unit tests. */
export const inProcessFrontEnd: ClipFrontEnd = {
  decode: decodeAudioInput,
  featurize: async (model, samples) => model.featurize(samples),
};

/**
 * Front-end threads when the config leaves it unset: one per 2 cores, 1 to 4. A clip's decode and log-mel run on one
 * core (JavaScript and a WebAssembly kernel), while TensorFlow spreads each forward pass over every core; half the
 * cores keep several clips' front ends going without starving the passes.
 */
export const defaultFrontEndWorkers = (cores = availableParallelism()): number => Math.max(1, Math.min(4, Math.floor(cores / 2)));

interface Pending {
  resolve(reply: { samples: Float32Array; inputHash?: string }): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  ready: Promise<void>;
}

/** A GrpcError from a worker, as it was thrown there (code, message, reason and violations). */
function revive(reply: Extract<FrontEndReply, { ok: false }>): Error {
  if (!reply.grpc) return new Error(reply.message);
  const err = new GrpcError(reply.grpc.code, reply.grpc.details);
  if (reply.grpc.statusDetails) err.metadata.set(STATUS_DETAILS_KEY, Buffer.from(reply.grpc.statusDetails));
  return err;
}

/**
 * Worker threads that decode clips and compute features, so a batch's CPU work never blocks gRPC handling. They are
 * their own pool, not the forward-pass threads: a front end needs no TensorFlow and no weights (small, quick-start
 * threads), and a forward-pass thread computes one pass at a time, so a clip's front end queued there would wait for
 * the pass before it and the next batch could not form while this one computes. A request goes to the thread with the
 * fewest unanswered requests. Workers hold no state: one that dies fails its requests with UNAVAILABLE (retriable)
 * and is replaced at once.
 */
export class FrontEndPool implements ClipFrontEnd {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closing = false;

  constructor(
    size: number,
    private readonly logger: Logger,
    private readonly workerModule: URL = WORKER_MODULE,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a front-end pool needs at least one worker, got ${size}`);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn(i));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Resolves once every worker is up; rejects when one died first. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  async decode(audio: AudioData__Output | null | undefined, limits: AudioLimits): Promise<{ samples: Float32Array; inputHash: string }> {
    if (!audio?.content?.length) return decodeAudioInput(audio, limits); // the empty-audio error, without a round trip
    const { samples, inputHash } = await this.send({ op: 'decode', audio, limits });
    return { samples, inputHash: inputHash! };
  }

  async featurize(model: ModelFrontEnd, samples: Float32Array): Promise<Float32Array> {
    return (await this.send({ op: 'featurize', frontEnd: model.frontEnd, samples })).samples;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private send(request: FrontEndRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never): Promise<{ samples: Float32Array; inputHash?: string }> {
    const slot = this.slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ ...request, id } as FrontEndRequest); // samples are copied: the caller keeps its own
    });
  }

  private spawn(index: number): Slot {
    const worker = createWorker(this.workerModule);
    let started!: () => void;
    let failed!: (err: Error) => void;
    const ready = new Promise<void>((resolve, reject) => ((started = resolve), (failed = reject)));
    ready.catch(() => undefined); // observed by ready(); a later crash must not be unhandled
    const slot: Slot = { worker, pending: new Map(), ready };
    let up = false;
    let lastError: Error | undefined;
    worker.on('message', (m: FrontEndReply) => {
      if ('op' in m) return ((up = true), started());
      const waiting = slot.pending.get(m.id);
      slot.pending.delete(m.id);
      if (m.ok) waiting?.resolve(m);
      else waiting?.reject(revive(m));
    });
    worker.on('error', (err) => (lastError = err));
    worker.on('exit', (code) => {
      const why = `front-end worker ${index} stopped (exit code ${code}${lastError ? `: ${lastError.message}` : ''})`;
      failed(new Error(why));
      for (const waiting of slot.pending.values()) waiting.reject(unavailable(`${why}; retry the request`));
      slot.pending.clear();
      if (this.closing || !up) return; // one that never started would fail again; ready() reports it
      this.logger.error({ worker: index, code, err: lastError?.message }, 'front-end worker stopped; starting a fresh one');
      this.slots[index] = this.spawn(index);
    });
    return slot;
  }
}
