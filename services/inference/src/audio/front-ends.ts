// A model's front end as data, so a front-end worker thread can build the very same one without the model: the
// settings travel in a message, and the same @ser/audio code computes the same floats on either side.
import { createLogMel, createTacnFrontEnd } from '@ser/audio';

/** The features a model was trained on, from 16 kHz mono samples. */
export type FrontEndSpec =
  /** The features service's log-mel front end (DEFAULT_MEL_CONFIG, no normalisation): [frames * nMels]. */
  | { kind: 'log-mel' }
  /** The TACN front end's spectrogram segments with a run's segment hop: [segments, frames, bins]. */
  | { kind: 'tacn-segments'; segmentHopSamples: number };

export type Featurize = (samples: Float32Array) => Float32Array;

const built = new Map<string, Featurize>();

/** The front end `spec` describes, built once per thread (its window, FFT tables and filterbank are reused). */
export function frontEndOf(spec: FrontEndSpec): Featurize {
  const key = JSON.stringify(spec);
  let featurize = built.get(key);
  if (!featurize) {
    if (spec.kind === 'log-mel') {
      const logMel = createLogMel();
      featurize = (samples) => logMel.compute(samples).data;
    } else {
      const tacn = createTacnFrontEnd({ segmentHopSamples: spec.segmentHopSamples });
      featurize = (samples) => tacn.compute(samples).data;
    }
    built.set(key, featurize);
  }
  return featurize;
}

export const LOG_MEL: FrontEndSpec = { kind: 'log-mel' };
