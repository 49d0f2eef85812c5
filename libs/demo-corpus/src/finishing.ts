/**
 * What both voices share after synthesis: the emotion's spectral balance and loudness, then
 * the recording frame — leading/trailing silence over a faint noise floor, 1-3 s in all.
 */
import type { EmotionProsody } from './emotions';
import { highShelf } from './filters';
import { uniform, type Random } from './random';

const FRAME_SECONDS = 0.02;
/** Frames within this many dB of the loudest count as speech when measuring the level. */
const ACTIVE_RANGE_DB = 35;
/** Room/microphone noise floor, dBFS RMS: quiet, but never digital silence (log-mel stays finite). */
const NOISE_FLOOR_DB = -66;
/** Soft limiting starts here, so loud angry peaks bend instead of clipping. */
const LIMIT_THRESHOLD = 0.85;
/** Each file's length, seconds (the task's 1.0-3.0 s, with a margin for rounding). */
export const UTTERANCE_SECONDS = { min: 1.0, max: 3.0 } as const;
const SILENCE_SECONDS = { lead: [0.12, 0.3], trail: [0.15, 0.35] } as const;
/** The longest speech that still fits with the shortest silences; longer speech is cut. */
export const MAX_SPEECH_SECONDS = UTTERANCE_SECONDS.max - SILENCE_SECONDS.lead[0] - SILENCE_SECONDS.trail[0];

function frameRms(samples: Float32Array, sampleRate: number): number[] {
  const size = Math.max(1, Math.round(FRAME_SECONDS * sampleRate));
  const rms: number[] = [];
  for (let start = 0; start < samples.length; start += size) {
    const end = Math.min(samples.length, start + size);
    let sum = 0;
    for (let i = start; i < end; i++) sum += samples[i]! * samples[i]!;
    rms.push(Math.sqrt(sum / (end - start)));
  }
  return rms;
}

/** RMS over the speech frames only (within ACTIVE_RANGE_DB of the loudest), so pauses do not dilute it. */
export function activeRms(samples: Float32Array, sampleRate: number): number {
  const rms = frameRms(samples, sampleRate);
  const floor = Math.max(...rms, 0) * 10 ** (-ACTIVE_RANGE_DB / 20);
  const active = rms.filter((r) => r > floor && r > 0);
  if (active.length === 0) return 0;
  return Math.sqrt(active.reduce((sum, r) => sum + r * r, 0) / active.length);
}

/** Drops leading and trailing frames more than `rangeDb` below the loudest (espeak-ng pads its output). */
export function trimSilence(samples: Float32Array, sampleRate: number, rangeDb = 45): Float32Array {
  const size = Math.max(1, Math.round(FRAME_SECONDS * sampleRate));
  const rms = frameRms(samples, sampleRate);
  const floor = Math.max(...rms, 0) * 10 ** (-rangeDb / 20);
  const first = rms.findIndex((r) => r > floor);
  if (first < 0) return samples;
  const last = rms.length - 1 - [...rms].reverse().findIndex((r) => r > floor);
  return samples.subarray(first * size, Math.min(samples.length, (last + 1) * size));
}

function softLimit(x: number): number {
  const magnitude = Math.abs(x);
  if (magnitude <= LIMIT_THRESHOLD) return x;
  const headroom = 1 - LIMIT_THRESHOLD;
  return Math.sign(x) * (LIMIT_THRESHOLD + headroom * Math.tanh((magnitude - LIMIT_THRESHOLD) / headroom));
}

/** 5 ms raised-cosine fades, so the cut edges of the speech do not click. */
function fadeEdges(samples: Float32Array, sampleRate: number): void {
  const fade = Math.min(Math.floor(samples.length / 2), Math.round(0.005 * sampleRate));
  for (let i = 0; i < fade; i++) {
    const gain = 0.5 - 0.5 * Math.cos((Math.PI * i) / fade);
    samples[i]! *= gain;
    samples[samples.length - 1 - i]! *= gain;
  }
}

/**
 * Applies the emotion's tilt and level (plus the speaker's offset and ±1 dB of repetition
 * variation), limits, and frames the speech in silence. Speech longer than fits is cut.
 */
export function finishUtterance(speech: Float32Array, sampleRate: number, emotion: EmotionProsody, levelOffsetDb: number, random: Random): Float32Array {
  const maxSpeech = Math.floor(MAX_SPEECH_SECONDS * sampleRate);
  const shaped = highShelf(speech.subarray(0, maxSpeech), sampleRate, emotion.highShelfDb);
  const level = activeRms(shaped, sampleRate);
  const targetDb = emotion.levelDb + levelOffsetDb + uniform(random, -1, 1);
  const gain = level > 0 ? 10 ** (targetDb / 20) / level : 0;
  for (let i = 0; i < shaped.length; i++) shaped[i]! *= gain;
  fadeEdges(shaped, sampleRate);

  let lead = Math.round(uniform(random, ...SILENCE_SECONDS.lead) * sampleRate);
  let trail = Math.round(uniform(random, ...SILENCE_SECONDS.trail) * sampleRate);
  const short = Math.ceil(UTTERANCE_SECONDS.min * sampleRate) - (lead + shaped.length + trail);
  if (short > 0) {
    lead += Math.floor(short / 2);
    trail += Math.ceil(short / 2);
  }
  // Too long: shorten the silences (never below their minimums, which maxSpeech leaves room for).
  const excess = lead + shaped.length + trail - Math.floor(UTTERANCE_SECONDS.max * sampleRate);
  if (excess > 0) {
    const fromTrail = Math.min(excess, trail - Math.round(SILENCE_SECONDS.trail[0] * sampleRate));
    trail -= fromTrail;
    lead -= excess - fromTrail;
  }
  const out = new Float32Array(lead + shaped.length + trail);
  out.set(shaped, lead);
  // Uniform noise with RMS 10^(dB/20): amplitude sqrt(3) times that.
  const floor = Math.sqrt(3) * 10 ** (NOISE_FLOOR_DB / 20);
  for (let i = 0; i < out.length; i++) out[i] = softLimit(out[i]! + floor * (2 * random() - 1));
  return out;
}
