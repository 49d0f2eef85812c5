import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AudioData as _ser_v1_AudioData, AudioData__Output as _ser_v1_AudioData__Output } from './ser/v1/AudioData';
import type { Checkpoint as _ser_v1_Checkpoint, Checkpoint__Output as _ser_v1_Checkpoint__Output } from './ser/v1/Checkpoint';
import type { ClassProbability as _ser_v1_ClassProbability, ClassProbability__Output as _ser_v1_ClassProbability__Output } from './ser/v1/ClassProbability';
import type { Dataset as _ser_v1_Dataset, Dataset__Output as _ser_v1_Dataset__Output } from './ser/v1/Dataset';
import type { DatasetVersion as _ser_v1_DatasetVersion, DatasetVersion__Output as _ser_v1_DatasetVersion__Output } from './ser/v1/DatasetVersion';
import type { ExtractFeaturesRequest as _ser_v1_ExtractFeaturesRequest, ExtractFeaturesRequest__Output as _ser_v1_ExtractFeaturesRequest__Output } from './ser/v1/ExtractFeaturesRequest';
import type { ExtractFeaturesResponse as _ser_v1_ExtractFeaturesResponse, ExtractFeaturesResponse__Output as _ser_v1_ExtractFeaturesResponse__Output } from './ser/v1/ExtractFeaturesResponse';
import type { FeatureMatrix as _ser_v1_FeatureMatrix, FeatureMatrix__Output as _ser_v1_FeatureMatrix__Output } from './ser/v1/FeatureMatrix';
import type { FeatureServiceClient as _ser_v1_FeatureServiceClient, FeatureServiceDefinition as _ser_v1_FeatureServiceDefinition } from './ser/v1/FeatureService';
import type { GetDatasetRequest as _ser_v1_GetDatasetRequest, GetDatasetRequest__Output as _ser_v1_GetDatasetRequest__Output } from './ser/v1/GetDatasetRequest';
import type { GetDatasetResponse as _ser_v1_GetDatasetResponse, GetDatasetResponse__Output as _ser_v1_GetDatasetResponse__Output } from './ser/v1/GetDatasetResponse';
import type { IngestDatasetRequest as _ser_v1_IngestDatasetRequest, IngestDatasetRequest__Output as _ser_v1_IngestDatasetRequest__Output } from './ser/v1/IngestDatasetRequest';
import type { IngestDatasetResponse as _ser_v1_IngestDatasetResponse, IngestDatasetResponse__Output as _ser_v1_IngestDatasetResponse__Output } from './ser/v1/IngestDatasetResponse';
import type { IngestionReport as _ser_v1_IngestionReport, IngestionReport__Output as _ser_v1_IngestionReport__Output } from './ser/v1/IngestionReport';
import type { Lineage as _ser_v1_Lineage, Lineage__Output as _ser_v1_Lineage__Output } from './ser/v1/Lineage';
import type { ListDatasetsRequest as _ser_v1_ListDatasetsRequest, ListDatasetsRequest__Output as _ser_v1_ListDatasetsRequest__Output } from './ser/v1/ListDatasetsRequest';
import type { ListDatasetsResponse as _ser_v1_ListDatasetsResponse, ListDatasetsResponse__Output as _ser_v1_ListDatasetsResponse__Output } from './ser/v1/ListDatasetsResponse';
import type { ModelRef as _ser_v1_ModelRef, ModelRef__Output as _ser_v1_ModelRef__Output } from './ser/v1/ModelRef';
import type { ModelSelector as _ser_v1_ModelSelector, ModelSelector__Output as _ser_v1_ModelSelector__Output } from './ser/v1/ModelSelector';
import type { ModelVersion as _ser_v1_ModelVersion, ModelVersion__Output as _ser_v1_ModelVersion__Output } from './ser/v1/ModelVersion';
import type { PageRequest as _ser_v1_PageRequest, PageRequest__Output as _ser_v1_PageRequest__Output } from './ser/v1/PageRequest';
import type { PageResponse as _ser_v1_PageResponse, PageResponse__Output as _ser_v1_PageResponse__Output } from './ser/v1/PageResponse';
import type { Prediction as _ser_v1_Prediction, Prediction__Output as _ser_v1_Prediction__Output } from './ser/v1/Prediction';
import type { ReadFeaturesRequest as _ser_v1_ReadFeaturesRequest, ReadFeaturesRequest__Output as _ser_v1_ReadFeaturesRequest__Output } from './ser/v1/ReadFeaturesRequest';
import type { ReadFeaturesResponse as _ser_v1_ReadFeaturesResponse, ReadFeaturesResponse__Output as _ser_v1_ReadFeaturesResponse__Output } from './ser/v1/ReadFeaturesResponse';
import type { ReadUtteranceAudioRequest as _ser_v1_ReadUtteranceAudioRequest, ReadUtteranceAudioRequest__Output as _ser_v1_ReadUtteranceAudioRequest__Output } from './ser/v1/ReadUtteranceAudioRequest';
import type { ReadUtteranceAudioResponse as _ser_v1_ReadUtteranceAudioResponse, ReadUtteranceAudioResponse__Output as _ser_v1_ReadUtteranceAudioResponse__Output } from './ser/v1/ReadUtteranceAudioResponse';
import type { Run as _ser_v1_Run, Run__Output as _ser_v1_Run__Output } from './ser/v1/Run';
import type { RunProgress as _ser_v1_RunProgress, RunProgress__Output as _ser_v1_RunProgress__Output } from './ser/v1/RunProgress';
import type { SkippedFile as _ser_v1_SkippedFile, SkippedFile__Output as _ser_v1_SkippedFile__Output } from './ser/v1/SkippedFile';
import type { Utterance as _ser_v1_Utterance, Utterance__Output as _ser_v1_Utterance__Output } from './ser/v1/Utterance';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  ser: {
    v1: {
      AudioData: MessageTypeDefinition<_ser_v1_AudioData, _ser_v1_AudioData__Output>
      AudioEncoding: EnumTypeDefinition
      Checkpoint: MessageTypeDefinition<_ser_v1_Checkpoint, _ser_v1_Checkpoint__Output>
      ClassProbability: MessageTypeDefinition<_ser_v1_ClassProbability, _ser_v1_ClassProbability__Output>
      Dataset: MessageTypeDefinition<_ser_v1_Dataset, _ser_v1_Dataset__Output>
      DatasetFormat: EnumTypeDefinition
      DatasetVersion: MessageTypeDefinition<_ser_v1_DatasetVersion, _ser_v1_DatasetVersion__Output>
      ExtractFeaturesRequest: MessageTypeDefinition<_ser_v1_ExtractFeaturesRequest, _ser_v1_ExtractFeaturesRequest__Output>
      ExtractFeaturesResponse: MessageTypeDefinition<_ser_v1_ExtractFeaturesResponse, _ser_v1_ExtractFeaturesResponse__Output>
      FeatureKind: EnumTypeDefinition
      FeatureMatrix: MessageTypeDefinition<_ser_v1_FeatureMatrix, _ser_v1_FeatureMatrix__Output>
      /**
       * Turns audio into features and corpora into versioned datasets.
       */
      FeatureService: SubtypeConstructor<typeof grpc.Client, _ser_v1_FeatureServiceClient> & { service: _ser_v1_FeatureServiceDefinition }
      Gender: EnumTypeDefinition
      GetDatasetRequest: MessageTypeDefinition<_ser_v1_GetDatasetRequest, _ser_v1_GetDatasetRequest__Output>
      GetDatasetResponse: MessageTypeDefinition<_ser_v1_GetDatasetResponse, _ser_v1_GetDatasetResponse__Output>
      IngestDatasetRequest: MessageTypeDefinition<_ser_v1_IngestDatasetRequest, _ser_v1_IngestDatasetRequest__Output>
      IngestDatasetResponse: MessageTypeDefinition<_ser_v1_IngestDatasetResponse, _ser_v1_IngestDatasetResponse__Output>
      IngestionReport: MessageTypeDefinition<_ser_v1_IngestionReport, _ser_v1_IngestionReport__Output>
      IngestionStage: EnumTypeDefinition
      Lineage: MessageTypeDefinition<_ser_v1_Lineage, _ser_v1_Lineage__Output>
      ListDatasetsRequest: MessageTypeDefinition<_ser_v1_ListDatasetsRequest, _ser_v1_ListDatasetsRequest__Output>
      ListDatasetsResponse: MessageTypeDefinition<_ser_v1_ListDatasetsResponse, _ser_v1_ListDatasetsResponse__Output>
      ModelRef: MessageTypeDefinition<_ser_v1_ModelRef, _ser_v1_ModelRef__Output>
      ModelSelector: MessageTypeDefinition<_ser_v1_ModelSelector, _ser_v1_ModelSelector__Output>
      ModelVersion: MessageTypeDefinition<_ser_v1_ModelVersion, _ser_v1_ModelVersion__Output>
      PageRequest: MessageTypeDefinition<_ser_v1_PageRequest, _ser_v1_PageRequest__Output>
      PageResponse: MessageTypeDefinition<_ser_v1_PageResponse, _ser_v1_PageResponse__Output>
      Prediction: MessageTypeDefinition<_ser_v1_Prediction, _ser_v1_Prediction__Output>
      ReadFeaturesRequest: MessageTypeDefinition<_ser_v1_ReadFeaturesRequest, _ser_v1_ReadFeaturesRequest__Output>
      ReadFeaturesResponse: MessageTypeDefinition<_ser_v1_ReadFeaturesResponse, _ser_v1_ReadFeaturesResponse__Output>
      ReadUtteranceAudioRequest: MessageTypeDefinition<_ser_v1_ReadUtteranceAudioRequest, _ser_v1_ReadUtteranceAudioRequest__Output>
      ReadUtteranceAudioResponse: MessageTypeDefinition<_ser_v1_ReadUtteranceAudioResponse, _ser_v1_ReadUtteranceAudioResponse__Output>
      Run: MessageTypeDefinition<_ser_v1_Run, _ser_v1_Run__Output>
      RunKind: EnumTypeDefinition
      RunProgress: MessageTypeDefinition<_ser_v1_RunProgress, _ser_v1_RunProgress__Output>
      RunStatus: EnumTypeDefinition
      SkippedFile: MessageTypeDefinition<_ser_v1_SkippedFile, _ser_v1_SkippedFile__Output>
      Utterance: MessageTypeDefinition<_ser_v1_Utterance, _ser_v1_Utterance__Output>
    }
  }
}

