import { z } from 'zod';
import { DEFAULT_VQVAE_CONFIG } from '@ser/models';

/**
 * A VQ-VAE pre-training experiment: data plus the model's and optimizer's knobs. Unknown keys are errors; the
 * resolved config is stored with the run. Segments are 32x129 (the features service's spectrogram segments).
 */
export const vqvaeConfigSchema = z
  .object({
    /** Dataset versions to pre-train on; labels are ignored. */
    datasetVersionIds: z.array(z.string().min(1)).min(1),
    model: z
      .object({
        hiddenChannels: z.number().int().positive().default(DEFAULT_VQVAE_CONFIG.hiddenChannels),
        embeddingDim: z.number().int().positive().default(DEFAULT_VQVAE_CONFIG.embeddingDim),
        codebookSize: z.number().int().min(2).default(DEFAULT_VQVAE_CONFIG.codebookSize),
        downsamplings: z.number().int().min(0).max(5).default(DEFAULT_VQVAE_CONFIG.downsamplings),
        beta: z.number().min(0).default(DEFAULT_VQVAE_CONFIG.beta),
        ema: z.boolean().default(DEFAULT_VQVAE_CONFIG.ema),
        emaDecay: z.number().min(0).max(1).default(DEFAULT_VQVAE_CONFIG.emaDecay),
      })
      .strict()
      .prefault({}),
    epochs: z.number().int().positive().default(50),
    batchSize: z.number().int().positive().default(128), // 128 segments per step
    learningRate: z.number().positive().default(2e-4), // 2e-4: Adam, van den Oord et al. 2017 sec. 4
    /** Fraction of segments held out for the per-epoch held-out loss and early stopping. */
    heldOutFraction: z.number().min(0).max(0.5).default(0.1),
    /** Epochs without held-out improvement before stopping. */
    patience: z.number().int().positive().default(5),
    seed: z.number().int().default(1),
  })
  .strict();

export type VqvaePretrainConfig = z.infer<typeof vqvaeConfigSchema>;
