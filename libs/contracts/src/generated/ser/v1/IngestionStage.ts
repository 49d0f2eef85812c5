// Original file: proto/ser/v1/features_service.proto

/**
 * Stage of an ingestion.
 */
export const IngestionStage = {
  /**
   * Not set.
   */
  INGESTION_STAGE_UNSPECIFIED: 'INGESTION_STAGE_UNSPECIFIED',
  /**
   * Listing files and reading labels.
   */
  INGESTION_STAGE_SCANNING: 'INGESTION_STAGE_SCANNING',
  /**
   * Decoding audio and computing features.
   */
  INGESTION_STAGE_EXTRACTING: 'INGESTION_STAGE_EXTRACTING',
  /**
   * Writing feature shards and the dataset record.
   */
  INGESTION_STAGE_WRITING: 'INGESTION_STAGE_WRITING',
  /**
   * Finished; the message carries the dataset version and report.
   */
  INGESTION_STAGE_DONE: 'INGESTION_STAGE_DONE',
} as const;

/**
 * Stage of an ingestion.
 */
export type IngestionStage =
  /**
   * Not set.
   */
  | 'INGESTION_STAGE_UNSPECIFIED'
  | 0
  /**
   * Listing files and reading labels.
   */
  | 'INGESTION_STAGE_SCANNING'
  | 1
  /**
   * Decoding audio and computing features.
   */
  | 'INGESTION_STAGE_EXTRACTING'
  | 2
  /**
   * Writing feature shards and the dataset record.
   */
  | 'INGESTION_STAGE_WRITING'
  | 3
  /**
   * Finished; the message carries the dataset version and report.
   */
  | 'INGESTION_STAGE_DONE'
  | 4

/**
 * Stage of an ingestion.
 */
export type IngestionStage__Output = typeof IngestionStage[keyof typeof IngestionStage]
