// A small ONNX graph writer: nodes with generated output names, constants and initializers as raw little-endian
// data, and the ModelProto bytes at the end. It knows nothing about any model.
import { ModelProto, ONNX_ATTRIBUTE_TYPE, ONNX_DTYPE, ONNX_IR_VERSION, ONNX_ML_OPSET, ONNX_OPSET } from './onnx-proto';

/** A graph attribute's value: a Loop's body (OnnxGraph.subgraph(...).toGraph). */
export interface SubgraphValue {
  graph: object;
}
export type AttributeValue = number | string | number[] | { float: number } | { floats: number[] } | { strings: string[] } | SubgraphValue;

/** The ai.onnx.ml domain (classical models' ops such as TreeEnsembleClassifier). */
export const ONNX_ML_DOMAIN = 'ai.onnx.ml';

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

const bytesOf = (values: Float32Array | Float64Array | BigInt64Array | Uint8Array) => new Uint8Array(values.buffer, values.byteOffset, values.byteLength);

function attribute(name: string, value: AttributeValue) {
  if (typeof value === 'string') return { name, type: ONNX_ATTRIBUTE_TYPE.string, s: Buffer.from(value, 'utf8') };
  if (Array.isArray(value)) return { name, type: ONNX_ATTRIBUTE_TYPE.ints, ints: value };
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`attribute ${name}: ${value} is not an integer; pass { float } for a float`);
    return { name, type: ONNX_ATTRIBUTE_TYPE.int, i: value };
  }
  if ('floats' in value) return { name, type: ONNX_ATTRIBUTE_TYPE.floats, floats: value.floats };
  if ('strings' in value) return { name, type: ONNX_ATTRIBUTE_TYPE.strings, strings: value.strings.map((v) => Buffer.from(v, 'utf8')) };
  if ('graph' in value) return { name, type: ONNX_ATTRIBUTE_TYPE.graph, g: value.graph };
  return { name, type: ONNX_ATTRIBUTE_TYPE.float, f: value.float };
}

const valueInfo = (v: GraphValue) => ({
  name: v.name,
  type: { tensorType: { elemType: ONNX_DTYPE[v.dtype], shape: { dim: v.shape.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } },
});

export class OnnxGraph {
  private readonly nodes: object[] = [];
  private readonly initializers: Tensor[] = [];
  private counter = 0;
  private usesMl = false;

  /** `parent`: a subgraph (a Loop body, see subgraph()) shares its parent's names and keeps its constants there. */
  constructor(private readonly parent?: OnnxGraph) {}

  private get root(): OnnxGraph {
    return this.parent ? this.parent.root : this;
  }

  /** Adds one node; returns its output names (`outputs` of them), unique in the graph. */
  node(opType: string, inputs: string[], attributes: Record<string, AttributeValue> = {}, outputs = 1, domain = ''): string[] {
    const id = `${opType.toLowerCase()}_${this.root.counter++}`;
    const names = Array.from({ length: outputs }, (_, i) => (outputs === 1 ? id : `${id}:${i}`));
    if (domain === ONNX_ML_DOMAIN) this.root.usesMl = true;
    this.nodes.push({ name: id, opType, domain, input: inputs, output: names, attribute: Object.entries(attributes).map(([k, v]) => attribute(k, v)) });
    return names;
  }

  /** A body graph for Loop / If: build its nodes on the returned graph, then pass `{ graph: body.toGraph(...) }`. */
  subgraph(): OnnxGraph {
    return new OnnxGraph(this);
  }

  /** This graph as a GraphProto object with `outputs` bound to the values named (a subgraph's: the body attribute). */
  toGraph(name: string, inputs: GraphValue[], outputs: Array<GraphValue & { from: string }>): object {
    const nodes = [...this.nodes];
    for (const out of outputs) nodes.push({ name: `output_${out.name}`, opType: 'Identity', input: [out.from], output: [out.name], attribute: [] });
    return { name, node: nodes, initializer: this.initializers, input: inputs.map(valueInfo), output: outputs.map(valueInfo) };
  }

  /** One-output node. */
  op(opType: string, inputs: string[], attributes: Record<string, AttributeValue> = {}): string {
    return this.node(opType, inputs, attributes)[0]!;
  }

  /** A named float32 weight tensor. */
  weight(name: string, dims: number[], values: Float32Array): string {
    if (this.parent) return this.root.weight(name, dims, values);
    const size = dims.reduce((a, b) => a * b, 1);
    if (size !== values.length) throw new Error(`${name}: ${values.length} values for shape [${dims}]`);
    this.initializers.push({ name, dims, dataType: ONNX_DTYPE.float, rawData: bytesOf(values) });
    return name;
  }

  /** A constant: float32 by default, or int64 / double / bool (values 0 / 1). Shape [] is a scalar. */
  constant(values: number[], dims: number[] = [values.length], dtype: 'float' | 'int64' | 'double' | 'bool' = 'float'): string {
    if (this.parent) return this.root.constant(values, dims, dtype);
    const name = `const_${this.counter++}`;
    const typed =
      dtype === 'int64'
        ? BigInt64Array.from(values.map(BigInt))
        : dtype === 'double'
          ? Float64Array.from(values)
          : dtype === 'bool'
            ? Uint8Array.from(values)
            : Float32Array.from(values);
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
    const model = ModelProto.create({
      irVersion: ONNX_IR_VERSION,
      producerName: 'ser-platform',
      producerVersion: '1',
      docString: options.docString ?? '',
      opsetImport: [{ domain: '', version: ONNX_OPSET }, ...(this.usesMl ? [{ domain: ONNX_ML_DOMAIN, version: ONNX_ML_OPSET }] : [])],
      metadataProps: Object.entries(options.metadata).map(([key, value]) => ({ key, value })),
      graph: this.toGraph(options.name, options.inputs, options.outputs),
    });
    return ModelProto.encode(model).finish();
  }
}
