import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { OnnxGraph } from '@ser/onnx-export';
import { describe, expect, it } from 'vitest';
import { createOnnxSession, onnxProvider } from './onnx-providers';

/** y = 2x: enough to see which provider a session runs on and that it answers. */
function doublingModel(): Uint8Array {
  const g = new OnnxGraph();
  const y = g.op('Mul', ['x', g.constant([2])]);
  return g.toModel({
    name: 'double',
    inputs: [{ name: 'x', dtype: 'float', shape: ['n'] }],
    outputs: [{ name: 'y', dtype: 'float', shape: ['n'], from: y }],
    metadata: {},
  });
}

/** Whether this onnxruntime-node has its CUDA provider library (installed with ONNXRUNTIME_NODE_INSTALL=cuda12). */
const ortRoot = dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json'));
const hasCudaProvider = existsSync(join(ortRoot, 'bin/napi-v6/linux/x64/libonnxruntime_providers_cuda.so'));

const run = async (session: ort.InferenceSession) =>
  Array.from((await session.run({ x: new ort.Tensor('float32', Float32Array.of(1, -3), [2]) })).y!.data as Float32Array);

describe('the ONNX execution provider', () => {
  it('is cpu unless SER_INFERENCE_ONNX_PROVIDER names cuda, and refuses anything else', () => {
    expect(onnxProvider({})).toBe('cpu');
    expect(onnxProvider({ SER_INFERENCE_ONNX_PROVIDER: 'cuda' })).toBe('cuda');
    expect(() => onnxProvider({ SER_INFERENCE_ONNX_PROVIDER: 'tpu' })).toThrow(/must be one of cpu, cuda, not 'tpu'/);
  });

  it('serves on the CPU provider when asked', async () => {
    const { session, provider } = await createOnnxSession(doublingModel(), 'cpu');
    expect(provider).toBe('cpu');
    expect(await run(session)).toEqual([2, -6]);
    await session.release();
  });

  // This machine's onnxruntime-node is the CPU build (.npmrc: onnxruntime-node-install=skip), as on every node without
  // ONNXRUNTIME_NODE_INSTALL=cuda12: asking for cuda must still serve, on the CPU, and say why once.
  it.skipIf(hasCudaProvider)('falls back from cuda to cpu, warning once, where CUDA cannot start', async () => {
    const warnings: string[] = [];
    const first = await createOnnxSession(doublingModel(), 'cuda', (m) => warnings.push(m));
    const second = await createOnnxSession(doublingModel(), 'cuda', (m) => warnings.push(m));
    expect([first.provider, second.provider]).toEqual(['cpu', 'cpu']);
    expect(await run(first.session)).toEqual([2, -6]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/SER_INFERENCE_ONNX_PROVIDER=cuda: ONNX Runtime could not start it .*serving on the CPU provider/);
    await Promise.all([first.session.release(), second.session.release()]);
  });
});
