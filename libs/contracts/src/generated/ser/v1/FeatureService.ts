// Original file: proto/ser/v1/features_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ExtractFeaturesRequest as _ser_v1_ExtractFeaturesRequest, ExtractFeaturesRequest__Output as _ser_v1_ExtractFeaturesRequest__Output } from '../../ser/v1/ExtractFeaturesRequest';
import type { ExtractFeaturesResponse as _ser_v1_ExtractFeaturesResponse, ExtractFeaturesResponse__Output as _ser_v1_ExtractFeaturesResponse__Output } from '../../ser/v1/ExtractFeaturesResponse';
import type { GetDatasetRequest as _ser_v1_GetDatasetRequest, GetDatasetRequest__Output as _ser_v1_GetDatasetRequest__Output } from '../../ser/v1/GetDatasetRequest';
import type { GetDatasetResponse as _ser_v1_GetDatasetResponse, GetDatasetResponse__Output as _ser_v1_GetDatasetResponse__Output } from '../../ser/v1/GetDatasetResponse';
import type { IngestDatasetRequest as _ser_v1_IngestDatasetRequest, IngestDatasetRequest__Output as _ser_v1_IngestDatasetRequest__Output } from '../../ser/v1/IngestDatasetRequest';
import type { IngestDatasetResponse as _ser_v1_IngestDatasetResponse, IngestDatasetResponse__Output as _ser_v1_IngestDatasetResponse__Output } from '../../ser/v1/IngestDatasetResponse';
import type { ListDatasetsRequest as _ser_v1_ListDatasetsRequest, ListDatasetsRequest__Output as _ser_v1_ListDatasetsRequest__Output } from '../../ser/v1/ListDatasetsRequest';
import type { ListDatasetsResponse as _ser_v1_ListDatasetsResponse, ListDatasetsResponse__Output as _ser_v1_ListDatasetsResponse__Output } from '../../ser/v1/ListDatasetsResponse';
import type { ReadFeaturesRequest as _ser_v1_ReadFeaturesRequest, ReadFeaturesRequest__Output as _ser_v1_ReadFeaturesRequest__Output } from '../../ser/v1/ReadFeaturesRequest';
import type { ReadFeaturesResponse as _ser_v1_ReadFeaturesResponse, ReadFeaturesResponse__Output as _ser_v1_ReadFeaturesResponse__Output } from '../../ser/v1/ReadFeaturesResponse';
import type { ReadUtteranceAudioRequest as _ser_v1_ReadUtteranceAudioRequest, ReadUtteranceAudioRequest__Output as _ser_v1_ReadUtteranceAudioRequest__Output } from '../../ser/v1/ReadUtteranceAudioRequest';
import type { ReadUtteranceAudioResponse as _ser_v1_ReadUtteranceAudioResponse, ReadUtteranceAudioResponse__Output as _ser_v1_ReadUtteranceAudioResponse__Output } from '../../ser/v1/ReadUtteranceAudioResponse';

/**
 * Turns audio into features and corpora into versioned datasets.
 */
export interface FeatureServiceClient extends grpc.Client {
  /**
   * Decodes one piece of audio, resamples it to 16 kHz and returns its features.
   */
  ExtractFeatures(argument: _ser_v1_ExtractFeaturesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ExtractFeaturesResponse__Output>): grpc.ClientUnaryCall;
  ExtractFeatures(argument: _ser_v1_ExtractFeaturesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_ExtractFeaturesResponse__Output>): grpc.ClientUnaryCall;
  ExtractFeatures(argument: _ser_v1_ExtractFeaturesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ExtractFeaturesResponse__Output>): grpc.ClientUnaryCall;
  ExtractFeatures(argument: _ser_v1_ExtractFeaturesRequest, callback: grpc.requestCallback<_ser_v1_ExtractFeaturesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Decodes one piece of audio, resamples it to 16 kHz and returns its features.
   */
  extractFeatures(argument: _ser_v1_ExtractFeaturesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ExtractFeaturesResponse__Output>): grpc.ClientUnaryCall;
  extractFeatures(argument: _ser_v1_ExtractFeaturesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_ExtractFeaturesResponse__Output>): grpc.ClientUnaryCall;
  extractFeatures(argument: _ser_v1_ExtractFeaturesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ExtractFeaturesResponse__Output>): grpc.ClientUnaryCall;
  extractFeatures(argument: _ser_v1_ExtractFeaturesRequest, callback: grpc.requestCallback<_ser_v1_ExtractFeaturesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns one dataset with a version (the latest unless one is named) and its version list.
   */
  GetDataset(argument: _ser_v1_GetDatasetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetDatasetResponse__Output>): grpc.ClientUnaryCall;
  GetDataset(argument: _ser_v1_GetDatasetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetDatasetResponse__Output>): grpc.ClientUnaryCall;
  GetDataset(argument: _ser_v1_GetDatasetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetDatasetResponse__Output>): grpc.ClientUnaryCall;
  GetDataset(argument: _ser_v1_GetDatasetRequest, callback: grpc.requestCallback<_ser_v1_GetDatasetResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns one dataset with a version (the latest unless one is named) and its version list.
   */
  getDataset(argument: _ser_v1_GetDatasetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetDatasetResponse__Output>): grpc.ClientUnaryCall;
  getDataset(argument: _ser_v1_GetDatasetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetDatasetResponse__Output>): grpc.ClientUnaryCall;
  getDataset(argument: _ser_v1_GetDatasetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetDatasetResponse__Output>): grpc.ClientUnaryCall;
  getDataset(argument: _ser_v1_GetDatasetRequest, callback: grpc.requestCallback<_ser_v1_GetDatasetResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Ingests a corpus into a new dataset version; streams progress, the last message carries
   * the dataset version and the ingestion report.
   */
  IngestDataset(argument: _ser_v1_IngestDatasetRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_IngestDatasetResponse__Output>;
  IngestDataset(argument: _ser_v1_IngestDatasetRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_IngestDatasetResponse__Output>;
  /**
   * Ingests a corpus into a new dataset version; streams progress, the last message carries
   * the dataset version and the ingestion report.
   */
  ingestDataset(argument: _ser_v1_IngestDatasetRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_IngestDatasetResponse__Output>;
  ingestDataset(argument: _ser_v1_IngestDatasetRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_IngestDatasetResponse__Output>;
  
  /**
   * Lists datasets, newest first, one page at a time.
   */
  ListDatasets(argument: _ser_v1_ListDatasetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  ListDatasets(argument: _ser_v1_ListDatasetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  ListDatasets(argument: _ser_v1_ListDatasetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  ListDatasets(argument: _ser_v1_ListDatasetsRequest, callback: grpc.requestCallback<_ser_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists datasets, newest first, one page at a time.
   */
  listDatasets(argument: _ser_v1_ListDatasetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  listDatasets(argument: _ser_v1_ListDatasetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  listDatasets(argument: _ser_v1_ListDatasetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  listDatasets(argument: _ser_v1_ListDatasetsRequest, callback: grpc.requestCallback<_ser_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams stored features of a dataset version, one utterance per message.
   */
  ReadFeatures(argument: _ser_v1_ReadFeaturesRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_ReadFeaturesResponse__Output>;
  ReadFeatures(argument: _ser_v1_ReadFeaturesRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_ReadFeaturesResponse__Output>;
  /**
   * Streams stored features of a dataset version, one utterance per message.
   */
  readFeatures(argument: _ser_v1_ReadFeaturesRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_ReadFeaturesResponse__Output>;
  readFeatures(argument: _ser_v1_ReadFeaturesRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_ReadFeaturesResponse__Output>;
  
  /**
   * Streams the audio file of one stored utterance, read from its dataset version's corpus source (a folder
   * or s3:// location), in chunks: NOT_FOUND for an unknown version or utterance, INVALID_ARGUMENT for a stored
   * path that leaves the source, FAILED_PRECONDITION when the source or the file cannot be read.
   */
  ReadUtteranceAudio(argument: _ser_v1_ReadUtteranceAudioRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_ReadUtteranceAudioResponse__Output>;
  ReadUtteranceAudio(argument: _ser_v1_ReadUtteranceAudioRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_ReadUtteranceAudioResponse__Output>;
  /**
   * Streams the audio file of one stored utterance, read from its dataset version's corpus source (a folder
   * or s3:// location), in chunks: NOT_FOUND for an unknown version or utterance, INVALID_ARGUMENT for a stored
   * path that leaves the source, FAILED_PRECONDITION when the source or the file cannot be read.
   */
  readUtteranceAudio(argument: _ser_v1_ReadUtteranceAudioRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_ReadUtteranceAudioResponse__Output>;
  readUtteranceAudio(argument: _ser_v1_ReadUtteranceAudioRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_ReadUtteranceAudioResponse__Output>;
  
}

/**
 * Turns audio into features and corpora into versioned datasets.
 */
export interface FeatureServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Decodes one piece of audio, resamples it to 16 kHz and returns its features.
   */
  ExtractFeatures: grpc.handleUnaryCall<_ser_v1_ExtractFeaturesRequest__Output, _ser_v1_ExtractFeaturesResponse>;
  
  /**
   * Returns one dataset with a version (the latest unless one is named) and its version list.
   */
  GetDataset: grpc.handleUnaryCall<_ser_v1_GetDatasetRequest__Output, _ser_v1_GetDatasetResponse>;
  
  /**
   * Ingests a corpus into a new dataset version; streams progress, the last message carries
   * the dataset version and the ingestion report.
   */
  IngestDataset: grpc.handleServerStreamingCall<_ser_v1_IngestDatasetRequest__Output, _ser_v1_IngestDatasetResponse>;
  
  /**
   * Lists datasets, newest first, one page at a time.
   */
  ListDatasets: grpc.handleUnaryCall<_ser_v1_ListDatasetsRequest__Output, _ser_v1_ListDatasetsResponse>;
  
  /**
   * Streams stored features of a dataset version, one utterance per message.
   */
  ReadFeatures: grpc.handleServerStreamingCall<_ser_v1_ReadFeaturesRequest__Output, _ser_v1_ReadFeaturesResponse>;
  
  /**
   * Streams the audio file of one stored utterance, read from its dataset version's corpus source (a folder
   * or s3:// location), in chunks: NOT_FOUND for an unknown version or utterance, INVALID_ARGUMENT for a stored
   * path that leaves the source, FAILED_PRECONDITION when the source or the file cannot be read.
   */
  ReadUtteranceAudio: grpc.handleServerStreamingCall<_ser_v1_ReadUtteranceAudioRequest__Output, _ser_v1_ReadUtteranceAudioResponse>;
  
}

export interface FeatureServiceDefinition extends grpc.ServiceDefinition {
  ExtractFeatures: MethodDefinition<_ser_v1_ExtractFeaturesRequest, _ser_v1_ExtractFeaturesResponse, _ser_v1_ExtractFeaturesRequest__Output, _ser_v1_ExtractFeaturesResponse__Output>
  GetDataset: MethodDefinition<_ser_v1_GetDatasetRequest, _ser_v1_GetDatasetResponse, _ser_v1_GetDatasetRequest__Output, _ser_v1_GetDatasetResponse__Output>
  IngestDataset: MethodDefinition<_ser_v1_IngestDatasetRequest, _ser_v1_IngestDatasetResponse, _ser_v1_IngestDatasetRequest__Output, _ser_v1_IngestDatasetResponse__Output>
  ListDatasets: MethodDefinition<_ser_v1_ListDatasetsRequest, _ser_v1_ListDatasetsResponse, _ser_v1_ListDatasetsRequest__Output, _ser_v1_ListDatasetsResponse__Output>
  ReadFeatures: MethodDefinition<_ser_v1_ReadFeaturesRequest, _ser_v1_ReadFeaturesResponse, _ser_v1_ReadFeaturesRequest__Output, _ser_v1_ReadFeaturesResponse__Output>
  ReadUtteranceAudio: MethodDefinition<_ser_v1_ReadUtteranceAudioRequest, _ser_v1_ReadUtteranceAudioResponse, _ser_v1_ReadUtteranceAudioRequest__Output, _ser_v1_ReadUtteranceAudioResponse__Output>
}
