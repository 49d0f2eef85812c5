import { describe, expect, it } from 'vitest';
import { ModelProto } from './onnx-proto';

const encodeHex = (model: object) => Buffer.from(ModelProto.encode(ModelProto.create(model)).finish()).toString('hex');

describe('the ONNX ModelProto writer', () => {
  it('packs repeated int64s (dims, ints) as it always has: one length-delimited field, not one field per value', () => {
    // graph(7) > initializer(5) > dims(1) packed: key 0x0a, 2 bytes, 03 04; then data_type(2) = 1.
    expect(encodeHex({ graph: { initializer: [{ dims: [3, 4], dataType: 1 }] } })).toBe('3a082a060a0203041001');
    // graph(7) > node(1) > attribute(5) > ints(8) packed: key 0x42, 3 bytes, 00 02 01.
    expect(encodeHex({ graph: { node: [{ attribute: [{ ints: [0, 2, 1] }] }] } })).toBe('3a090a072a054203000201');
  });

  it('reads back what it writes, with onnx.proto field names in camelCase', () => {
    const model = {
      irVersion: 8,
      producerName: 'ser',
      opsetImport: [{ domain: '', version: 17 }],
      graph: { input: [{ name: 'x', type: { tensorType: { elemType: 1, shape: { dim: [{ dimParam: 'batch' }, { dimValue: 80 }] } } } }] },
    };
    expect(ModelProto.toObject(ModelProto.decode(ModelProto.encode(ModelProto.create(model)).finish()), { longs: Number })).toEqual(model);
  });
});
