import { availableParallelism } from 'node:os';
import type { AudioData__Output } from '@ser/contracts';
import { GrpcError, STATUS_DETAILS_KEY } from '@ser/grpc-kit';
import type { Logger } from '@ser/logging';
import { decodeAudioInput, type AudioLimits } from '../audio/audio-input';
import { pcmToMono, type PcmEncoding } from '../audio/pcm';
import { streamWindowInput, type StreamWindowInput } from '../audio/stream-window-input';
import type { ServableModel } from '../models/model-kinds';
import type { FrontEndAnswer, FrontEndFailure, FrontEndRequestBody } from './front-end-messages';
import { WorkerPool } from './worker-pool';

const WORKER_MODULE = new URL('./front-end-worker.ts', import.meta.url);

type ModelFrontEnd = Pick<ServableModel, 'frontEnd' | 'featurize'>;

/** Where a clip's or a stream window's CPU work runs before its forward pass: decoding, then the model's front end. */
export interface ClipFrontEnd {
  /** decodeAudioInput: the clip's 16 kHz mono samples and the SHA-256 of its bytes, or the same gRPC errors. */
  decode(audio: AudioData__Output | null | undefined, limits: AudioLimits): Promise<{ samples: Float32Array; inputHash: string }>;
  /** pcmToMono: a stream's whole PCM frames as mono samples, or the same gRPC errors on `field`. */
  mixDown(bytes: Uint8Array, encoding: PcmEncoding, channels: number, field: string): Promise<Float32Array>;
  /** streamWindowInput: a stream window at 16 kHz, its hash and voiced share. */
  streamWindow(samples: Float32Array, sampleRateHz: number, vadThresholdDb: number): Promise<StreamWindowInput>;
  /** The features of `samples` that `model` reads (model.featurize's, computed wherever this front end computes). */
  featurize(model: ModelFrontEnd, samples: Float32Array): Promise<Float32Array>;
}

/** Every step on the event loop: with SER_INFERENCE_FRONTEND_WORKERS=0, and in unit tests. */
export const inProcessFrontEnd: ClipFrontEnd = {
  decode: decodeAudioInput,
  mixDown: async (bytes, encoding, channels, field) => pcmToMono(bytes, encoding, channels, field),
  streamWindow: async (samples, sampleRateHz, vadThresholdDb) => streamWindowInput(samples, sampleRateHz, vadThresholdDb),
  featurize: async (model, samples) => model.featurize(samples),
};

/**
 * Front-end threads when the config leaves it unset: one per 2 cores, 1 to 4. A clip's decode and log-mel run on one
 * core (JavaScript and a WebAssembly kernel), while TensorFlow spreads each forward pass over every core; half the
 * cores keep several clips' front ends going without starving the passes.
 */
export const defaultFrontEndWorkers = (cores = availableParallelism()): number => Math.max(1, Math.min(4, Math.floor(cores / 2)));

/** A GrpcError from a worker, as it was thrown there (code, message, reason and violations). */
function revive(failure: FrontEndFailure): Error {
  if (!failure.grpc) return new Error(failure.message);
  const err = new GrpcError(failure.grpc.code, failure.grpc.details);
  if (failure.grpc.statusDetails) err.metadata.set(STATUS_DETAILS_KEY, Buffer.from(failure.grpc.statusDetails));
  return err;
}

/**
 * Worker threads that decode clips, prepare stream windows and compute features, so that CPU work never blocks gRPC
 * handling. They are their own pool, not the forward-pass threads: a front end needs no TensorFlow and no weights
 * (small, quick-start threads), and a forward-pass thread computes one pass at a time, so a clip's front end queued
 * there would wait for the pass before it and the next batch could not form while this one computes. Workers hold
 * no state: one that dies fails its requests with UNAVAILABLE (retriable) and is replaced at once.
 */
export class FrontEndPool implements ClipFrontEnd {
  private readonly workers: WorkerPool<FrontEndRequestBody, FrontEndAnswer, FrontEndFailure>;

  constructor(size: number, logger: Logger, workerModule: URL = WORKER_MODULE) {
    this.workers = new WorkerPool({ name: 'front-end worker', size, workerModule, logger, toError: revive });
  }

  get size(): number {
    return this.workers.size;
  }

  /** Resolves once every worker is up; rejects when one died first. */
  ready(): Promise<void> {
    return this.workers.ready();
  }

  async decode(audio: AudioData__Output | null | undefined, limits: AudioLimits): Promise<{ samples: Float32Array; inputHash: string }> {
    if (!audio?.content?.length) return decodeAudioInput(audio, limits); // the empty-audio error, without a round trip
    const { samples, inputHash } = await this.workers.request({ op: 'decode', audio, limits });
    return { samples, inputHash: inputHash! };
  }

  async mixDown(bytes: Uint8Array, encoding: PcmEncoding, channels: number, field: string): Promise<Float32Array> {
    return (await this.workers.request({ op: 'mix-down', bytes, encoding, channels, field })).samples;
  }

  async streamWindow(samples: Float32Array, sampleRateHz: number, vadThresholdDb: number): Promise<StreamWindowInput> {
    const answer = await this.workers.request({ op: 'stream-window', samples, sampleRateHz, vadThresholdDb });
    return { samples: answer.samples, inputHash: answer.inputHash!, voicedFraction: answer.voicedFraction! };
  }

  async featurize(model: ModelFrontEnd, samples: Float32Array): Promise<Float32Array> {
    return (await this.workers.request({ op: 'featurize', frontEnd: model.frontEnd, samples })).samples;
  }

  /** Stops worker `index` at once and starts a fresh one, as when it crashes: how the tests crash one. */
  restartWorker(index: number): Promise<void> {
    return this.workers.restartWorker(index);
  }

  close(): Promise<void> {
    return this.workers.close();
  }
}
