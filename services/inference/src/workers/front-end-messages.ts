// What the inference service and its front-end worker threads say to each other: a clip's bytes to decode, or
// samples to turn into a model's features. Every request carries an id and gets exactly one reply with that id.
import type { AudioData__Output } from '@ser/contracts';
import type { AudioLimits } from '../audio/audio-input';
import type { FrontEndSpec } from '../audio/front-ends';

export type FrontEndRequest =
  | { id: number; op: 'decode'; audio: AudioData__Output; limits: AudioLimits }
  | { id: number; op: 'featurize'; frontEnd: FrontEndSpec; samples: Float32Array };

/** A GrpcError as it crosses threads: its code, message and encoded rich-status trailer (reason, violations). */
export interface CarriedGrpcError {
  code: number;
  details: string;
  statusDetails?: Uint8Array;
}

export type FrontEndReply =
  | { op: 'ready' }
  | { id: number; ok: true; samples: Float32Array; inputHash?: string }
  | { id: number; ok: false; message: string; grpc?: CarriedGrpcError };
