// Original file: proto/ser/v1/features_service.proto

import type { IngestionStage as _ser_v1_IngestionStage, IngestionStage__Output as _ser_v1_IngestionStage__Output } from '../../ser/v1/IngestionStage';
import type { DatasetVersion as _ser_v1_DatasetVersion, DatasetVersion__Output as _ser_v1_DatasetVersion__Output } from '../../ser/v1/DatasetVersion';
import type { IngestionReport as _ser_v1_IngestionReport, IngestionReport__Output as _ser_v1_IngestionReport__Output } from '../../ser/v1/IngestionReport';

/**
 * A progress message of an ingestion.
 */
export interface IngestDatasetResponse {
  /**
   * Current stage.
   */
  'stage'?: (_ser_v1_IngestionStage);
  /**
   * Files processed in this stage so far.
   */
  'filesDone'?: (number);
  /**
   * Files to process in this stage; 0 while unknown.
   */
  'filesTotal'?: (number);
  /**
   * Free-text note.
   */
  'message'?: (string);
  /**
   * The created dataset version; set only on the last (DONE) message.
   */
  'datasetVersion'?: (_ser_v1_DatasetVersion | null);
  /**
   * What was ingested and skipped; set only on the last (DONE) message.
   */
  'report'?: (_ser_v1_IngestionReport | null);
}

/**
 * A progress message of an ingestion.
 */
export interface IngestDatasetResponse__Output {
  /**
   * Current stage.
   */
  'stage': (_ser_v1_IngestionStage__Output);
  /**
   * Files processed in this stage so far.
   */
  'filesDone': (number);
  /**
   * Files to process in this stage; 0 while unknown.
   */
  'filesTotal': (number);
  /**
   * Free-text note.
   */
  'message': (string);
  /**
   * The created dataset version; set only on the last (DONE) message.
   */
  'datasetVersion': (_ser_v1_DatasetVersion__Output | null);
  /**
   * What was ingested and skipped; set only on the last (DONE) message.
   */
  'report': (_ser_v1_IngestionReport__Output | null);
}
