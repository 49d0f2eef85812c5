// SER_INFERENCE_RUNTIME=onnx: models whose kind has an ONNX graph (@ser/onnx-export) are served by ONNX Runtime
// (the CPU provider, or CUDA with SER_INFERENCE_ONNX_PROVIDER=cuda: ./onnx-providers.ts) instead of TensorFlow.js.
// The graph is the registry's kept export of the version when a download made one, else exported from the kept model
// at load, so every version that can be exported is served this way without a separate export step; the others stay
// on tfjs.
import * as ort from 'onnxruntime-node';
import type { ArtifactStore } from '@ser/artifacts';
import { envChoice } from '@ser/config';
import type { KeptModel } from '@ser/model-artifacts';
import { FOP_ONNX_IO, SEQUENCE_ONNX_IO, keptModelToOnnx, keptOnnxExport, onnxExportable } from '@ser/onnx-export';
import { frontEndOf, LOG_MEL, type FrontEndSpec } from '../audio/front-ends';
import type { ModelFeatureKind, ServableModel } from './model-kinds';
import { createOnnxSession } from './onnx-providers';

export const INFERENCE_RUNTIMES = ['tfjs', 'onnx'] as const;
export type InferenceRuntime = (typeof INFERENCE_RUNTIMES)[number];

/** SER_INFERENCE_RUNTIME, tfjs when unset; any other value is a configuration error, not a silent tfjs. */
export const inferenceRuntime = (env: NodeJS.ProcessEnv = process.env): InferenceRuntime => envChoice('SER_INFERENCE_RUNTIME', INFERENCE_RUNTIMES, 'tfjs', env);

/**
 * How a kind's exported graph is fed, the same front end as its tfjs loader: each utterance's steps (`step` values
 * each: log-mel frames, or spectrogram segments) right-padded into `input` [batch, steps, ...step], with `lengths`.
 */
interface OnnxFeed {
  featureKind: ModelFeatureKind;
  frontEnd: FrontEndSpec;
  step: number[];
  input: string;
}

function onnxFeedOf(model: KeptModel): OnnxFeed {
  const logMel = (nMels: number): OnnxFeed => ({ featureKind: 'log-mel', frontEnd: LOG_MEL, step: [nMels], input: FOP_ONNX_IO.features });
  if (model.kind === 'fop-classifier') return logMel(model.fop.nMels);
  if (model.kind === 'fop-hypercolumn-attention-lstm' || model.kind === 'fop-hypercolumn-classical') return logMel(model.fop.config.nMels);
  const { frames, bins, hopSamples } = model.segments;
  return {
    featureKind: 'spectrogram-segments',
    frontEnd: { kind: 'tacn-segments', segmentHopSamples: hopSamples },
    step: [frames, bins],
    input: SEQUENCE_ONNX_IO.segments,
  };
}

/** Whether this model is served through ONNX Runtime under the given runtime setting. */
export const servedByOnnx = (model: KeptModel, runtime: InferenceRuntime): boolean => runtime === 'onnx' && onnxExportable(model);

/** A model on ONNX Runtime: the same front end and padding as its tfjs loader, batched with a lengths input. */
export async function loadOnnxServable(artifacts: ArtifactStore, artifactKey: string, model: KeptModel): Promise<ServableModel> {
  const feed = onnxFeedOf(model);
  // Converted here when the registry has kept none, and not kept: the exports folder is the registry's to write.
  const onnx = (await keptOnnxExport(artifacts, artifactKey)) ?? (await keptModelToOnnx(artifacts, artifactKey, model));
  const { session } = await createOnnxSession(onnx);
  const classes = model.classes.length;
  const stepSize = feed.step.reduce((a, b) => a * b, 1);
  return {
    kind: model.kind,
    labels: [...model.classes],
    featureKind: feed.featureKind,
    frontEnd: feed.frontEnd, // the tfjs loader's of this kind
    featurize: frontEndOf(feed.frontEnd), // [steps * stepSize]
    async predict(inputs) {
      const lengths = inputs.map((x) => x.length / stepSize);
      const longest = Math.max(...lengths);
      const padded = new Float32Array(inputs.length * longest * stepSize);
      inputs.forEach((x, row) => padded.set(x, row * longest * stepSize));
      const out = await session.run({
        [feed.input]: new ort.Tensor('float32', padded, [inputs.length, longest, ...feed.step]), // [batch, steps, ...step]
        [FOP_ONNX_IO.lengths]: new ort.Tensor('int64', BigInt64Array.from(lengths.map(BigInt)), [inputs.length]),
      });
      const p = out[FOP_ONNX_IO.probabilities]!.data as Float32Array; // [batch, classes]
      return inputs.map((_, row) => Array.from(p.subarray(row * classes, (row + 1) * classes)));
    },
    dispose() {
      void session.release();
    },
  };
}
