import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeWav } from './wav-decode';
import { logMel } from './log-mel';
import { resample } from './resample';

export interface Throughput {
  files: number;
  /** Seconds of audio processed (at 16 kHz after resampling). */
  audioSeconds: number;
  wallSeconds: number;
  /** Audio seconds per wall second. */
  xRealtime: number;
}

/** Every .wav below dir, sorted by full path (as the torchaudio peer's sorted(rglob('*.wav'))). */
export function wavFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.toLowerCase().endsWith('.wav'))
    .map((name) => join(dir, name))
    .sort();
}

/**
 * Front-end throughput on this thread: read + decode + resample to 16 kHz + 80-dim log-mel per file,
 * the same work `mel_reference.py bench` times, so the two are comparable.
 */
export function frontEndThroughput(files: readonly string[]): Throughput {
  let samples16k = 0;
  const start = performance.now();
  for (const file of files) {
    const wav = decodeWav(readFileSync(file));
    const audio = resample(wav.samples, wav.sampleRate, 16000);
    samples16k += audio.length;
    logMel(audio);
  }
  const wallSeconds = (performance.now() - start) / 1000;
  const audioSeconds = samples16k / 16000;
  return { files: files.length, audioSeconds, wallSeconds, xRealtime: audioSeconds / wallSeconds };
}
