/**
 * Turns planned segments into smooth control tracks sampled every 2 ms: formants glide between
 * targets (coarticulation), source levels ramp, and F0 follows accents, declination and the
 * emotion's final movement.
 */
import type { EmotionProsody } from './emotions';
import { gaussian, uniform, type Random } from './random';
import type { DemoSpeaker } from './speakers';
import type { Segment } from './utterance-plan';

export const CONTROL_SECONDS = 0.002;

/** Smoothing windows, seconds: ~30 ms formant transitions (Kent & Read 2002), 6 ms level ramps, 80 ms F0. */
const SMOOTHING = { formants: 0.03, levels: 0.006, f0: 0.08 } as const;
/** F0 falls ~2 semitones over a declarative utterance (declination; 't Hart et al. 1990). */
const DECLINATION_SEMITONES = 2;
/** The final movement spreads over the last 250 ms (the nuclear tone's span). */
const FINAL_SECONDS = 0.25;

export interface ControlTracks {
  hopSamples: number;
  frames: number;
  formants: [Float32Array, Float32Array, Float32Array, Float32Array];
  voicing: Float32Array;
  aspiration: Float32Array;
  frication: Float32Array;
  noiseHz: Float32Array;
  noiseBandwidthHz: Float32Array;
  f0Hz: Float32Array;
}

/** Centred moving average of `radius` frames each side (edges use what exists). */
function smooth(track: Float32Array, radius: number): Float32Array {
  if (radius < 1) return track;
  const out = new Float32Array(track.length);
  let sum = 0;
  let count = 0;
  let lo = 0;
  let hi = -1;
  for (let i = 0; i < track.length; i++) {
    while (hi < Math.min(track.length - 1, i + radius)) {
      sum += track[++hi]!;
      count++;
    }
    while (lo < i - radius) {
      sum -= track[lo++]!;
      count--;
    }
    out[i] = sum / count;
  }
  return out;
}

function radiusFrames(seconds: number): number {
  return Math.round(seconds / CONTROL_SECONDS / 2);
}

export function buildControlTracks(
  segments: readonly Segment[],
  speaker: DemoSpeaker,
  emotion: EmotionProsody,
  sampleRate: number,
  random: Random,
): ControlTracks {
  const hopSamples = Math.max(1, Math.round(sampleRate * CONTROL_SECONDS));
  const speechSeconds = segments.reduce((sum, s) => sum + s.seconds, 0);
  const frames = Math.ceil((speechSeconds * sampleRate) / hopSamples) + 2;
  const step = () => new Float32Array(frames);
  const formants: ControlTracks['formants'] = [step(), step(), step(), step()];
  const [voicing, aspiration, frication, noiseHz, noiseBandwidthHz, accent] = [step(), step(), step(), step(), step(), step()];

  let segmentIndex = 0;
  let segmentEnd = segments[0]?.seconds ?? 0;
  for (let k = 0; k < frames; k++) {
    const t = (k * hopSamples) / sampleRate;
    while (t >= segmentEnd && segmentIndex < segments.length - 1) segmentEnd += segments[++segmentIndex]!.seconds;
    const s = segments[segmentIndex]!;
    const past = t >= speechSeconds; // the tail frames after the last segment are silent
    for (let f = 0; f < 4; f++) formants[f]![k] = s.formants[f]!;
    voicing[k] = past ? 0 : s.voicing;
    aspiration[k] = past ? 0 : s.aspiration;
    frication[k] = past ? 0 : s.frication;
    noiseHz[k] = s.noiseHz;
    noiseBandwidthHz[k] = s.noiseBandwidthHz;
    accent[k] = s.accentSemitones;
  }

  // F0 in semitones above the speaker's base: emotion level + a per-utterance offset + smoothed
  // accents + declination + the final fall/rise + a slow drift so no two utterances are flat alike.
  const levelSemitones = emotion.pitchShiftSemitones + 0.6 * gaussian(random);
  const accents = smooth(accent, radiusFrames(SMOOTHING.f0));
  const drift = [uniform(random, 0, 2 * Math.PI), uniform(random, 0, 2 * Math.PI)];
  const f0Hz = step();
  for (let k = 0; k < frames; k++) {
    const t = (k * hopSamples) / sampleRate;
    const toEnd = speechSeconds - t;
    const final = toEnd < FINAL_SECONDS ? emotion.finalMovementSemitones * (1 - Math.max(0, toEnd) / FINAL_SECONDS) : 0;
    const wobble = 0.3 * Math.sin(2 * Math.PI * 0.7 * t + drift[0]!) + 0.2 * Math.sin(2 * Math.PI * 1.9 * t + drift[1]!);
    const semitones = levelSemitones + accents[k]! - (DECLINATION_SEMITONES * t) / speechSeconds + final + wobble;
    f0Hz[k] = speaker.baseF0Hz * 2 ** (semitones / 12);
  }

  const formantRadius = radiusFrames(SMOOTHING.formants);
  const levelRadius = radiusFrames(SMOOTHING.levels);
  return {
    hopSamples,
    frames,
    formants: [smooth(formants[0], formantRadius), smooth(formants[1], formantRadius), smooth(formants[2], formantRadius), smooth(formants[3], formantRadius)],
    voicing: smooth(voicing, levelRadius),
    aspiration: smooth(aspiration, levelRadius),
    frication: smooth(frication, levelRadius),
    noiseHz,
    noiseBandwidthHz,
    f0Hz,
  };
}
