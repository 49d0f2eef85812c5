// Kept models (models/<run>/, read through @ser/model-artifacts) as ONNX files. Each exportable kind builds its
// own graph; the metadata says how to make the graph's input from audio, so the file serves without this platform.
import type { ArtifactStore } from '@ser/artifacts';
import { DEFAULT_MEL_CONFIG, DEFAULT_TACN_CONFIG } from '@ser/audio';
import { readKeptModel, readKeptWeights, type KeptModel, type KeptModelKind, type KeptModelOfKind, type WeightsRef } from '@ser/model-artifacts';
import type { SavedTensors } from '@ser/models';
import { buildHypercolumnAttentionLstmGraph } from './attention-lstm-onnx';
import { FOP_ONNX_IO, buildFopClassifierGraph } from './fop-classifier-onnx';
import { buildHypercolumnClassicalGraph } from './hypercolumn-classical-onnx';
import type { GraphValue, OnnxGraph } from './graph-builder';
import { ONNX_OPSET } from './onnx-proto';
import { SEQUENCE_ONNX_IO, buildSequenceModelGraph, sequenceModelExportable } from './sequence-model-onnx';

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

/** What one kind's exporter builds: the graph, the values its outputs come from, and what its inputs are. */
interface KindExport {
  graph: OnnxGraph;
  /** Kinds without logits (a classical model's probabilities only) leave it out. */
  logits?: string;
  probabilities: string;
  inputs: GraphValue[];
  /** ser.inputs metadata: each input in words. */
  inputDocs: Record<string, string>;
  /** ser.front_end metadata: how the first input is made from audio. */
  frontEnd: object;
  docString: string;
}

/** Builds one kind's graph; weightsOf reads a weights file beside model.json. */
type KindExporter<K extends KeptModelKind> = (model: KeptModelOfKind<K>, weightsOf: (ref: WeightsRef) => Promise<SavedTensors>) => Promise<KindExport>;

/** The log-mel frames every FOP-based kind reads: the features service's front end, @ser/audio createLogMel() with DEFAULT_MEL_CONFIG. */
const LOG_MEL_FRONT_END = {
  features: 'log-mel',
  mel: { ...DEFAULT_MEL_CONFIG, log: 'natural', normalisation: 'none' },
  input: 'mono float32 samples in [-1, 1], resampled to sampleRate first',
};

/** features [batch, frames, nMels] + lengths [batch]: the inputs of every FOP-based kind. */
function logMelInputs(nMels: number, lengthsDoc: string): Pick<KindExport, 'inputs' | 'inputDocs' | 'frontEnd'> {
  return {
    inputs: [
      { name: FOP_ONNX_IO.features, dtype: 'float', shape: ['batch', 'frames', nMels] },
      { name: FOP_ONNX_IO.lengths, dtype: 'int64', shape: ['batch'] },
    ],
    inputDocs: { features: `[batch, frames, ${nMels}] log-mel frames, rows right-padded to the longest`, lengths: `[batch] int64, ${lengthsDoc}` },
    frontEnd: LOG_MEL_FRONT_END,
  };
}

/** One exporter per kind with an ONNX graph; the others fail with OnnxExportUnsupportedError. */
const EXPORTERS: { [K in KeptModelKind]?: KindExporter<K> } = {
  'fop-classifier': async (model, weightsOf) => {
    const built = buildFopClassifierGraph({ config: model.fop, classes: model.classes, weights: await weightsOf(model.weights) });
    return {
      ...built,
      ...logMelInputs(model.fop.nMels, 'real frames of each row (padding is left out of the pooling)'),
      docString: `A fine-tuned FOP classifier exported at opset ${ONNX_OPSET}: softmax over [${model.classes.join(', ')}].`,
    };
  },
  'fop-hypercolumn-attention-lstm': async (model, weightsOf) => {
    const fopWeights = await weightsOf(model.fop.weights);
    const lstmWeights = await weightsOf(model.attentionLstm.weights);
    const built = buildHypercolumnAttentionLstmGraph({
      fop: { config: model.fop.config, weights: fopWeights },
      representation: model.representation,
      standardizer: model.standardizer,
      attentionLstm: { config: model.attentionLstm.config, weights: lstmWeights },
      classes: model.classes,
    });
    return {
      ...built,
      ...logMelInputs(model.fop.config.nMels, 'real frames of each row (padded frames get no attention)'),
      docString: `A frozen FOP's ${model.representation} hypercolumns of the whole utterance into an attention-LSTM, exported at opset ${ONNX_OPSET}: softmax over [${model.classes.join(', ')}].`,
    };
  },
  'fop-hypercolumn-classical': async (model, weightsOf) => ({
    ...buildHypercolumnClassicalGraph(model, await weightsOf(model.fop.weights)),
    ...logMelInputs(model.fop.config.nMels, 'real frames of each row (padding is left out of the pooling)'),
    docString: `${model.representation === 'F' ? 'Log-mel frames' : `A frozen FOP's ${model.representation} hypercolumns`}, pooled (${model.pooling}), into a ${model.classifier.kind}, exported at opset ${ONNX_OPSET}: probabilities over [${model.classes.join(', ')}].`,
  }),
  'sequence-model': async (model, weightsOf) => {
    if (!sequenceModelExportable(model.sequenceModel)) throw new OnnxExportUnsupportedError(`${model.kind} (${model.sequenceModel})`);
    const { frames, bins, hopSamples } = model.segments;
    const built = buildSequenceModelGraph({
      network: model.network,
      weights: await weightsOf(model.weights),
      standardizer: model.standardizer,
      vqvae: model.vqvae && { ...model.vqvae, weights: await weightsOf(model.vqvae.weights) },
      classes: model.classes,
    });
    return {
      ...built,
      inputs: [
        { name: SEQUENCE_ONNX_IO.segments, dtype: 'float', shape: ['batch', 'segments', frames, bins] },
        { name: SEQUENCE_ONNX_IO.lengths, dtype: 'int64', shape: ['batch'] },
      ],
      inputDocs: {
        segments: `[batch, segments, ${frames}, ${bins}] log-magnitude spectrogram segments of each utterance in time order, rows right-padded to the most segments`,
        lengths: '[batch] int64, real segments of each row (each row is read at its last real segment)',
      },
      // The features service's TACN front end: @ser/audio createTacnFrontEnd({ segmentHopSamples }), no normalisation.
      frontEnd: { features: 'tacn-segments', segments: { ...DEFAULT_TACN_CONFIG, segmentHopSamples: hopSamples }, input: LOG_MEL_FRONT_END.input },
      docString: `A ${model.features} ${model.sequenceModel.toUpperCase()} over 32x129 spectrogram segments, exported at opset ${ONNX_OPSET}: softmax over [${model.classes.join(', ')}].`,
    };
  },
};

/** The kinds with an ONNX graph so far (a sequence-model's RNNs not yet: see onnxExportable). */
export const ONNX_EXPORTABLE_KINDS: readonly KeptModelKind[] = Object.keys(EXPORTERS) as KeptModelKind[];

/** Whether this kept model exports: its kind has a graph, and for a sequence-model, its sequence model too. */
export const onnxExportable = (model: KeptModel): boolean =>
  ONNX_EXPORTABLE_KINDS.includes(model.kind) && (model.kind !== 'sequence-model' || sequenceModelExportable(model.sequenceModel));

export class OnnxExportUnsupportedError extends Error {
  constructor(readonly kind: string) {
    super(`model kind '${kind}' has no ONNX export yet (exportable: ${ONNX_EXPORTABLE_KINDS.join(', ')})`);
    this.name = 'OnnxExportUnsupportedError';
  }
}

/** The ONNX file (opset 17) of a kept model already read. */
export async function keptModelToOnnx(artifacts: ArtifactStore, prefix: string, model: KeptModel, identity?: ExportedModelIdentity): Promise<Uint8Array> {
  const exporter = EXPORTERS[model.kind] as KindExporter<KeptModelKind> | undefined;
  if (!exporter) throw new OnnxExportUnsupportedError(model.kind);
  const built = await exporter(model, (ref) => readKeptWeights(artifacts, prefix, ref));
  const classes = model.classes.length;
  const outputs = [
    ...(built.logits ? [{ name: FOP_ONNX_IO.logits, dtype: 'float' as const, shape: ['batch', classes], from: built.logits }] : []),
    { name: FOP_ONNX_IO.probabilities, dtype: 'float' as const, shape: ['batch', classes], from: built.probabilities },
  ];
  return built.graph.toModel({
    name: `${model.kind}${identity ? ` ${identity.name}@${identity.version}` : ''}`,
    inputs: built.inputs,
    outputs,
    metadata: {
      [ONNX_METADATA_KEYS.kind]: model.kind,
      [ONNX_METADATA_KEYS.classes]: JSON.stringify(model.classes),
      [ONNX_METADATA_KEYS.frontEnd]: JSON.stringify(built.frontEnd),
      [ONNX_METADATA_KEYS.inputs]: JSON.stringify(built.inputDocs),
      ...(identity ? { [ONNX_METADATA_KEYS.model]: JSON.stringify(identity) } : {}),
    },
    docString: built.docString,
  });
}

/** Reads `<prefix>/model.json` and its weights and returns the ONNX file. */
export async function exportKeptModelToOnnx(artifacts: ArtifactStore, prefix: string, identity?: ExportedModelIdentity): Promise<Uint8Array> {
  return keptModelToOnnx(artifacts, prefix, await readKeptModel(artifacts, prefix), identity);
}
