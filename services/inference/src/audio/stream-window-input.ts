import { resample } from '@ser/audio';
import { MODEL_RATE, sha256Hex } from './audio-input';
import { voicedFraction } from './vad';

/** A PredictStream window as the models read it, with what the handler decides and records by. */
export interface StreamWindowInput {
  /** The window at 16 kHz. */
  samples: Float32Array;
  /** SHA-256 of the window's samples at the stream's rate (its PCM as float32). */
  inputHash: string;
  /** Share of its 25 ms frames the energy VAD finds voiced (0..1). */
  voicedFraction: number;
}

/**
 * One window's CPU work, the same wherever it runs (event loop or a front-end thread): resampled to the models'
 * rate, its voiced share measured there, and its stream-rate samples hashed.
 */
export function streamWindowInput(samples: Float32Array, sampleRateHz: number, vadThresholdDb: number): StreamWindowInput {
  const resampled = resample(samples, sampleRateHz, MODEL_RATE);
  return {
    samples: resampled,
    inputHash: sha256Hex(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength)),
    voicedFraction: voicedFraction(resampled, { thresholdDb: vadThresholdDb }),
  };
}
