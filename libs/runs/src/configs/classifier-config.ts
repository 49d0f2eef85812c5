import { z } from 'zod';
import { DEFAULT_TACN_CONFIG } from '@ser/audio';
import { evaluationProtocolSchema } from '@ser/evaluation';
import { DEFAULT_CNN_CONFIG, DEFAULT_FUSION_CONFIG, DEFAULT_TACN_MODEL_CONFIG, FRAME_POOLINGS } from '@ser/models';

/** FOP architecture keys: a pre-trained checkpoint fixes them; dropout may differ when fine-tuning. */
export const FOP_ARCHITECTURE_KEYS = ['nMels', 'dModel', 'numHeads', 'ffnUnits', 'numLayers'] as const;

const fopOverridesSchema = z
  .object({
    nMels: z.number().int().positive(),
    dModel: z.number().int().positive(),
    numHeads: z.number().int().positive(),
    ffnUnits: z.number().int().positive(),
    numLayers: z.number().int().positive(),
    dropout: z.number().min(0).max(0.9),
    attentionDropout: z.number().min(0).max(0.9),
  })
  .partial()
  .strict();

/** What every method shares: how folds, repeats, seeds, validation and class weights work. */
const evaluationFields = {
  /** Labelled dataset version to train and evaluate on. */
  datasetVersionId: z.string().min(1),
  protocol: evaluationProtocolSchema.prefault({ kind: 'speaker-holdout' }),
  /** Independent repetitions with seeds seed, seed+1, ...; the paper reports means over 20. */
  repeats: z.number().int().positive().default(1),
  /** Share of a fold's training items (whole speakers when the protocol is speaker-independent). */
  validationFraction: z.number().gt(0).lt(1).default(0.1),
  /**
   * How early stopping's validation share is drawn from a fold's training items: 'speakers' moves whole speakers
   * (when the protocol is speaker-independent, so model selection sees unseen voices), 'stratified' a per-class share
   * of the utterances, so every training speaker still trains (small corpora lose less).
   */
  validationSplit: z.enum(['speakers', 'stratified']).default('speakers'),
  /**
   * 'balanced' weighs the loss by inverse class frequency (IEMOCAP is imbalanced; UA counts every class). 'none' by
   * default: neither paper weighs its classes.
   */
  classWeights: z.enum(['balanced', 'none']).default('none'),
  seed: z.number().int().default(1),
  /**
   * What a user of the kept model must know that its scores do not say (the demo model's synthetic-speech caveat);
   * its model card lists these first, before the limits it derives itself.
   */
  knownLimits: z.array(z.string().min(1)).optional(),
};

/**
 * A FOP fine-tuning experiment (Table 1 of the FOP paper: pre-training None / dataset A / dataset B). Unknown
 * keys are errors; the resolved config (model filled in from the checkpoint) is stored with the run.
 */
export const fineTuneRunConfigSchema = z
  .object({
    method: z.literal('fop-fine-tune'),
    ...evaluationFields,
    /** FOP pre-training checkpoint to start from; absent = random initialisation (the paper's "None"). */
    pretrainedCheckpointId: z.string().min(1).optional(),
    /** FOP config overrides; with a checkpoint the architecture keys must equal the checkpoint's. */
    model: fopOverridesSchema.prefault({}),
    /** At most this many epochs per fold; early stopping usually ends sooner. No paper value. */
    epochs: z.number().int().positive().default(50),
    batchSize: z.number().int().positive().default(32), // 32: FOP paper sec. 4.1
    /** Training crops; 300 frames = 3 s. Test utterances are classified whole. */
    cropFrames: z.number().int().positive().default(300),
    learningRate: z.number().positive().default(1e-3), // 1e-3: Adam, FOP paper sec. 4.1 (one rate given)
    /** Epochs without validation-loss improvement a fold tolerates; the next one stops it (EarlyStopping). */
    patience: z.number().int().nonnegative().default(5),
  })
  .strict();

/** Feature normalisations of the pooled hypercolumns (hypercolumnRunConfigSchema's `normalize`). */
export const FEATURE_NORMALIZATIONS = ['none', 'per-corpus', 'per-speaker'] as const;
export type FeatureNormalization = (typeof FEATURE_NORMALIZATIONS)[number];

/** Hypercolumn representations of FOP paper Table 2; see HYPERCOLUMNS in hypercolumn-extract.ts. */
export const HYPERCOLUMN_REPRESENTATIONS = ['F', 'h1', 'h2', 'add', 'concat'] as const;
export type HypercolumnRepresentation = (typeof HYPERCOLUMN_REPRESENTATIONS)[number];

const svmSchema = z
  .object({
    kernel: z.enum(['rbf', 'linear']).default('rbf'), // RBF: libsvm's default kernel; the paper names no kernel
    C: z.number().positive().default(1), // 1: libsvm's default cost
    /** RBF width; absent = 1 / features (libsvm's default, on z-scored features). */
    gamma: z.number().positive().optional(),
    /**
     * Platt-scaled class probabilities (libsvm -b 1): the served model gives them instead of its class at probability
     * 1, and predicts (in evaluation too) the most probable class. Costs five inner fits per fold. No paper value.
     */
    probability: z.boolean().default(false),
    /**
     * Choose C and gamma per fold by inner cross-validation over the fold's training speakers (the test speakers are
     * never seen); C and gamma above are then ignored. Absent: train with them as given. No paper value: the FOP
     * paper tunes nothing it reports; the baseline rows of the issue-13 tables are tuned so the bar is fair.
     */
    search: z
      .object({
        C: z.array(z.number().positive()).min(1).default([0.1, 1, 10, 100]),
        /** gamma = gammaScale / features (multiples of libsvm's default width). */
        gammaScale: z.array(z.number().positive()).min(1).default([0.25, 0.5, 1, 2]),
        folds: z.number().int().min(2).default(5),
      })
      .strict()
      .optional(),
  })
  .strict();

const randomForestSchema = z
  .object({
    nEstimators: z.number().int().positive().default(100), // 100: sklearn's default
    /** Features tried per split: 'sqrt' (sklearn's default), a count, or a fraction in (0, 1). */
    maxFeatures: z.union([z.literal('sqrt'), z.number().positive()]).default('sqrt'),
    /** Deepest split level; absent = grow until pure (sklearn's default). */
    maxDepth: z.number().int().positive().optional(),
    minSamplesLeaf: z.number().int().positive().default(1), // 1: sklearn's default
  })
  .strict();

const attentionLstmSchema = z
  .object({
    units: z.number().int().positive().default(128), // DEFAULT_ATTENTION_LSTM_CONFIG in @ser/models
    attentionUnits: z.number().int().positive().default(64),
    dropout: z.number().min(0).max(0.9).default(0.2), // 0.2: the FOP paper's one dropout rate (sec. 4.1)
    /** At most this many epochs per fold; early stopping usually ends sooner. No paper value. */
    epochs: z.number().int().positive().default(50),
    batchSize: z.number().int().positive().default(32), // 32: FOP paper sec. 4.1
    learningRate: z.number().positive().default(1e-3), // 1e-3: Adam, FOP paper sec. 4.1
    /** Epochs without validation-loss improvement a fold tolerates; the next one stops it (EarlyStopping). */
    patience: z.number().int().nonnegative().default(5),
    /**
     * Frames of each utterance the LSTM trains on (its first ones; 500 = 5 s, about IEMOCAP's mean utterance): bounds
     * the LSTM's time per batch. Test utterances and served ones are read whole, length-masked.
     */
    maxFrames: z.number().int().positive().default(500),
  })
  .strict();

/**
 * FOP transfer by hypercolumns (Table 2 of the FOP paper): the frozen pre-trained FOP turns each utterance into a
 * sequence of feature vectors (representation), which a separate classifier learns. The SVM and the random
 * forest train on all of a fold's training speakers (nothing to stop early); the attention-LSTM stops early on
 * a validation split of them (validationFraction). Class weights weigh the SVM's C, the forest's impurity and
 * votes, and the LSTM's loss.
 */
export const hypercolumnRunConfigSchema = z
  .object({
    method: z.literal('fop-hypercolumns'),
    ...evaluationFields,
    /**
     * FOP pre-training checkpoint whose frozen layers give the hypercolumns: required, except for representation F,
     * the input log-mel frames, which no FOP layer touches (the log-mel statistics baseline runs without one).
     */
    pretrainedCheckpointId: z.string().min(1).optional(),
    representation: z.enum(HYPERCOLUMN_REPRESENTATIONS),
    classifier: z.enum(['svm', 'random-forest', 'attention-lstm']),
    /**
     * How the SVM / forest sees an utterance: 'mean' of its frames (the paper's average pooling) or 'mean-std' (per
     * feature mean and standard deviation; with representation F, the log-mel statistics baseline). The
     * attention-LSTM reads the frames themselves.
     */
    pooling: z.enum(FRAME_POOLINGS).default('mean'),
    /**
     * Labels-free feature normalisation before the SVM / forest (Schuller et al. 2010, cross-corpus SER): each
     * corpus ('per-corpus') or speaker ('per-speaker') of a fold's training part is z-scored with its own pooled
     * statistics, and so is each of its test part, with the test part's own. Absent or 'none': nothing beyond the
     * classifier's own standardiser (fitted on the training rows). The kept model folds in its training rows'
     * statistics: a served clip is read as one of the training corpus (its model card says so).
     */
    normalize: z.enum(FEATURE_NORMALIZATIONS).optional(),
    svm: svmSchema.prefault({}),
    randomForest: randomForestSchema.prefault({}),
    attentionLstm: attentionLstmSchema.prefault({}),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.pretrainedCheckpointId && c.representation !== 'F')
      ctx.addIssue({
        code: 'custom',
        path: ['pretrainedCheckpointId'],
        message: `representation ${c.representation} comes from a pre-trained FOP: name its checkpoint (only F runs without one)`,
      });
    if (c.classifier === 'attention-lstm' && c.normalize !== undefined && c.normalize !== 'none')
      ctx.addIssue({
        code: 'custom',
        path: ['normalize'],
        message: `normalize '${c.normalize}' applies to svm and random-forest only, not the attention-LSTM`,
      });
    if (c.classifier === 'attention-lstm' && c.pooling !== 'mean')
      ctx.addIssue({ code: 'custom', path: ['pooling'], message: 'the attention-LSTM reads every frame; pooling applies to svm and random-forest only' });
    if (c.classifier !== 'svm' && c.svm.search)
      ctx.addIssue({ code: 'custom', path: ['svm', 'search'], message: `svm.search tunes the SVM; this run's classifier is ${c.classifier}` });
  });

/** Hop of the segments the features service stores (samples). */
export const STORED_SEGMENT_HOP = DEFAULT_TACN_CONFIG.segmentHopSamples;

export const SEQUENCE_MODELS = ['tacn', 'tcn', 'simple-rnn', 'gru', 'bigru', 'lstm', 'bilstm'] as const;
export type SequenceModelName = (typeof SEQUENCE_MODELS)[number];

/**
 * The TACN paper's classifiers (its Tables 1 and 2): each utterance becomes a sequence of 32x129 spectrogram
 * segments; a CNN gives each segment its deep representation ('deep'), optionally fused with the frozen
 * pre-trained VQ-VAE's latent representation ('fusion'), and a sequence model (TACN or a baseline) classifies the
 * sequence. The CNN, the fusion layer and the sequence model train end to end. Model sizes are in `model`
 * (sequence-config.ts has the defaults and what each key sizes).
 */
export const sequenceModelRunConfigSchema = z
  .object({
    method: z.literal('sequence-model'),
    ...evaluationFields,
    sequenceModel: z.enum(SEQUENCE_MODELS),
    features: z.enum(['deep', 'fusion']),
    /** VQ-VAE pre-training checkpoint whose latent is fused (required for 'fusion'; refused for 'deep'). */
    vqvaeCheckpointId: z.string().min(1).optional(),
    /**
     * Epochs of VQ-VAE reconstruction fine-tuning on the fold's training utterances before the latents are taken
     * (the TACN paper fine-tunes the pre-trained VQ-VAE on the target data); 0 uses the checkpoint as it is.
     */
    vqvaeFineTuneEpochs: z.number().int().nonnegative().default(3),
    /**
     * Adam by default. The TACN paper trains with Adadelta, batch 128 (sec. 3.2) on IEMOCAP's ~5,500 utterances; on
     * corpora of a few hundred that is a handful of updates an epoch, and Adadelta (lr 1.0, eps 1e-7) left every
     * network predicting one class: exactly 25.0 UA on RAVDESS 4-class and on the learn-above-chance task, where Adam
     * at batch 16-32 learns (docs/results/tacn-diagnosis.md). 'adadelta' with batchSize 128 is the paper's setting.
     */
    optimizer: z.enum(['adadelta', 'adam']).default('adam'),
    /** Absent: 1.0 for Adadelta (Keras' default, which the paper's Keras setup used), 1e-3 for Adam. */
    learningRate: z.number().positive().optional(),
    batchSize: z.number().int().positive().default(32), // 32: see optimizer; the paper's is 128
    /** At most this many epochs per fold; early stopping usually ends sooner. */
    epochs: z.number().int().positive().default(50),
    /** Epochs without validation-loss improvement a fold tolerates (EarlyStopping). */
    patience: z.number().int().nonnegative().default(5),
    /**
     * Samples between segment starts; a multiple of the features service's segment hop (2120 samples = 132.5 ms,
     * @ser/audio DEFAULT_TACN_CONFIG), since segments are read from it and every k-th one is kept.
     */
    segmentHop: z.number().int().positive().default(STORED_SEGMENT_HOP),
    /**
     * Segments of an utterance a training batch reads: a longer one is cut to a window of this many, drawn anew each
     * step (bounds memory and time per batch; 64 x 132.5 ms = 8.5 s). Evaluation and serving read whole utterances.
     */
    maxSegments: z.number().int().positive().default(64),
    model: z
      .object({
        cnnFilters: z.array(z.number().int().positive()).min(1).max(3),
        representationUnits: z.number().int().positive(),
        fusionUnits: z.number().int().positive(),
        channels: z.number().int().positive(),
        layers: z.number().int().positive(),
        numHeads: z.number().int().positive(),
        rnnUnits: z.number().int().positive(),
        dropout: z.number().min(0).max(0.9),
      })
      .partial()
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.features === 'fusion' && !c.vqvaeCheckpointId)
      ctx.addIssue({ code: 'custom', path: ['vqvaeCheckpointId'], message: "features 'fusion' needs a vqvaeCheckpointId" });
    if (c.features === 'deep' && c.vqvaeCheckpointId)
      ctx.addIssue({ code: 'custom', path: ['vqvaeCheckpointId'], message: "features 'deep' uses no VQ-VAE; leave vqvaeCheckpointId out" });
    if (c.sequenceModel === 'tacn') {
      // The taps' attention runs over the TACN's input width (the deep or fused features) and over its channels.
      const heads = c.model.numHeads ?? DEFAULT_TACN_MODEL_CONFIG.numHeads;
      const input =
        c.features === 'fusion'
          ? (c.model.fusionUnits ?? DEFAULT_FUSION_CONFIG.outputUnits)
          : (c.model.representationUnits ?? DEFAULT_CNN_CONFIG.representationUnits);
      for (const [key, units] of [
        ['representationUnits', input],
        ['channels', c.model.channels ?? DEFAULT_TACN_MODEL_CONFIG.channels],
      ] as const) {
        const path = key === 'representationUnits' && c.features === 'fusion' ? 'fusionUnits' : key;
        if (units % heads !== 0)
          ctx.addIssue({ code: 'custom', path: ['model', path], message: `TACN attention needs ${path} (${units}) divisible by numHeads (${heads})` });
      }
    }
    if (c.segmentHop % STORED_SEGMENT_HOP !== 0)
      ctx.addIssue({
        code: 'custom',
        path: ['segmentHop'],
        message: `segmentHop must be a multiple of ${STORED_SEGMENT_HOP} samples (the stored segments' hop)`,
      });
  });

export const classifierRunConfigSchema = z.discriminatedUnion('method', [fineTuneRunConfigSchema, hypercolumnRunConfigSchema, sequenceModelRunConfigSchema]);

export type FineTuneRunConfig = z.infer<typeof fineTuneRunConfigSchema>;
export type HypercolumnRunConfig = z.infer<typeof hypercolumnRunConfigSchema>;
export type SequenceModelRunConfig = z.infer<typeof sequenceModelRunConfigSchema>;
export type ClassifierRunConfig = z.infer<typeof classifierRunConfigSchema>;

/** Most epochs one fold can run (progress reporting); 1 for the classifiers that train without epochs. */
export function maxEpochsPerFold(config: ClassifierRunConfig): number {
  if (config.method === 'fop-fine-tune' || config.method === 'sequence-model') return config.epochs;
  return config.classifier === 'attention-lstm' ? config.attentionLstm.epochs : 1;
}
