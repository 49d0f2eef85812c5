import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeWav } from '@ser/audio';

const EMOTIONS = [
  { folder: 'Angry', f0: 260, loudness: 0.6 },
  { folder: 'Happy', f0: 220, loudness: 0.45 },
  { folder: 'Neutral', f0: 140, loudness: 0.25 },
  { folder: 'Sad', f0: 110, loudness: 0.15 },
];
export const SPEAKERS = ['SM1', 'SF2', 'SM3', 'SF4'];
const SAMPLE_RATE = 16_000;

/** A harmonic tone whose pitch and loudness follow the emotion, shifted a little per speaker and clip. */
function tone(f0: number, loudness: number, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * SAMPLE_RATE));
  for (let i = 0; i < out.length; i++) {
    const t = i / SAMPLE_RATE;
    let v = 0;
    for (let h = 1; h <= 6; h++) v += Math.sin(2 * Math.PI * f0 * h * t) / h;
    out[i] = (loudness * v) / 2;
  }
  return out;
}

/**
 * A URDU-layout corpus (`<Emotion>/<speaker>_F<k>_<E><k>.wav`) with 4 emotions x 4 speakers x `perCell` clips,
 * 16 kHz. Returns the number of files written.
 */
export async function writeFourSpeakerCorpus(root: string, perCell = 2, seconds = 0.6): Promise<number> {
  let k = 0;
  for (const [e, emotion] of EMOTIONS.entries()) {
    await mkdir(join(root, emotion.folder), { recursive: true });
    for (const [s, speaker] of SPEAKERS.entries()) {
      for (let i = 0; i < perCell; i++, k++) {
        const f0 = emotion.f0 * (1 + 0.04 * s + 0.01 * i);
        const path = `${emotion.folder}/${speaker}_F${k}_${emotion.folder[0]}${String(k).padStart(3, '0')}.wav`;
        await writeFile(join(root, path), encodeWav(tone(f0, emotion.loudness * (1 + 0.05 * ((e + s + i) % 3)), seconds), SAMPLE_RATE));
      }
    }
  }
  return k;
}
