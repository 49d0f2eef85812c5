import { describe, expect, it } from 'vitest';
import { EMOTION_PROSODY } from './emotions';
import { finishUtterance, trimSilence } from './finishing';
import { measureProsody } from './prosody-measure';
import { mulberry32 } from './random';

const RATE = 16000;

function tone(seconds: number, amplitude = 0.3): Float32Array {
  return new Float32Array(Math.round(seconds * RATE)).map((_, n) => amplitude * Math.sin((2 * Math.PI * 150 * n) / RATE));
}

describe('trimSilence', () => {
  it('removes the quiet padding around the loud part (to 20 ms frames)', () => {
    const padded = new Float32Array(RATE);
    padded.set(tone(0.5), 0.2 * RATE);
    const trimmed = trimSilence(padded, RATE);
    expect(trimmed.length / RATE).toBeCloseTo(0.5, 1);
    expect(trimmed.length).toBeLessThan(padded.length);
  });
});

describe('finishUtterance', () => {
  it("sets the active level to the emotion's target (±1 dB variation, plus the speaker offset)", () => {
    for (const [emotion, offset] of [
      ['angry', 0],
      ['sad', 0],
      ['neutral', 2],
    ] as const) {
      const out = finishUtterance(tone(1), RATE, EMOTION_PROSODY[emotion], offset, mulberry32(1));
      const target = EMOTION_PROSODY[emotion].levelDb + offset;
      expect(Math.abs(measureProsody(out, RATE).levelDb - target)).toBeLessThanOrEqual(1.1);
    }
  });

  it('pads short speech to 1 s and cuts long speech to 3 s, with silence at both ends', () => {
    const short = finishUtterance(tone(0.2), RATE, EMOTION_PROSODY.neutral, 0, mulberry32(2));
    expect(short.length).toBeGreaterThanOrEqual(RATE);
    const long = finishUtterance(tone(5), RATE, EMOTION_PROSODY.neutral, 0, mulberry32(3));
    expect(long.length).toBeLessThanOrEqual(3 * RATE);
    for (const out of [short, long]) {
      const edge = Math.round(0.1 * RATE);
      const peak = (x: Float32Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(peak(out.subarray(0, edge))).toBeLessThan(0.01);
      expect(peak(out.subarray(out.length - edge))).toBeLessThan(0.01);
    }
  });

  it('never lets a sample reach full scale, however loud the input', () => {
    const out = finishUtterance(tone(1, 50), RATE, { ...EMOTION_PROSODY.angry, levelDb: 0 }, 0, mulberry32(4));
    expect(out.reduce((m, v) => Math.max(m, Math.abs(v)), 0)).toBeLessThan(1);
  });
});
