// A small ONNX graph writer: nodes with generated output names, constants and initializers as raw little-endian
// data, and the ModelProto bytes at the end. It knows nothing about any model.
import { ModelProto, ONNX_ATTRIBUTE_TYPE, ONNX_DTYPE, ONNX_IR_VERSION, ONNX_OPSET } from './onnx-proto';

export type AttributeValue = number | string | number[] | { float: number };

/** A graph input or output: element type and shape, a string for a dimension named at run time ('batch'). */
export interface GraphValue {
  name: string;
  dtype: keyof typeof ONNX_DTYPE;
  shape: Array<number | string>;
}

interface Tensor {
  name: string;
  dims: number[];
  dataType: number;
  rawData: Uint8Array;
}

const bytesOf = (values: Float32Array | Float64Array | BigInt64Array) => new Uint8Array(values.buffer, values.byteOffset, values.byteLength);

function attribute(name: string, value: AttributeValue) {
  if (typeof value === 'string') return { name, type: ONNX_ATTRIBUTE_TYPE.string, s: Buffer.from(value, 'utf8') };
  if (Array.isArray(value)) return { name, type: ONNX_ATTRIBUTE_TYPE.ints, ints: value };
  if (typeof value === 'object') return { name, type: ONNX_ATTRIBUTE_TYPE.float, f: value.float };
  if (!Number.isInteger(value)) throw new Error(`attribute ${name}: ${value} is not an integer; pass { float } for a float`);
  return { name, type: ONNX_ATTRIBUTE_TYPE.int, i: value };
}

const valueInfo = (v: GraphValue) => ({
  name: v.name,
  type: { tensorType: { elemType: ONNX_DTYPE[v.dtype], shape: { dim: v.shape.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } },
});

export class OnnxGraph {
  private readonly nodes: object[] = [];
  private readonly initializers: Tensor[] = [];
  private counter = 0;

  /** Adds one node; returns its output names (`outputs` of them), unique in the graph. */
  node(opType: string, inputs: string[], attributes: Record<string, AttributeValue> = {}, outputs = 1): string[] {
    const id = `${opType.toLowerCase()}_${this.counter++}`;
    const names = Array.from({ length: outputs }, (_, i) => (outputs === 1 ? id : `${id}:${i}`));
    this.nodes.push({ name: id, opType, input: inputs, output: names, attribute: Object.entries(attributes).map(([k, v]) => attribute(k, v)) });
    return names;
  }

  /** One-output node. */
  op(opType: string, inputs: string[], attributes: Record<string, AttributeValue> = {}): string {
    return this.node(opType, inputs, attributes)[0]!;
  }

  /** A named float32 weight tensor. */
  weight(name: string, dims: number[], values: Float32Array): string {
    const size = dims.reduce((a, b) => a * b, 1);
    if (size !== values.length) throw new Error(`${name}: ${values.length} values for shape [${dims}]`);
    this.initializers.push({ name, dims, dataType: ONNX_DTYPE.float, rawData: bytesOf(values) });
    return name;
  }

  /** A constant: float32 by default, or int64 / double. Shape [] is a scalar. */
  constant(values: number[], dims: number[] = [values.length], dtype: 'float' | 'int64' | 'double' = 'float'): string {
    const name = `const_${this.counter++}`;
    const typed = dtype === 'int64' ? BigInt64Array.from(values.map(BigInt)) : dtype === 'double' ? Float64Array.from(values) : Float32Array.from(values);
    this.initializers.push({ name, dims, dataType: ONNX_DTYPE[dtype], rawData: bytesOf(typed) });
    return name;
  }

  /** The serialized ModelProto (opset 17) with `outputs` bound to the values named. */
  toModel(options: {
    name: string;
    inputs: GraphValue[];
    outputs: Array<GraphValue & { from: string }>;
    metadata: Record<string, string>;
    docString?: string;
  }): Uint8Array {
    const nodes = [...this.nodes];
    for (const out of options.outputs) nodes.push({ name: `output_${out.name}`, opType: 'Identity', input: [out.from], output: [out.name], attribute: [] });
    const model = ModelProto.create({
      irVersion: ONNX_IR_VERSION,
      producerName: 'ser-platform',
      producerVersion: '1',
      docString: options.docString ?? '',
      opsetImport: [{ domain: '', version: ONNX_OPSET }],
      metadataProps: Object.entries(options.metadata).map(([key, value]) => ({ key, value })),
      graph: { name: options.name, node: nodes, initializer: this.initializers, input: options.inputs.map(valueInfo), output: options.outputs.map(valueInfo) },
    });
    return ModelProto.encode(model).finish();
  }
}
