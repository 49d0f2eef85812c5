import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNpy, writeNpy } from './npy';

describe('.npy writer and reader', () => {
  it('round-trips a float32 [frames, 80] array', () => {
    const data = Float32Array.from({ length: 3 * 80 }, (_, i) => Math.fround(Math.sin(i) * 10));
    const back = readNpy(writeNpy(data, [3, 80]));
    expect(back.shape).toEqual([3, 80]);
    expect(Array.from(back.data)).toEqual(Array.from(data));
  });

  it("writes NumPy's v1.0 header: magic, 64-byte aligned data, Python dict, 1-tuples with a comma", () => {
    const bytes = writeNpy(Float32Array.of(1, 2, 3), [3]);
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const headerLength = bytes[8]! | (bytes[9]! << 8);
    expect((10 + headerLength) % 64).toBe(0);
    const header = new TextDecoder().decode(bytes.subarray(10, 10 + headerLength));
    expect(header).toMatch(/^\{'descr': '<f4', 'fortran_order': False, 'shape': \(3,\), \} *\n$/);
    expect(new Float32Array(bytes.slice(10 + headerLength).buffer)).toEqual(Float32Array.of(1, 2, 3));
  });

  it('reads the arrays numpy wrote (the committed torchaudio references)', () => {
    const ref = readNpy(readFileSync(join(process.cwd(), 'test/fixtures/audio/reference-16000.npy')));
    expect(ref.shape).toEqual([151, 80]);
    expect(ref.data.every(Number.isFinite)).toBe(true);
  });

  it('refuses a shape that does not match the data, and files that are not .npy', () => {
    expect(() => writeNpy(new Float32Array(5), [2, 3])).toThrow(RangeError);
    expect(() => readNpy(new TextEncoder().encode('not numpy at all'))).toThrow(/magic/);
  });
});
