import { describe, expect, it } from 'vitest';
import { DEFAULT_TACN_CONFIG, createTacnFrontEnd } from './tacn';

const tone = (hz: number, n: number) => Float32Array.from({ length: n }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / 16000));

describe('TACN spectrogram segments', () => {
  const fe = createTacnFrontEnd();

  it('fits 32 frames x 129 bins into each 265 ms segment with 16 ms windows every 8 ms', () => {
    expect(DEFAULT_TACN_CONFIG.segmentSamples / 16000).toBeCloseTo(0.265, 9);
    expect([fe.frames, fe.bins]).toEqual([32, 129]);
    const out = fe.compute(tone(1000, 4240));
    expect([out.segments, out.frames, out.bins]).toEqual([1, 32, 129]);
    expect(out.data.length).toBe(32 * 129);
  });

  it('makes one segment per hop of a longer signal: [segments, 32, 129]', () => {
    const n = 16000; // 1 s: 1 + floor((16000 - 4240) / 2120) = 6
    const out = fe.compute(tone(1000, n));
    expect(out.segments).toBe(6);
    expect(out.data.length).toBe(6 * 32 * 129);
    expect(createTacnFrontEnd({ segmentHopSamples: 4240 }).compute(tone(1000, n)).segments).toBe(3);
  });

  it('zero-pads a signal shorter than one segment', () => {
    const out = fe.compute(tone(1000, 1000));
    expect(out.segments).toBe(1);
    expect(out.data[31 * 129 + 16]).toBeCloseTo(Math.log(1e-6), 6); // the last frame is past the end
  });

  it('holds log-magnitudes: a 1 kHz tone peaks in bin 16 (62.5 Hz bins) of every frame', () => {
    const out = fe.compute(tone(1000, 8000));
    for (const frame of [0, 17, 31]) {
      const row = out.data.subarray(frame * 129, (frame + 1) * 129);
      expect(row.indexOf(Math.max(...row))).toBe(16);
      // Hann window, amplitude 0.5, 256 points: peak |X| = 0.5 * 256 / 4 = 32.
      expect(row[16]).toBeCloseTo(Math.log(32), 2);
    }
  });

  it('shifts segments by the segment hop', () => {
    const x = tone(700, 12000).map((v, i) => v * (i / 12000)); // rising level: segments differ
    const out = createTacnFrontEnd({ segmentHopSamples: 1280 }).compute(x);
    const frameSize = 129;
    // Segment 1 starts 1280 samples = 10 frames of 128 later, so its frame 0 is segment 0's frame 10.
    const seg1frame0 = out.data.subarray(32 * frameSize, 32 * frameSize + frameSize);
    const seg0frame10 = out.data.subarray(10 * frameSize, 11 * frameSize);
    expect(Array.from(seg1frame0)).toEqual(Array.from(seg0frame10));
  });
});
