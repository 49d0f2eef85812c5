import { z } from 'zod';
import { DEFAULT_FOP_CONFIG } from '@ser/models';

/**
 * A FOP pre-training experiment: data plus the knobs the paper names. Unknown keys are errors; the resolved
 * config is stored with the run.
 */
export const pretrainConfigSchema = z
  .object({
    /** Dataset versions to pre-train on; labels are ignored. */
    datasetVersionIds: z.array(z.string().min(1)).min(1),
    model: z
      .object({
        nMels: z.number().int().positive().default(DEFAULT_FOP_CONFIG.nMels),
        dModel: z.number().int().positive().default(DEFAULT_FOP_CONFIG.dModel),
        numHeads: z.number().int().positive().default(DEFAULT_FOP_CONFIG.numHeads),
        ffnUnits: z.number().int().positive().default(DEFAULT_FOP_CONFIG.ffnUnits),
        numLayers: z.number().int().positive().default(DEFAULT_FOP_CONFIG.numLayers),
        dropout: z.number().min(0).max(0.9).default(DEFAULT_FOP_CONFIG.dropout),
      })
      .strict()
      .prefault({}),
    /** 1 = the paper's next frame f_{t+1}; k predicts k frames ahead (APC-style). */
    shift: z.number().int().positive().default(1),
    epochs: z.number().int().positive().default(100),
    batchSize: z.number().int().positive().default(32), // 32: FOP paper sec. 4.1
    cropFrames: z.number().int().positive().default(200), // random crops; 200 frames = 2 s
    learningRate: z.number().positive().default(1e-3), // 1e-3: Adam, FOP paper sec. 4.1
    /** Fraction of utterances held out for early stopping. */
    heldOutFraction: z.number().min(0).max(0.5).default(0.1),
    /** Epochs without held-out improvement before stopping. */
    patience: z.number().int().positive().default(5),
    seed: z.number().int().default(1),
  })
  .strict();

export type PretrainConfig = z.infer<typeof pretrainConfigSchema>;
