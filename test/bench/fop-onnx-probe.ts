// FOP inference on ONNX Runtime, as the inference service runs it with SER_INFERENCE_RUNTIME=onnx: the paper-size
// FOP (seeded random weights) under a 4-class head, exported by @ser/onnx-export (the fop-classifier graph), run on
// one utterance of 1 x 500 frames by onnxruntime-node's CPU provider. The head (mean over frames, one dense layer)
// adds ~0.1 % of the forward FLOPs, so the time compares with the bare FOP forward of the tfjs and torch probes.
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { createFop, createFopClassifier, encodeTensors, INFER_FRAMES } from '@ser/models';
import { buildFopClassifierGraph, FOP_ONNX_IO } from '@ser/onnx-export';

const CLASSES = ['angry', 'happy', 'neutral', 'sad'];

export interface FopOnnxProbe {
  infer(count: number): Promise<number[]>;
  release(): Promise<void>;
}

export async function createFopOnnxProbe(): Promise<FopOnnxProbe> {
  const fop = createFop({}, 0);
  const classifier = createFopClassifier(fop, CLASSES.length, 1);
  const { graph, probabilities } = buildFopClassifierGraph({ config: fop.config, classes: CLASSES, weights: encodeTensors(classifier.variables) });
  classifier.dispose();
  fop.dispose();
  const { nMels } = fop.config;
  const model = graph.toModel({
    name: 'bench fop-classifier',
    inputs: [
      { name: FOP_ONNX_IO.features, dtype: 'float', shape: ['batch', 'frames', nMels] },
      { name: FOP_ONNX_IO.lengths, dtype: 'int64', shape: ['batch'] },
    ],
    outputs: [{ name: FOP_ONNX_IO.probabilities, dtype: 'float', shape: ['batch', CLASSES.length], from: probabilities }],
    metadata: {},
  });
  const session = await ort.InferenceSession.create(model, { executionProviders: ['cpu'] });
  const frames = tf.tidy(() => tf.randomUniform([1, INFER_FRAMES, nMels], -1, 1, 'float32', 2).dataSync() as Float32Array);
  const feeds = {
    [FOP_ONNX_IO.features]: new ort.Tensor('float32', frames, [1, INFER_FRAMES, nMels]),
    [FOP_ONNX_IO.lengths]: new ort.Tensor('int64', BigInt64Array.from([BigInt(INFER_FRAMES)]), [1]),
  };
  return {
    async infer(count) {
      const ms: number[] = [];
      for (let i = 0; i < count; i++) {
        const start = performance.now();
        await session.run(feeds);
        ms.push(performance.now() - start);
      }
      return ms;
    },
    release: () => session.release(),
  };
}
