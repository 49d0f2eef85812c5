import { describe, expect, it } from 'vitest';
import { decodeFeatureData, encodeFeatureData } from './feature-data';

describe('feature data bytes', () => {
  it('round-trips float32 values exactly, little-endian', () => {
    const values = Float32Array.from([0, 1.5, -2.25, 3.4028234663852886e38, Number.NaN]);
    const bytes = encodeFeatureData(values);
    expect(bytes.byteLength).toBe(20);
    expect(bytes.readFloatLE(4)).toBe(1.5);
    expect(Array.from(decodeFeatureData(bytes))).toEqual(Array.from(values));
  });

  it('decodes bytes that sit at an unaligned offset of a larger buffer', () => {
    const backing = Buffer.alloc(16);
    backing.writeFloatLE(0.5, 1);
    backing.writeFloatLE(-7, 5);
    expect(Array.from(decodeFeatureData(backing.subarray(1, 9)))).toEqual([0.5, -7]);
  });

  it('rejects a length that is not whole floats', () => {
    expect(() => decodeFeatureData(new Uint8Array(6))).toThrow(/multiple of 4/);
  });
});
