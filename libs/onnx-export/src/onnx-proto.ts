// The part of ONNX's onnx.proto (github.com/onnx/onnx, onnx/onnx.proto) an exported model uses, with the official
// field numbers, as a protobufjs reflection root: a model written with it is a valid ModelProto for any ONNX reader.
import protobuf from 'protobufjs';

/** TensorProto.DataType values used here. */
export const ONNX_DTYPE = { float: 1, int64: 7, bool: 9, double: 11 } as const;
/** AttributeProto.AttributeType values used here. */
export const ONNX_ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, graph: 5, floats: 6, ints: 7, strings: 8 } as const;
/** IR version 8 goes with opset 17 (onnx/docs/Versioning.md). */
export const ONNX_IR_VERSION = 8;
export const ONNX_OPSET = 17;
/** The ai.onnx.ml opset of the classical models' ops (TreeEnsembleClassifier v3), which ONNX Runtime 1.22 runs. */
export const ONNX_ML_OPSET = 3;

// Messages and field numbers as onnx.proto declares them, in its own syntax (snake_case names; protobufjs exposes
// them in camelCase). proto3 rather than onnx.proto's proto2 so repeated int64s are packed, as this writer always
// encoded them; every ONNX reader accepts both.
const ONNX_PROTO = `
syntax = "proto3";
package onnx;

message AttributeProto {
  string name = 1;
  float f = 2;
  int64 i = 3;
  bytes s = 4;
  GraphProto g = 6;
  repeated float floats = 7;
  repeated int64 ints = 8;
  repeated bytes strings = 9;
  int32 type = 20;
}

message ValueInfoProto {
  string name = 1;
  TypeProto type = 2;
}

message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  string name = 3;
  string op_type = 4;
  repeated AttributeProto attribute = 5;
  string domain = 7;
}

message StringStringEntryProto {
  string key = 1;
  string value = 2;
}

message OperatorSetIdProto {
  string domain = 1;
  int64 version = 2;
}

message ModelProto {
  int64 ir_version = 1;
  string producer_name = 2;
  string producer_version = 3;
  string doc_string = 6;
  GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8;
  repeated StringStringEntryProto metadata_props = 14;
}

message GraphProto {
  repeated NodeProto node = 1;
  string name = 2;
  repeated TensorProto initializer = 5;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
}

message TensorProto {
  repeated int64 dims = 1;
  int32 data_type = 2;
  string name = 8;
  bytes raw_data = 9;
}

message TensorShapeProto {
  message Dimension {
    oneof value {
      int64 dim_value = 1;
      string dim_param = 2;
    }
  }
  repeated Dimension dim = 1;
}

message TypeProto {
  message Tensor {
    int32 elem_type = 1;
    TensorShapeProto shape = 2;
  }
  oneof value {
    Tensor tensor_type = 1;
  }
}
`;

// resolveAll: protobufjs settles each field's encoding (packed or not) only there; unresolved, it writes them unpacked.
export const ModelProto = protobuf.parse(ONNX_PROTO).root.resolveAll().lookupType('onnx.ModelProto');
