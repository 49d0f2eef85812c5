// The part of ONNX's onnx.proto (github.com/onnx/onnx, onnx/onnx.proto) an exported model uses, with the official
// field numbers, as a protobufjs reflection root: a model written with it is a valid ModelProto for any ONNX reader.
import protobuf from 'protobufjs';

/** TensorProto.DataType values used here. */
export const ONNX_DTYPE = { float: 1, int64: 7, double: 11 } as const;
/** AttributeProto.AttributeType values used here. */
export const ONNX_ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, ints: 7 } as const;
/** IR version 8 goes with opset 17 (onnx/docs/Versioning.md). */
export const ONNX_IR_VERSION = 8;
export const ONNX_OPSET = 17;

const root = protobuf.Root.fromJSON({
  nested: {
    onnx: {
      nested: {
        AttributeProto: {
          fields: {
            name: { id: 1, type: 'string' },
            f: { id: 2, type: 'float' },
            i: { id: 3, type: 'int64' },
            s: { id: 4, type: 'bytes' },
            ints: { id: 8, rule: 'repeated', type: 'int64' },
            type: { id: 20, type: 'int32' },
          },
        },
        ValueInfoProto: { fields: { name: { id: 1, type: 'string' }, type: { id: 2, type: 'TypeProto' } } },
        NodeProto: {
          fields: {
            input: { id: 1, rule: 'repeated', type: 'string' },
            output: { id: 2, rule: 'repeated', type: 'string' },
            name: { id: 3, type: 'string' },
            opType: { id: 4, type: 'string' },
            attribute: { id: 5, rule: 'repeated', type: 'AttributeProto' },
            domain: { id: 7, type: 'string' },
          },
        },
        StringStringEntryProto: { fields: { key: { id: 1, type: 'string' }, value: { id: 2, type: 'string' } } },
        OperatorSetIdProto: { fields: { domain: { id: 1, type: 'string' }, version: { id: 2, type: 'int64' } } },
        ModelProto: {
          fields: {
            irVersion: { id: 1, type: 'int64' },
            producerName: { id: 2, type: 'string' },
            producerVersion: { id: 3, type: 'string' },
            docString: { id: 6, type: 'string' },
            graph: { id: 7, type: 'GraphProto' },
            opsetImport: { id: 8, rule: 'repeated', type: 'OperatorSetIdProto' },
            metadataProps: { id: 14, rule: 'repeated', type: 'StringStringEntryProto' },
          },
        },
        GraphProto: {
          fields: {
            node: { id: 1, rule: 'repeated', type: 'NodeProto' },
            name: { id: 2, type: 'string' },
            initializer: { id: 5, rule: 'repeated', type: 'TensorProto' },
            input: { id: 11, rule: 'repeated', type: 'ValueInfoProto' },
            output: { id: 12, rule: 'repeated', type: 'ValueInfoProto' },
          },
        },
        TensorProto: {
          fields: {
            dims: { id: 1, rule: 'repeated', type: 'int64' },
            dataType: { id: 2, type: 'int32' },
            name: { id: 8, type: 'string' },
            rawData: { id: 9, type: 'bytes' },
          },
        },
        TensorShapeProto: {
          fields: { dim: { id: 1, rule: 'repeated', type: 'Dimension' } },
          nested: { Dimension: { oneofs: { value: { oneof: ['dimValue', 'dimParam'] } }, fields: { dimValue: { id: 1, type: 'int64' }, dimParam: { id: 2, type: 'string' } } } },
        },
        TypeProto: {
          oneofs: { value: { oneof: ['tensorType'] } },
          fields: { tensorType: { id: 1, type: 'Tensor' } },
          nested: { Tensor: { fields: { elemType: { id: 1, type: 'int32' }, shape: { id: 2, type: 'TensorShapeProto' } } } },
        },
      },
    },
  },
});

export const ModelProto = root.lookupType('onnx.ModelProto');
