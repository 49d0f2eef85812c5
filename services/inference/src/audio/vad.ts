export interface VadOptions {
  /** A frame is voiced when its RMS level is above this (dBFS). */
  thresholdDb: number;
  /** Frame length in samples; 400 = 25 ms at 16 kHz, the front end's analysis window. */
  frameSamples?: number;
}

/** Share of frames (0..1) whose RMS level is above the threshold: a plain energy voice activity detector. */
export function voicedFraction(samples: Float32Array, opts: VadOptions): number {
  const frame = opts.frameSamples ?? 400;
  const frames = Math.floor(samples.length / frame);
  if (frames === 0) return 0;
  // Compare mean squares, not dB, per frame: one log for the threshold instead of one per frame.
  const threshold = 10 ** (opts.thresholdDb / 10);
  let voiced = 0;
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let i = f * frame, end = i + frame; i < end; i++) sum += samples[i]! * samples[i]!;
    if (sum / frame > threshold) voiced++;
  }
  return voiced / frames;
}
