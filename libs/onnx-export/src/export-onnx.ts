// Kept models (models/<run>/, read through @ser/model-artifacts) as ONNX files. Each exportable kind builds its
// own graph; the metadata says how to make the graph's input from audio, so the file serves without this platform.
import type { ArtifactStore } from '@ser/artifacts';
import { DEFAULT_MEL_CONFIG } from '@ser/audio';
import { readKeptModel, readKeptWeights, type KeptModel, type KeptModelKind } from '@ser/model-artifacts';
import { FOP_ONNX_IO, buildFopClassifierGraph } from './fop-classifier-onnx';
import { ONNX_OPSET } from './onnx-proto';

/** The kinds with an ONNX graph so far; the others fail with OnnxExportUnsupportedError. */
export const ONNX_EXPORTABLE_KINDS: readonly KeptModelKind[] = ['fop-classifier'];

export class OnnxExportUnsupportedError extends Error {
  constructor(readonly kind: string) {
    super(`model kind '${kind}' has no ONNX export yet (exportable: ${ONNX_EXPORTABLE_KINDS.join(', ')})`);
    this.name = 'OnnxExportUnsupportedError';
  }
}

/** metadata_props keys of an export. */
export const ONNX_METADATA_KEYS = {
  kind: 'ser.kind',
  classes: 'ser.classes',
  frontEnd: 'ser.front_end',
  inputs: 'ser.inputs',
  model: 'ser.model',
} as const;

/** Which registry version it was, when the caller knows (the CLI and gateway do; a bare artifact key does not). */
export interface ExportedModelIdentity {
  name: string;
  version: number;
}

/** The ONNX file (opset 17) of a kept model already read. */
export async function keptModelToOnnx(artifacts: ArtifactStore, prefix: string, model: KeptModel, identity?: ExportedModelIdentity): Promise<Uint8Array> {
  if (model.kind !== 'fop-classifier') throw new OnnxExportUnsupportedError(model.kind);
  const weights = await readKeptWeights(artifacts, prefix, model.weights);
  const { graph, logits, probabilities } = buildFopClassifierGraph({ config: model.fop, classes: model.classes, weights });
  const classes = model.classes.length;
  const frontEnd = {
    features: 'log-mel',
    // The features service's front end: @ser/audio createLogMel() with DEFAULT_MEL_CONFIG, natural log, no normalisation.
    mel: { ...DEFAULT_MEL_CONFIG, log: 'natural', normalisation: 'none' },
    input: 'mono float32 samples in [-1, 1], resampled to sampleRate first',
  };
  return graph.toModel({
    name: `fop-classifier${identity ? ` ${identity.name}@${identity.version}` : ''}`,
    inputs: [
      { name: FOP_ONNX_IO.features, dtype: 'float', shape: ['batch', 'frames', model.fop.nMels] },
      { name: FOP_ONNX_IO.lengths, dtype: 'int64', shape: ['batch'] },
    ],
    outputs: [
      { name: FOP_ONNX_IO.logits, dtype: 'float', shape: ['batch', classes], from: logits },
      { name: FOP_ONNX_IO.probabilities, dtype: 'float', shape: ['batch', classes], from: probabilities },
    ],
    metadata: {
      [ONNX_METADATA_KEYS.kind]: model.kind,
      [ONNX_METADATA_KEYS.classes]: JSON.stringify(model.classes),
      [ONNX_METADATA_KEYS.frontEnd]: JSON.stringify(frontEnd),
      [ONNX_METADATA_KEYS.inputs]: JSON.stringify({
        features: `[batch, frames, ${model.fop.nMels}] log-mel frames, rows right-padded to the longest`,
        lengths: '[batch] int64, real frames of each row (padding is left out of the pooling)',
      }),
      ...(identity ? { [ONNX_METADATA_KEYS.model]: JSON.stringify(identity) } : {}),
    },
    docString: `A fine-tuned FOP classifier exported at opset ${ONNX_OPSET}: softmax over [${model.classes.join(', ')}].`,
  });
}

/** Reads `<prefix>/model.json` and its weights and returns the ONNX file. */
export async function exportKeptModelToOnnx(artifacts: ArtifactStore, prefix: string, identity?: ExportedModelIdentity): Promise<Uint8Array> {
  return keptModelToOnnx(artifacts, prefix, await readKeptModel(artifacts, prefix), identity);
}
