// Original file: proto/ser/v1/common.proto

/**
 * The kind of work a training run does.
 */
export const RunKind = {
  /**
   * Not set.
   */
  RUN_KIND_UNSPECIFIED: 'RUN_KIND_UNSPECIFIED',
  /**
   * Self-supervised FOP pre-training (next log-mel frame prediction).
   */
  RUN_KIND_FOP_PRETRAIN: 'RUN_KIND_FOP_PRETRAIN',
  /**
   * Self-supervised VQ-VAE pre-training on spectrogram segments.
   */
  RUN_KIND_VQVAE_PRETRAIN: 'RUN_KIND_VQVAE_PRETRAIN',
  /**
   * Supervised emotion classifier training and evaluation.
   */
  RUN_KIND_CLASSIFIER: 'RUN_KIND_CLASSIFIER',
} as const;

/**
 * The kind of work a training run does.
 */
export type RunKind =
  /**
   * Not set.
   */
  | 'RUN_KIND_UNSPECIFIED'
  | 0
  /**
   * Self-supervised FOP pre-training (next log-mel frame prediction).
   */
  | 'RUN_KIND_FOP_PRETRAIN'
  | 1
  /**
   * Self-supervised VQ-VAE pre-training on spectrogram segments.
   */
  | 'RUN_KIND_VQVAE_PRETRAIN'
  | 2
  /**
   * Supervised emotion classifier training and evaluation.
   */
  | 'RUN_KIND_CLASSIFIER'
  | 3

/**
 * The kind of work a training run does.
 */
export type RunKind__Output = typeof RunKind[keyof typeof RunKind]
