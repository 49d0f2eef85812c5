import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeWav, synthesizeTestSignal } from '@ser/audio';

const EMOTIONS = ['Angry', 'Happy', 'Neutral', 'Sad'];

/**
 * A small corpus in the URDU layout (`<Emotion>/S<G><n>_F<k>_<E><k>.wav`): `perEmotion` clips for each of
 * 4 emotions from 2 speakers, 44.1 kHz 16-bit like the real corpus. Returns the good files' relative paths.
 */
export async function writeUrduLikeCorpus(root: string, perEmotion = 2): Promise<string[]> {
  const paths: string[] = [];
  let k = 0;
  for (const emotion of EMOTIONS) {
    await mkdir(join(root, emotion), { recursive: true });
    for (let i = 0; i < perEmotion; i++, k++) {
      const speaker = i % 2 ? 'SF2' : 'SM1';
      const path = `${emotion}/${speaker}_F${k}_${emotion[0]}${String(k).padStart(3, '0')}.wav`;
      const samples = synthesizeTestSignal({ sampleRate: 44100, seconds: 0.6, seed: 100 + k });
      await writeFile(join(root, path), encodeWav(samples, 44100));
      paths.push(path);
    }
  }
  return paths;
}

/** The three bad files of the issue: a truncated WAV, an empty file and a text file named .wav. */
export async function addBadFiles(root: string): Promise<string[]> {
  const good = encodeWav(synthesizeTestSignal({ sampleRate: 16000, seconds: 0.5 }), 16000);
  await writeFile(join(root, 'Angry/SM1_F90_A090.wav'), good.subarray(0, 30)); // header cut mid-way
  await writeFile(join(root, 'Happy/SM1_F91_H091.wav'), new Uint8Array(0));
  await writeFile(join(root, 'Sad/SM1_F92_S092.wav'), 'this is a text file, not audio\n');
  return ['Angry/SM1_F90_A090.wav', 'Happy/SM1_F91_H091.wav', 'Sad/SM1_F92_S092.wav'];
}
