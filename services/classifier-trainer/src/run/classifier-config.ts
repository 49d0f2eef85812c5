import { z } from 'zod';
import { evaluationProtocolSchema } from '@ser/evaluation';

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

/**
 * A FOP fine-tuning experiment (Table 1 of the FOP paper: pre-training None / dataset A / dataset B). Unknown
 * keys are errors; the resolved config (model filled in from the checkpoint) is stored with the run.
 */
export const classifierRunConfigSchema = z
  .object({
    method: z.literal('fop-fine-tune'),
    /** Labelled dataset version to train and evaluate on. */
    datasetVersionId: z.string().min(1),
    /** FOP pre-training checkpoint to start from; absent = random initialisation (the paper's "None"). */
    pretrainedCheckpointId: z.string().min(1).optional(),
    /** FOP config overrides; with a checkpoint the architecture keys must equal the checkpoint's. */
    model: fopOverridesSchema.prefault({}),
    protocol: evaluationProtocolSchema.prefault({ kind: 'speaker-holdout' }),
    /** Independent repetitions with seeds seed, seed+1, ...; the paper reports means over 20. */
    repeats: z.number().int().positive().default(1),
    /** At most this many epochs per fold; early stopping usually ends sooner. No paper value. */
    epochs: z.number().int().positive().default(50),
    batchSize: z.number().int().positive().default(32), // 32: FOP paper sec. 4.1
    /** Training crops; 300 frames = 3 s. Test utterances are classified whole. */
    cropFrames: z.number().int().positive().default(300),
    learningRate: z.number().positive().default(1e-3), // 1e-3: Adam, FOP paper sec. 4.1 (one rate given)
    /** Epochs without validation-loss improvement a fold tolerates; the next one stops it (EarlyStopping). */
    patience: z.number().int().nonnegative().default(5),
    /** Share of a fold's training items (whole speakers when the protocol is speaker-independent). */
    validationFraction: z.number().gt(0).lt(1).default(0.1),
    /** 'balanced' weighs the loss by inverse class frequency (IEMOCAP is imbalanced; UA counts every class). */
    classWeights: z.enum(['balanced', 'none']).default('balanced'),
    seed: z.number().int().default(1),
  })
  .strict();

export type ClassifierRunConfig = z.infer<typeof classifierRunConfigSchema>;
