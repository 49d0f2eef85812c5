// model.json of a kept model (models/<run>/): one schema per kind, the contract between the classifier-trainer
// that writes it and the inference service (and the registry) that read it. Format version 2 names every weights
// file and its format (safetensors); version 1 files (no formatVersion, float32 .bin weights, and no file name on a
// fop-classifier's weights) are upgraded when read.
import { z } from 'zod';
import type { ClassicalModelJson, StandardizerState } from '@ser/classical';
import type {
  AttentionLstmConfig,
  CnnConfig,
  FopConfig,
  FusionConfig,
  HypercolumnRepresentation,
  SequenceModelKind,
  SequenceNetworkConfig,
  VqvaeConfig,
} from '@ser/models';
import { weightsRefSchema } from './weights-file';

export const KEPT_MODEL_FORMAT_VERSION = 2;

const count = z.number().int().positive();
const rate = z.number().min(0).max(1);

const fopConfigSchema = z.object({ nMels: count, dModel: count, numHeads: count, ffnUnits: count, numLayers: count, dropout: rate, attentionDropout: rate });
const standardizerSchema = z.object({ mean: z.array(z.number()), std: z.array(z.number()) });
const attentionLstmConfigSchema = z.object({ inputDim: count, numClasses: count, units: count, attentionUnits: count, dropout: rate });
const cnnConfigSchema = z.object({
  frames: count,
  bins: count,
  layers: z.array(z.object({ filters: count, kernel: z.tuple([count, count]) })),
  representationUnits: count,
  dropout: rate,
});
const fusionConfigSchema = z.object({ deepUnits: count, latentUnits: count, outputUnits: count });
const vqvaeConfigSchema = z.object({
  frames: count,
  bins: count,
  hiddenChannels: count,
  embeddingDim: count,
  codebookSize: count,
  downsamplings: z.number().int().nonnegative(),
  beta: z.number(),
  ema: z.boolean(),
  emaDecay: rate,
});
const SEQUENCE_MODELS = ['tacn', 'tcn', 'simple-rnn', 'gru', 'bigru', 'lstm', 'bilstm'] as const;
const sequenceNetworkConfigSchema = z.object({
  sequenceModel: z.enum(SEQUENCE_MODELS),
  cnn: cnnConfigSchema,
  fusion: fusionConfigSchema.nullable(),
  /** TacnModelConfig, TcnConfig or RnnConfig: createSequenceNetwork checks it. */
  classifier: z.record(z.string(), z.unknown()),
});
const HYPERCOLUMN_REPRESENTATIONS = ['F', 'h1', 'h2', 'add', 'concat'] as const;
const FRAME_POOLINGS = ['mean', 'mean-std'] as const;
const classicalModelSchema = z.custom<ClassicalModelJson>(
  (v) => typeof v === 'object' && v !== null && ((v as { kind?: unknown }).kind === 'svm' || (v as { kind?: unknown }).kind === 'random-forest'),
  'a classical classifier saved with toJSON() (kind svm or random-forest)',
);

// Each kind is a strict object: a field a writer adds without adding it here fails the writer's tests instead of
// being dropped on the way to the reader.

/** Fields every kind has: which format, the class names in output order, and where it came from. */
const common = {
  formatVersion: z.literal(KEPT_MODEL_FORMAT_VERSION),
  classes: z.array(z.string().min(1)).min(2),
};
const fopLineage = { runId: z.string(), datasetVersionId: z.string(), pretrainedCheckpointId: z.string().nullable() };

/** A fine-tuned FOP with a pooled softmax head (method fop-fine-tune). */
export const fopClassifierModelSchema = z.strictObject({
  ...common,
  kind: z.literal('fop-classifier'),
  fop: fopConfigSchema,
  weights: weightsRefSchema,
  bestEpoch: z.number().int(),
  lineage: z.object(fopLineage),
});

/** What both hypercolumn kinds share: a frozen FOP (output layer included) and which hypercolumn feeds the classifier. */
const hypercolumnFields = {
  ...common,
  fop: z.object({ config: fopConfigSchema, weights: weightsRefSchema }),
  representation: z.enum(HYPERCOLUMN_REPRESENTATIONS),
  lineage: z.object(fopLineage),
};

/** SVM or random forest on the hypercolumns pooled over all frames; its integer labels index `classes`. */
export const hypercolumnClassicalModelSchema = z.strictObject({
  ...hypercolumnFields,
  kind: z.literal('fop-hypercolumn-classical'),
  /** 'mean' of the frames (the FOP paper's pooling), or 'mean-std' (per-feature mean, then standard deviation). */
  pooling: z.enum(FRAME_POOLINGS).default('mean'),
  classifier: classicalModelSchema,
});

/** The attention-LSTM on the z-scored hypercolumn sequence of the whole utterance. */
export const hypercolumnAttentionLstmModelSchema = z.strictObject({
  ...hypercolumnFields,
  kind: z.literal('fop-hypercolumn-attention-lstm'),
  /** Frames per utterance it trained on; it classifies whole utterances. */
  maxFrames: count,
  /** Per frame feature, (x - mean) / std before the LSTM. */
  standardizer: standardizerSchema,
  attentionLstm: z.object({ config: attentionLstmConfigSchema, weights: weightsRefSchema }),
  bestEpoch: z.number().int(),
});

/** CNN over 32x129 spectrogram segments (+ a frozen VQ-VAE's latents fused in) into a sequence model (method sequence-model). */
export const sequenceModelSchema = z.strictObject({
  ...common,
  kind: z.literal('sequence-model'),
  sequenceModel: z.enum(SEQUENCE_MODELS),
  features: z.enum(['deep', 'fusion']),
  /** @ser/audio createTacnFrontEnd({ segmentHopSamples: hopSamples }) of 16 kHz audio; maxSegments bounds training windows only. */
  segments: z.object({ frames: count, bins: count, hopSamples: count, maxSegments: count }),
  /** Per bin, (x - mean) / std before the CNN. */
  standardizer: standardizerSchema,
  network: sequenceNetworkConfigSchema,
  weights: weightsRefSchema,
  /** 'fusion' only: the VQ-VAE as its latents were taken, and its own input z-scoring. */
  vqvae: z.object({ config: vqvaeConfigSchema, normalisation: standardizerSchema, weights: weightsRefSchema }).nullable(),
  bestEpoch: z.number().int(),
  lineage: z.object({ runId: z.string(), datasetVersionId: z.string(), vqvaeCheckpointId: z.string().nullable() }),
});

export const keptModelSchema = z.discriminatedUnion('kind', [
  fopClassifierModelSchema,
  hypercolumnClassicalModelSchema,
  hypercolumnAttentionLstmModelSchema,
  sequenceModelSchema,
]);

export type KeptModel = z.infer<typeof keptModelSchema>;
export type KeptModelKind = KeptModel['kind'];
export type KeptModelOfKind<K extends KeptModelKind> = Extract<KeptModel, { kind: K }>;
export const KEPT_MODEL_KINDS = keptModelSchema.options.map((o) => o.shape.kind.value) as KeptModelKind[];

// The schemas restate the model configs of @ser/models and @ser/classical; these fail to compile when they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type SchemaMatchesModelTypes = [
  Holds<Same<z.infer<typeof fopConfigSchema>, FopConfig>>,
  Holds<Same<z.infer<typeof standardizerSchema>, StandardizerState>>,
  Holds<Same<z.infer<typeof attentionLstmConfigSchema>, AttentionLstmConfig>>,
  Holds<Same<z.infer<typeof cnnConfigSchema>, CnnConfig>>,
  Holds<Same<z.infer<typeof fusionConfigSchema>, FusionConfig>>,
  Holds<Same<z.infer<typeof vqvaeConfigSchema>, VqvaeConfig>>,
  Holds<Same<(typeof SEQUENCE_MODELS)[number], SequenceModelKind>>,
  Holds<Same<z.infer<typeof sequenceNetworkConfigSchema>, SequenceNetworkConfig>>,
  Holds<Same<(typeof HYPERCOLUMN_REPRESENTATIONS)[number], HypercolumnRepresentation>>,
];
