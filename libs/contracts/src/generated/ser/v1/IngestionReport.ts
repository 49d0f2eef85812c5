// Original file: proto/ser/v1/common.proto

import type { SkippedFile as _ser_v1_SkippedFile, SkippedFile__Output as _ser_v1_SkippedFile__Output } from '../../ser/v1/SkippedFile';

/**
 * What an ingestion did: counts and every skipped file.
 */
export interface IngestionReport {
  /**
   * Audio files found under the source.
   */
  'filesSeen'?: (number);
  /**
   * Utterances stored.
   */
  'utterancesIngested'?: (number);
  /**
   * Files skipped, with reasons.
   */
  'skippedFiles'?: (_ser_v1_SkippedFile)[];
  /**
   * Wall-clock time the ingestion took, in milliseconds.
   */
  'elapsedMs'?: (number | string);
}

/**
 * What an ingestion did: counts and every skipped file.
 */
export interface IngestionReport__Output {
  /**
   * Audio files found under the source.
   */
  'filesSeen': (number);
  /**
   * Utterances stored.
   */
  'utterancesIngested': (number);
  /**
   * Files skipped, with reasons.
   */
  'skippedFiles': (_ser_v1_SkippedFile__Output)[];
  /**
   * Wall-clock time the ingestion took, in milliseconds.
   */
  'elapsedMs': (number);
}
