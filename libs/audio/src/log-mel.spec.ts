import { describe, expect, it } from 'vitest';
import { createLogMel, logMel } from './log-mel';
import { DEFAULT_MEL_CONFIG, resolveMelConfig } from './mel-config';
import { createMelFilterbank, hzToMel, melToHz } from './mel-filterbank';

const tone = (hz: number, n: number) => Float32Array.from({ length: n }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / 16000));

describe('logMel (canonical 80-dim front end)', () => {
  it('returns [1 + floor(len / 160), 80] frames', () => {
    for (const n of [1, 159, 160, 16000, 16001]) {
      const out = logMel(tone(440, n));
      expect(out.nMels).toBe(80);
      expect(out.frames).toBe(1 + Math.floor(n / 160));
      expect(out.data.length).toBe(out.frames * 80);
    }
  });

  it('puts a 1 kHz tone in the mel band centred nearest 1 kHz', () => {
    const out = logMel(tone(1000, 16000));
    const melMax = hzToMel(8000, 'htk');
    const centres = Array.from({ length: 80 }, (_, m) => melToHz((melMax * (m + 1)) / 81, 'htk'));
    const nearest = centres.reduce((best, c, m) => (Math.abs(c - 1000) < Math.abs(centres[best]! - 1000) ? m : best), 0);
    const row = out.data.subarray(50 * 80, 51 * 80);
    expect(row.indexOf(Math.max(...row))).toBe(nearest);
  });

  it('gives log(1e-6) for digital silence', () => {
    const out = logMel(new Float32Array(1600));
    for (const v of out.data) expect(v).toBeCloseTo(Math.log(1e-6), 6);
  });

  it('gives the same features for a clip whatever was computed before it (buffers are reused)', () => {
    const short = tone(700, 3000);
    const fresh = Array.from(createLogMel().compute(short).data);
    const fe = createLogMel();
    fe.compute(tone(300, 48000)); // a longer clip leaves its samples in the reused buffer
    expect(Array.from(fe.compute(short).data)).toEqual(fresh);
  });

  it('rejects an empty signal', () => {
    expect(() => logMel(new Float32Array(0))).toThrow(RangeError);
  });
});

describe('createLogMel with other settings', () => {
  it('honours nMels, hop, nFft and center=false', () => {
    const fe = createLogMel({ nMels: 40, hopLength: 320, nFft: 1024, winLength: 1024, center: false });
    const out = fe.compute(tone(440, 16000));
    expect(out.nMels).toBe(40);
    expect(out.frames).toBe(1 + Math.floor((16000 - 1024) / 320));
    expect(fe.frameCount(1000)).toBe(0);
  });

  it('scales like |X|^power: doubling the signal adds log 4 with power 2 and log 2 with power 1', () => {
    const x = tone(1000, 4000);
    const doubled = x.map((v) => 2 * v);
    for (const power of [1, 2] as const) {
      const fe = createLogMel({ power, logOffset: 0 });
      const [a, b] = [fe.compute(x).data, fe.compute(doubled).data];
      for (const i of [10 * 80 + 5, 10 * 80 + 30, 20 * 80 + 79]) expect(b[i]! - a[i]!).toBeCloseTo(power * Math.log(2), 4);
    }
  });

  it('rejects impossible settings', () => {
    expect(() => resolveMelConfig({ nFft: 500 })).toThrow(/power of two/);
    expect(() => resolveMelConfig({ winLength: 600 })).toThrow(/winLength/);
    expect(() => resolveMelConfig({ fMax: 9000 })).toThrow(/fMax/);
    expect(() => resolveMelConfig({ hopLength: 0 })).toThrow(/hopLength/);
  });

  it('keeps DEFAULT_MEL_CONFIG frozen at the mel_reference.py values', () => {
    expect(Object.isFrozen(DEFAULT_MEL_CONFIG)).toBe(true);
    expect(DEFAULT_MEL_CONFIG).toMatchObject({
      nFft: 512,
      winLength: 400,
      hopLength: 160,
      nMels: 80,
      fMin: 0,
      fMax: 8000,
      melScale: 'htk',
      norm: null,
      power: 2,
      center: true,
      logOffset: 1e-6,
    });
  });
});

describe('mel filterbank', () => {
  const spec = { nBins: 257, sampleRate: 16000, fMin: 0, fMax: 8000, nMels: 80 } as const;

  it('converts Hz <-> mel on both scales', () => {
    expect(hzToMel(700, 'htk')).toBeCloseTo(2595 * Math.log10(2), 9);
    expect(hzToMel(1000, 'slaney')).toBeCloseTo(15, 9); // linear part: 3 mel per 200 Hz
    for (const hz of [0, 300, 999, 1000, 4321, 8000]) {
      expect(melToHz(hzToMel(hz, 'htk'), 'htk')).toBeCloseTo(hz, 6);
      expect(melToHz(hzToMel(hz, 'slaney'), 'slaney')).toBeCloseTo(hz, 6);
    }
  });

  it('builds contiguous triangles peaking at most 1 that cover the band', () => {
    const bank = createMelFilterbank({ ...spec, melScale: 'htk', norm: null });
    const cover = new Float64Array(257);
    for (let m = 0; m < 80; m++) {
      expect(bank.count[m]).toBeGreaterThan(0);
      for (let i = 0; i < bank.count[m]!; i++) {
        const w = bank.taps[bank.at[m]! + i]!;
        expect(w).toBeGreaterThan(0);
        expect(w).toBeLessThanOrEqual(1);
        cover[bank.first[m]! + i]! += w;
      }
    }
    // Between the first and last centre, neighbouring triangles sum to 1 (librosa/torchaudio design).
    for (let k = 20; k < 240; k++) expect(cover[k]).toBeCloseTo(1, 6);
  });

  it("with norm 'slaney' gives every triangle unit area in Hz", () => {
    const bank = createMelFilterbank({ ...spec, nBins: 4097, melScale: 'slaney', norm: 'slaney' });
    const binHz = 8000 / 4096;
    for (const m of [5, 40, 79]) {
      let area = 0;
      for (let i = 0; i < bank.count[m]!; i++) area += bank.taps[bank.at[m]! + i]! * binHz;
      expect(area).toBeCloseTo(1, 2);
    }
  });
});
