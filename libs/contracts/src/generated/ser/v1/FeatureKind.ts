// Original file: proto/ser/v1/common.proto

/**
 * Which representation of the audio a feature matrix holds.
 */
export const FeatureKind = {
  /**
   * Not set; requests with it are rejected.
   */
  FEATURE_KIND_UNSPECIFIED: 'FEATURE_KIND_UNSPECIFIED',
  /**
   * 80-band log-mel frames (25 ms window, 10 ms hop at 16 kHz), input of FOP.
   */
  FEATURE_KIND_LOG_MEL: 'FEATURE_KIND_LOG_MEL',
  /**
   * Non-overlapping 32x129 log-magnitude spectrogram segments, input of VQ-VAE + TACN.
   */
  FEATURE_KIND_SPECTROGRAM_SEGMENTS: 'FEATURE_KIND_SPECTROGRAM_SEGMENTS',
} as const;

/**
 * Which representation of the audio a feature matrix holds.
 */
export type FeatureKind =
  /**
   * Not set; requests with it are rejected.
   */
  | 'FEATURE_KIND_UNSPECIFIED'
  | 0
  /**
   * 80-band log-mel frames (25 ms window, 10 ms hop at 16 kHz), input of FOP.
   */
  | 'FEATURE_KIND_LOG_MEL'
  | 1
  /**
   * Non-overlapping 32x129 log-magnitude spectrogram segments, input of VQ-VAE + TACN.
   */
  | 'FEATURE_KIND_SPECTROGRAM_SEGMENTS'
  | 2

/**
 * Which representation of the audio a feature matrix holds.
 */
export type FeatureKind__Output = typeof FeatureKind[keyof typeof FeatureKind]
