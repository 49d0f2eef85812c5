import { describe, expect, it } from 'vitest';
import { decodeSafetensors, encodeSafetensors, SafetensorsError, type SafetensorsTensor } from './safetensors';

const f32 = (...values: number[]) => new Uint8Array(Float32Array.from(values).buffer);

/** A file from a header object and a data section, laid out as the format says (for files our writer would never make). */
function rawFile(header: object, data: Uint8Array = new Uint8Array(0), pad = 0): Buffer {
  const json = Buffer.from(JSON.stringify(header) + ' '.repeat(pad));
  const out = Buffer.alloc(8 + json.length + data.length);
  out.writeBigUInt64LE(BigInt(json.length), 0);
  json.copy(out, 8);
  out.set(data, 8 + json.length);
  return out;
}

describe('safetensors encoding', () => {
  const tensors: SafetensorsTensor[] = [
    { name: 'b.kernel', dtype: 'F32', shape: [2, 3], data: f32(1, 2, 3, 4, 5, 6) },
    { name: 'a.bias', dtype: 'F32', shape: [3], data: f32(-1.5, 0, 3.25) },
    { name: 'steps', dtype: 'I32', shape: [], data: new Uint8Array(Int32Array.from([7]).buffer) },
    { name: 'empty', dtype: 'F64', shape: [0, 4], data: new Uint8Array(0) },
  ];

  it('writes the header length, a space-padded JSON header aligned to 8 bytes, and the data back to back in the given order', () => {
    const file = encodeSafetensors(tensors, { kind: 'test' });
    const headerLength = Number(file.readBigUInt64LE(0));
    expect(headerLength % 8).toBe(0);
    const headerText = file.subarray(8, 8 + headerLength).toString('utf8');
    expect(headerText.trimEnd().length).toBeLessThanOrEqual(headerLength);
    expect(headerText.slice(headerText.trimEnd().length)).toMatch(/^ *$/);
    const header = JSON.parse(headerText);
    expect(header.__metadata__).toEqual({ kind: 'test' });
    expect(header['b.kernel']).toEqual({ dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] });
    expect(header['a.bias']).toEqual({ dtype: 'F32', shape: [3], data_offsets: [24, 36] });
    expect(header.steps).toEqual({ dtype: 'I32', shape: [], data_offsets: [36, 40] });
    expect(header.empty).toEqual({ dtype: 'F64', shape: [0, 4], data_offsets: [40, 40] });
    expect(file.length).toBe(8 + headerLength + 40);
    expect(file.readFloatLE(8 + headerLength + 24)).toBe(-1.5);
  });

  it('round-trips names, dtypes, shapes, offsets, values and metadata', () => {
    const decoded = decodeSafetensors(encodeSafetensors(tensors, { kind: 'test' }));
    expect(decoded.metadata).toEqual({ kind: 'test' });
    expect(decoded.tensors.map((t) => [t.name, t.dtype, t.shape, t.dataOffsets])).toEqual([
      ['b.kernel', 'F32', [2, 3], [0, 24]],
      ['a.bias', 'F32', [3], [24, 36]],
      ['steps', 'I32', [], [36, 40]],
      ['empty', 'F64', [0, 4], [40, 40]],
    ]);
    for (const [i, t] of decoded.tensors.entries()) expect(Buffer.from(t.data).equals(Buffer.from(tensors[i]!.data))).toBe(true);
    expect(decodeSafetensors(encodeSafetensors([])).tensors).toEqual([]);
  });

  it('reads tensors by their offsets whatever order the header lists them in (as files from Python do)', () => {
    const data = new Uint8Array([...f32(1, 2), ...f32(3)]);
    const file = rawFile({ z: { dtype: 'F32', shape: [1], data_offsets: [8, 12] }, a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }, data, 3);
    const decoded = decodeSafetensors(file);
    expect(decoded.tensors.map((t) => t.name)).toEqual(['a', 'z']);
    expect(Array.from(new Float32Array(Uint8Array.from(decoded.tensors[1]!.data).buffer))).toEqual([3]);
  });

  it('refuses tensors whose bytes do not match their shape, bad names and unknown dtypes when writing', () => {
    expect(() => encodeSafetensors([{ name: 'x', dtype: 'F32', shape: [2], data: f32(1) }])).toThrow(/4 bytes for shape \[2\]/);
    expect(() => encodeSafetensors([{ name: '__metadata__', dtype: 'F32', shape: [1], data: f32(1) }])).toThrow(SafetensorsError);
    expect(() =>
      encodeSafetensors([
        { name: 'x', dtype: 'F32', shape: [1], data: f32(1) },
        { name: 'x', dtype: 'F32', shape: [1], data: f32(1) },
      ]),
    ).toThrow(/repeated/);
    expect(() => encodeSafetensors([{ name: 'x', dtype: 'F31' as never, shape: [1], data: f32(1) }])).toThrow(/unknown dtype/);
    expect(() => encodeSafetensors([{ name: 'x', dtype: 'F32', shape: [-1], data: f32() }])).toThrow(/non-negative/);
  });

  it.each([
    ['a file shorter than its header length', Buffer.from([1, 2, 3])],
    [
      'a header length beyond the file',
      (() => {
        const b = rawFile({});
        b.writeBigUInt64LE(1000n, 0);
        return b;
      })(),
    ],
    [
      'a header that is not JSON',
      (() => {
        const b = rawFile({ a: 1 });
        b.write('{x', 8);
        return b;
      })(),
    ],
    ['an array header', rawFile([] as unknown as object)],
    ['an unknown dtype', rawFile({ x: { dtype: 'Q8', shape: [1], data_offsets: [0, 1] } }, new Uint8Array(1))],
    ['a size that disagrees with the shape', rawFile({ x: { dtype: 'F32', shape: [2], data_offsets: [0, 4] } }, f32(1))],
    ['a hole between tensors', rawFile({ x: { dtype: 'F32', shape: [1], data_offsets: [4, 8] } }, f32(1, 2))],
    [
      'overlapping tensors',
      rawFile({ x: { dtype: 'F32', shape: [2], data_offsets: [0, 8] }, y: { dtype: 'F32', shape: [1], data_offsets: [4, 8] } }, f32(1, 2)),
    ],
    ['bytes no tensor covers', rawFile({ x: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, f32(1, 2))],
    ['offsets beyond the data', rawFile({ x: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } })],
    ['metadata that is not strings', rawFile({ __metadata__: { n: 1 } })],
  ])('refuses %s', (_, file) => {
    expect(() => decodeSafetensors(file)).toThrow(SafetensorsError);
  });
});
