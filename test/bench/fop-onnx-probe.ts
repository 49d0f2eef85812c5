// FOP inference on ONNX Runtime, as the inference service runs it with SER_INFERENCE_RUNTIME=onnx: the paper-size
// FOP (seeded random weights) under a 4-class head, kept as a classifier run keeps it and exported by the same
// exporter the registry uses, run on one utterance of 1 x 500 frames by onnxruntime-node's CPU provider. The head
// (mean over frames, one dense layer) adds ~0.1 % of the forward FLOPs, so the time compares with the bare FOP
// forward of the tfjs and torch probes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { createLocalArtifactStore } from '@ser/artifacts';
import { writeKeptModel } from '@ser/model-artifacts';
import { createFop, createFopClassifier, INFER_FRAMES, saveVariables } from '@ser/models';
import { exportKeptModelToOnnx, FOP_ONNX_IO } from '@ser/onnx-export';

const CLASSES = ['angry', 'happy', 'neutral', 'sad'];
const KEY = 'models/bench-fop-classifier';

export interface FopOnnxProbe {
  infer(count: number): Promise<number[]>;
  release(): Promise<void>;
}

export async function createFopOnnxProbe(): Promise<FopOnnxProbe> {
  const dir = mkdtempSync(join(tmpdir(), 'ser-fop-onnx-bench-'));
  const artifacts = createLocalArtifactStore(dir);
  const fop = createFop({}, 0);
  const classifier = createFopClassifier(fop, CLASSES.length, 1);
  const { nMels } = fop.config;
  try {
    await writeKeptModel(artifacts, KEY, {
      kind: 'fop-classifier',
      classes: CLASSES,
      fop: fop.config,
      weights: saveVariables(classifier.variables),
      bestEpoch: 0,
      lineage: { runId: 'bench-fop-classifier', datasetVersionId: 'bench', pretrainedCheckpointId: null },
    });
    const session = await ort.InferenceSession.create(await exportKeptModelToOnnx(artifacts, KEY), { executionProviders: ['cpu'] });
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
  } finally {
    classifier.dispose();
    fop.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
