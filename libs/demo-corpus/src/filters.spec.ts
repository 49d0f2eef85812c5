import { describe, expect, it } from 'vitest';
import { BandPass, Resonator, highShelf } from './filters';

const RATE = 16000;

function sine(hz: number, samples = RATE): Float32Array {
  return new Float32Array(samples).map((_, n) => Math.sin((2 * Math.PI * hz * n) / RATE));
}

/** Steady-state RMS gain of a per-sample filter on a sine (the first half is the transient). */
function gainAt(process: (x: number) => number, hz: number): number {
  const input = sine(hz);
  let inPower = 0;
  let outPower = 0;
  input.forEach((x, n) => {
    const y = process(x);
    if (n < input.length / 2) return;
    inPower += x * x;
    outPower += y * y;
  });
  return Math.sqrt(outPower / inPower);
}

describe('Resonator', () => {
  it('has unity gain at DC and its peak at the tuned frequency', () => {
    const gains = [100, 300, 500, 700, 900].map((hz) => {
      const r = new Resonator(RATE);
      r.tune(500, 80);
      return gainAt((x) => r.process(x), hz);
    });
    expect(Math.max(...gains)).toBe(gains[2]); // 500 Hz
    const dc = new Resonator(RATE);
    dc.tune(500, 80);
    let y = 0;
    for (let i = 0; i < 4000; i++) y = dc.process(1);
    expect(y).toBeCloseTo(1, 6);
  });

  it('passes the signal through when tuned above Nyquist', () => {
    const r = new Resonator(RATE);
    r.tune(7900, 200);
    expect(r.process(0.25)).toBe(0.25);
  });
});

describe('BandPass', () => {
  it('has ~0 dB at its centre and attenuates far away', () => {
    const at = (hz: number) => {
      const b = new BandPass(RATE);
      b.tune(4000, 1000);
      return gainAt((x) => b.process(x), hz);
    };
    expect(at(4000)).toBeCloseTo(1, 1);
    expect(at(500)).toBeLessThan(0.2);
  });
});

describe('highShelf', () => {
  it('scales high frequencies by the gain and leaves low ones nearly alone', () => {
    const high = highShelf(sine(6000), RATE, 6);
    const low = highShelf(sine(100), RATE, 6);
    const rms = (x: Float32Array) => Math.sqrt(x.slice(RATE / 2).reduce((s, v) => s + v * v, 0) / (RATE / 2));
    expect(20 * Math.log10(rms(high) / rms(sine(6000)))).toBeGreaterThan(5);
    expect(Math.abs(20 * Math.log10(rms(low) / rms(sine(100))))).toBeLessThan(1);
    const input = sine(6000);
    const flat = highShelf(input, RATE, 0);
    expect(Math.max(...flat.map((y, n) => Math.abs(y - input[n]!)))).toBeLessThan(1e-6); // 0 dB: a no-op
  });
});
