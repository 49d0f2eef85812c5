// SER_INFERENCE_RUNTIME=onnx: models whose kind has an ONNX graph (@ser/onnx-export) are served by ONNX Runtime's
// CPU provider instead of TensorFlow.js. The graph is exported from the kept model at load, so every version that
// can be exported is served this way without a separate export step; the others stay on tfjs.
import * as ort from 'onnxruntime-node';
import type { ArtifactStore } from '@ser/artifacts';
import type { KeptModel } from '@ser/model-artifacts';
import { FOP_ONNX_IO, ONNX_EXPORTABLE_KINDS, keptModelToOnnx } from '@ser/onnx-export';
import { frontEndOf, LOG_MEL } from '../audio/front-ends';
import type { ServableModel } from './model-kinds';

export const INFERENCE_RUNTIMES = ['tfjs', 'onnx'] as const;
export type InferenceRuntime = (typeof INFERENCE_RUNTIMES)[number];

/** SER_INFERENCE_RUNTIME, tfjs when unset; any other value is a configuration error, not a silent tfjs. */
export function inferenceRuntime(env: NodeJS.ProcessEnv = process.env): InferenceRuntime {
  const value = env.SER_INFERENCE_RUNTIME || 'tfjs';
  if (!(INFERENCE_RUNTIMES as readonly string[]).includes(value))
    throw new Error(`SER_INFERENCE_RUNTIME must be one of ${INFERENCE_RUNTIMES.join(', ')}, not '${value}'`);
  return value as InferenceRuntime;
}

/** Mels per frame of the kinds that read log-mel frames (every FOP-based kind: features + lengths in); null for the others. */
function logMelBinsOf(model: KeptModel): number | null {
  if (model.kind === 'fop-classifier') return model.fop.nMels;
  if (model.kind === 'fop-hypercolumn-attention-lstm' || model.kind === 'fop-hypercolumn-classical') return model.fop.config.nMels;
  return null;
}

/** Whether this model is served through ONNX Runtime under the given runtime setting. */
export const servedByOnnx = (model: KeptModel, runtime: InferenceRuntime): boolean =>
  runtime === 'onnx' && ONNX_EXPORTABLE_KINDS.includes(model.kind) && logMelBinsOf(model) !== null;

/** A FOP-based model on ONNX Runtime: the same front end and padding as its tfjs loader, batched with a lengths input. */
export async function loadOnnxServable(artifacts: ArtifactStore, artifactKey: string, model: KeptModel): Promise<ServableModel> {
  const nMels = logMelBinsOf(model);
  if (nMels === null) throw new Error(`no ONNX serving for kind ${model.kind}`);
  const session = await ort.InferenceSession.create(await keptModelToOnnx(artifacts, artifactKey, model), { executionProviders: ['cpu'] });
  const classes = model.classes.length;
  return {
    kind: model.kind,
    labels: [...model.classes],
    featureKind: 'log-mel',
    frontEnd: LOG_MEL, // the tfjs loaders' of these kinds
    featurize: frontEndOf(LOG_MEL), // [frames * nMels]
    async predict(inputs) {
      const lengths = inputs.map((x) => x.length / nMels);
      const longest = Math.max(...lengths);
      const padded = new Float32Array(inputs.length * longest * nMels);
      inputs.forEach((x, row) => padded.set(x, row * longest * nMels));
      const out = await session.run({
        [FOP_ONNX_IO.features]: new ort.Tensor('float32', padded, [inputs.length, longest, nMels]), // [batch, frames, nMels]
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
