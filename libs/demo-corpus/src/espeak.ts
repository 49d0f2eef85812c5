/**
 * The espeak-ng voice: real (formant-synthesised) English speech, so the corpus sounds like
 * speech. espeak-ng gets the emotion's pitch level, rate, loudness and pitch range on its command
 * line; the spectral balance and final level are applied afterwards like for the other voice.
 */
import { execFile } from 'node:child_process';
import { decodeWav, resample } from '@ser/audio';
import type { EmotionProsody } from './emotions';
import { trimSilence } from './finishing';
import { gaussian, type Random } from './random';
import type { DemoSpeaker } from './speakers';

/**
 * Emotionally neutral sentences, in the spirit of the fixed texts of acted corpora (CREMA-D,
 * RAVDESS, EmoDB): every emotion reads the same words, so only the voice carries the emotion.
 * Four to six words each, so even slow sad speech fits in under 3 s.
 */
export const DEMO_SENTENCES = [
  "It's eleven o'clock.",
  'That is exactly what happened.',
  "I'm on my way to the meeting.",
  'I wonder what this is about.',
  'The airplane is almost full.',
  'Maybe tomorrow it will be cold.',
  'I would like a new alarm clock.',
  'Kids are talking by the door.',
  'The surface is slick.',
  "We'll stop in a couple of minutes.",
] as const;

/** espeak-ng's default rate, words per minute: the neutral speaker's rate. */
const NEUTRAL_WORDS_PER_MINUTE = 175;

export interface EspeakRequest {
  command: string;
  voice: string;
  pitch: number;
  wordsPerMinute: number;
  amplitude: number;
  wordGap: number;
  range: EmotionProsody['espeak']['range'];
  text: string;
}

function run(command: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

/** True when `command --version` runs: the 'auto' choice of voice. */
export async function espeakAvailable(command = 'espeak-ng'): Promise<boolean> {
  try {
    await run(command, ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** The command line for one request: -m reads the SSML that carries the pitch range. */
export function espeakArguments(request: EspeakRequest): string[] {
  const ssml = `<speak><prosody range="${request.range}">${request.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</prosody></speak>`;
  return [
    '--stdout',
    '-m',
    '-v',
    request.voice,
    '-p',
    String(request.pitch),
    '-s',
    String(request.wordsPerMinute),
    '-a',
    String(request.amplitude),
    '-g',
    String(request.wordGap),
    ssml,
  ];
}

/** Runs espeak-ng; returns its speech with the silence it pads around it trimmed. */
export async function runEspeak(request: EspeakRequest): Promise<{ samples: Float32Array; sampleRate: number }> {
  // espeak-ng streams its WAV with placeholder chunk sizes; decodeWav keeps the frames present.
  const wav = decodeWav(await run(request.command, espeakArguments(request)));
  return { samples: trimSilence(wav.samples, wav.sampleRate), sampleRate: wav.sampleRate };
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));

/**
 * One utterance's speech at `sampleRate`: this speaker's voice and pitch, the emotion's offsets,
 * ±2 pitch steps and ±4 % rate of repetition variation. Re-spoken faster if it would not fit.
 */
export async function synthesizeEspeakSpeech(
  command: string,
  speaker: DemoSpeaker,
  emotion: EmotionProsody,
  text: string,
  sampleRate: number,
  maxSeconds: number,
  random: Random,
): Promise<Float32Array> {
  const request: EspeakRequest = {
    command,
    voice: speaker.espeakVoice,
    pitch: clamp(speaker.espeakPitch + emotion.espeak.pitchOffset + 2 * gaussian(random), 0, 99),
    wordsPerMinute: clamp(NEUTRAL_WORDS_PER_MINUTE * speaker.rateFactor * emotion.rateFactor * (1 + 0.04 * gaussian(random)), 80, 450),
    amplitude: emotion.espeak.amplitude,
    wordGap: emotion.espeak.wordGap,
    range: emotion.espeak.range,
    text,
  };
  let speech = await runEspeak(request);
  const seconds = speech.samples.length / speech.sampleRate;
  if (seconds > maxSeconds) {
    const faster = { ...request, wordGap: 0, wordsPerMinute: clamp((request.wordsPerMinute * seconds * 1.1) / maxSeconds, 80, 450) };
    speech = await runEspeak(faster);
  }
  return resample(speech.samples, speech.sampleRate, sampleRate);
}
