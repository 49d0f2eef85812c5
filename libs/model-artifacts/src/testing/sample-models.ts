// Small kept models of every kind, as the classifier-trainer's writers hand them over (format 2 drafts) and as the
// writers before format 2 left them on disk (version 1 model.json + float32 .bin files).
import type { ClassicalModelJson } from '@ser/classical';
import type { SavedTensors } from '@ser/models';
import type { KeptModelDraft } from '../kept-model-files';

/** Float32 tensors with distinct values (seeded by `base`), in name order as @ser/models saveVariables writes them. */
export function sampleTensors(shapes: Record<string, number[]>, base = 0): SavedTensors {
  const names = Object.keys(shapes).sort();
  const manifest = names.map((name) => ({ name, shape: shapes[name]!, dtype: 'float32' as const }));
  const total = manifest.reduce((n, e) => n + e.shape.reduce((a, b) => a * b, 1), 0);
  const values = Float32Array.from({ length: total }, (_, i) => base + i * 0.25 - 3);
  return { manifest, data: Buffer.from(values.buffer) };
}

export const FOP = { nMels: 80, dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 1, dropout: 0.1, attentionDropout: 0.1 };
const CLASSES = ['angry', 'happy', 'neutral', 'sad'];
const STANDARDIZER = { mean: [0.5, -1], std: [1, 2] };
const fopLineage = { runId: 'run-1', datasetVersionId: 'dv-1', pretrainedCheckpointId: 'ck-1' };
const svm: ClassicalModelJson = {
  kind: 'svm',
  options: { kernel: 'rbf', C: 1 },
  labels: [0, 1, 2, 3],
  standardizer: STANDARDIZER,
  libsvmModel: 'svm_type c_svc\n',
};
const network = {
  sequenceModel: 'bigru' as const,
  cnn: { frames: 32, bins: 129, layers: [{ filters: 2, kernel: [3, 3] as [number, number] }], representationUnits: 8, dropout: 0.1 },
  fusion: { deepUnits: 8, latentUnits: 16, outputUnits: 8 },
  classifier: { units: 4, numClasses: 4 },
};
const vqvaeConfig = { frames: 32, bins: 129, hiddenChannels: 4, embeddingDim: 4, codebookSize: 8, downsamplings: 2, beta: 0.25, ema: true, emaDecay: 0.99 };

export const SAMPLE_DRAFTS: Record<KeptModelDraft['kind'], KeptModelDraft> = {
  'fop-classifier': {
    kind: 'fop-classifier',
    classes: CLASSES,
    fop: FOP,
    weights: sampleTensors({ 'embed.kernel': [80, 16], 'head.bias': [4] }),
    bestEpoch: 3,
    lineage: { ...fopLineage, pretrainedCheckpointId: null },
  },
  'fop-hypercolumn-classical': {
    kind: 'fop-hypercolumn-classical',
    classes: CLASSES,
    fop: { config: FOP, weights: sampleTensors({ 'embed.kernel': [80, 16] }, 1) },
    representation: 'concat',
    lineage: fopLineage,
    pooling: 'mean',
    classifier: svm,
  },
  'fop-hypercolumn-attention-lstm': {
    kind: 'fop-hypercolumn-attention-lstm',
    classes: CLASSES,
    fop: { config: FOP, weights: sampleTensors({ 'embed.kernel': [80, 16] }, 2) },
    representation: 'h2',
    lineage: fopLineage,
    maxFrames: 40,
    standardizer: STANDARDIZER,
    attentionLstm: {
      config: { inputDim: 16, numClasses: 4, units: 8, attentionUnits: 4, dropout: 0.2 },
      weights: sampleTensors({ 'lstm.kernel': [16, 32], 'out.bias': [4] }, 3),
    },
    bestEpoch: 1,
  },
  'sequence-model': {
    kind: 'sequence-model',
    classes: CLASSES,
    sequenceModel: 'bigru',
    features: 'fusion',
    segments: { frames: 32, bins: 129, hopSamples: 2120, maxSegments: 4 },
    standardizer: STANDARDIZER,
    network,
    weights: sampleTensors({ 'cnn.conv0.kernel': [3, 3, 1, 2], 'classifier.out.bias': [4] }, 4),
    vqvae: { config: vqvaeConfig, normalisation: STANDARDIZER, weights: sampleTensors({ 'encoder.kernel': [4, 4] }, 5) },
    bestEpoch: 2,
    lineage: { runId: 'run-1', datasetVersionId: 'dv-1', vqvaeCheckpointId: 'ck-2' },
  },
};

/**
 * What the writers before format 2 stored for each kind: model.json exactly as they wrote it (a fop-classifier's
 * weights with no file name), and the raw float32 files beside it.
 */
export function version1Files(kind: KeptModelDraft['kind']): { json: Record<string, unknown>; files: Record<string, Buffer> } {
  const draft = SAMPLE_DRAFTS[kind] as Record<string, unknown>;
  const files: Record<string, Buffer> = {};
  const ref = (file: string | null, saved: SavedTensors) => {
    files[file ?? 'weights.bin'] = saved.data;
    return file ? { file, manifest: saved.manifest } : { manifest: saved.manifest };
  };
  const d = SAMPLE_DRAFTS;
  if (kind === 'fop-classifier')
    return { json: { ...draft, weights: ref(null, (d[kind] as Extract<KeptModelDraft, { kind: 'fop-classifier' }>).weights) }, files };
  if (kind === 'sequence-model') {
    const s = d[kind] as Extract<KeptModelDraft, { kind: 'sequence-model' }>;
    return { json: { ...draft, weights: ref('weights.bin', s.weights), vqvae: s.vqvae && { ...s.vqvae, weights: ref('vqvae.bin', s.vqvae.weights) } }, files };
  }
  const h = draft as Extract<KeptModelDraft, { kind: 'fop-hypercolumn-classical' | 'fop-hypercolumn-attention-lstm' }>;
  const json: Record<string, unknown> = { ...draft, fop: { config: h.fop.config, weights: ref('fop.bin', h.fop.weights) } };
  if (h.kind === 'fop-hypercolumn-attention-lstm')
    json.attentionLstm = { config: h.attentionLstm.config, weights: ref('weights.bin', h.attentionLstm.weights) };
  return { json, files };
}
