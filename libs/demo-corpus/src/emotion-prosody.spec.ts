/**
 * The corpus must carry its emotions: angry and sad utterances of the same speaker differ in
 * F0, level and spectral balance the way EMOTION_PROSODY says. These checks fail if the emotion
 * rows are made equal (or swapped), whatever the random draws.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWav } from '@ser/audio';
import { generateDemoCorpus } from './generate';
import { measureProsody } from './prosody-measure';
import { demoSpeakers } from './speakers';

const PER_EMOTION = 4;
let outDir = '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'demo-corpus-emotions-'));
  await generateDemoCorpus({ outDir, speakers: 2, utterancesPerEmotion: PER_EMOTION, emotions: ['angry', 'sad'], useEspeak: false });
});
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** RMS of the first difference over RMS of the signal: rises with the share of high-frequency energy. */
function brightness(x: Float32Array): number {
  let diff = 0;
  let power = 0;
  for (let i = 1; i < x.length; i++) {
    diff += (x[i]! - x[i - 1]!) ** 2;
    power += x[i]! ** 2;
  }
  return Math.sqrt(diff / power);
}

async function measure(folder: string, speakerIndex: number, firstNumber: number) {
  const speaker = demoSpeakers(2)[speakerIndex]!;
  const files = Array.from({ length: PER_EMOTION }, (_, i) => `${folder}/${speaker.id}_${speaker.gender}_${String(firstNumber + i).padStart(3, '0')}.wav`);
  const measures = await Promise.all(
    files.map(async (file) => {
      const wav = decodeWav(await readFile(join(outDir, file)));
      return { ...measureProsody(wav.samples, wav.sampleRate), brightness: brightness(wav.samples) };
    }),
  );
  const mean = (pick: (m: (typeof measures)[number]) => number) => measures.reduce((sum, m) => sum + pick(m), 0) / measures.length;
  return { f0: mean((m) => m.meanF0Hz), levelDb: mean((m) => m.levelDb), brightness: mean((m) => m.brightness), baseF0: speaker.baseF0Hz };
}

describe.each([
  [0, 'male'],
  [1, 'female'],
])('source-filter voice, speaker %d (%s)', (speakerIndex) => {
  it('angry has a clearly higher mean F0 than sad (> 3 semitones), around the speaker base', async () => {
    const angry = await measure('Angry', speakerIndex, 1);
    const sad = await measure('Sad', speakerIndex, PER_EMOTION + 1);
    expect(12 * Math.log2(angry.f0 / sad.f0)).toBeGreaterThan(3);
    expect(angry.f0).toBeGreaterThan(angry.baseF0);
    expect(sad.f0).toBeLessThan(angry.baseF0);
  });

  it('angry is louder (> 6 dB) and brighter than sad', async () => {
    const angry = await measure('Angry', speakerIndex, 1);
    const sad = await measure('Sad', speakerIndex, PER_EMOTION + 1);
    expect(angry.levelDb - sad.levelDb).toBeGreaterThan(6);
    expect(angry.brightness).toBeGreaterThan(1.2 * sad.brightness);
  });
});

describe('speakers differ by gender', () => {
  it("the female speaker's F0 is > 1.4x the male speaker's in the same emotion", async () => {
    const male = await measure('Sad', 0, PER_EMOTION + 1);
    const female = await measure('Sad', 1, PER_EMOTION + 1);
    expect(female.f0 / male.f0).toBeGreaterThan(1.4);
  });
});
