// What the inference service and its front-end worker threads say to each other: a clip's bytes to decode, a
// stream's PCM chunk to mix down or its window to prepare, or samples to turn into a model's features. Every request
// carries an id and gets exactly one reply with that id.
import type { AudioData__Output } from '@ser/contracts';
import type { AudioLimits } from '../audio/audio-input';
import type { FrontEndSpec } from '../audio/front-ends';
import type { PcmEncoding } from '../audio/pcm';

export type FrontEndRequest =
  | { id: number; op: 'decode'; audio: AudioData__Output; limits: AudioLimits }
  | { id: number; op: 'mix-down'; bytes: Uint8Array; encoding: PcmEncoding; channels: number; field: string }
  | { id: number; op: 'stream-window'; samples: Float32Array; sampleRateHz: number; vadThresholdDb: number }
  | { id: number; op: 'featurize'; frontEnd: FrontEndSpec; samples: Float32Array };

/** A request before the pool numbers it. */
export type FrontEndRequestBody = FrontEndRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** A GrpcError as it crosses threads: its code, message and encoded rich-status trailer (reason, violations). */
export interface CarriedGrpcError {
  code: number;
  details: string;
  statusDetails?: Uint8Array;
}

/** A successful reply's payload: samples (decoded, mixed down, resampled or features) and what else the op gives. */
export interface FrontEndAnswer {
  samples: Float32Array;
  inputHash?: string;
  voicedFraction?: number;
}

export interface FrontEndFailure {
  message: string;
  grpc?: CarriedGrpcError;
}

export type FrontEndReply = { op: 'ready' } | ({ id: number; ok: true } & FrontEndAnswer) | ({ id: number; ok: false } & FrontEndFailure);
