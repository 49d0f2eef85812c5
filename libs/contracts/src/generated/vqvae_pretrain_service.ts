import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AudioData as _ser_v1_AudioData, AudioData__Output as _ser_v1_AudioData__Output } from './ser/v1/AudioData';
import type { CancelVqvaePretrainRunRequest as _ser_v1_CancelVqvaePretrainRunRequest, CancelVqvaePretrainRunRequest__Output as _ser_v1_CancelVqvaePretrainRunRequest__Output } from './ser/v1/CancelVqvaePretrainRunRequest';
import type { CancelVqvaePretrainRunResponse as _ser_v1_CancelVqvaePretrainRunResponse, CancelVqvaePretrainRunResponse__Output as _ser_v1_CancelVqvaePretrainRunResponse__Output } from './ser/v1/CancelVqvaePretrainRunResponse';
import type { Checkpoint as _ser_v1_Checkpoint, Checkpoint__Output as _ser_v1_Checkpoint__Output } from './ser/v1/Checkpoint';
import type { ClassProbability as _ser_v1_ClassProbability, ClassProbability__Output as _ser_v1_ClassProbability__Output } from './ser/v1/ClassProbability';
import type { Dataset as _ser_v1_Dataset, Dataset__Output as _ser_v1_Dataset__Output } from './ser/v1/Dataset';
import type { DatasetVersion as _ser_v1_DatasetVersion, DatasetVersion__Output as _ser_v1_DatasetVersion__Output } from './ser/v1/DatasetVersion';
import type { FeatureMatrix as _ser_v1_FeatureMatrix, FeatureMatrix__Output as _ser_v1_FeatureMatrix__Output } from './ser/v1/FeatureMatrix';
import type { GetVqvaePretrainRunRequest as _ser_v1_GetVqvaePretrainRunRequest, GetVqvaePretrainRunRequest__Output as _ser_v1_GetVqvaePretrainRunRequest__Output } from './ser/v1/GetVqvaePretrainRunRequest';
import type { GetVqvaePretrainRunResponse as _ser_v1_GetVqvaePretrainRunResponse, GetVqvaePretrainRunResponse__Output as _ser_v1_GetVqvaePretrainRunResponse__Output } from './ser/v1/GetVqvaePretrainRunResponse';
import type { IngestionReport as _ser_v1_IngestionReport, IngestionReport__Output as _ser_v1_IngestionReport__Output } from './ser/v1/IngestionReport';
import type { Lineage as _ser_v1_Lineage, Lineage__Output as _ser_v1_Lineage__Output } from './ser/v1/Lineage';
import type { ListVqvaePretrainRunsRequest as _ser_v1_ListVqvaePretrainRunsRequest, ListVqvaePretrainRunsRequest__Output as _ser_v1_ListVqvaePretrainRunsRequest__Output } from './ser/v1/ListVqvaePretrainRunsRequest';
import type { ListVqvaePretrainRunsResponse as _ser_v1_ListVqvaePretrainRunsResponse, ListVqvaePretrainRunsResponse__Output as _ser_v1_ListVqvaePretrainRunsResponse__Output } from './ser/v1/ListVqvaePretrainRunsResponse';
import type { ModelRef as _ser_v1_ModelRef, ModelRef__Output as _ser_v1_ModelRef__Output } from './ser/v1/ModelRef';
import type { ModelSelector as _ser_v1_ModelSelector, ModelSelector__Output as _ser_v1_ModelSelector__Output } from './ser/v1/ModelSelector';
import type { ModelVersion as _ser_v1_ModelVersion, ModelVersion__Output as _ser_v1_ModelVersion__Output } from './ser/v1/ModelVersion';
import type { PageRequest as _ser_v1_PageRequest, PageRequest__Output as _ser_v1_PageRequest__Output } from './ser/v1/PageRequest';
import type { PageResponse as _ser_v1_PageResponse, PageResponse__Output as _ser_v1_PageResponse__Output } from './ser/v1/PageResponse';
import type { Prediction as _ser_v1_Prediction, Prediction__Output as _ser_v1_Prediction__Output } from './ser/v1/Prediction';
import type { Run as _ser_v1_Run, Run__Output as _ser_v1_Run__Output } from './ser/v1/Run';
import type { RunProgress as _ser_v1_RunProgress, RunProgress__Output as _ser_v1_RunProgress__Output } from './ser/v1/RunProgress';
import type { SkippedFile as _ser_v1_SkippedFile, SkippedFile__Output as _ser_v1_SkippedFile__Output } from './ser/v1/SkippedFile';
import type { StartVqvaePretrainRunRequest as _ser_v1_StartVqvaePretrainRunRequest, StartVqvaePretrainRunRequest__Output as _ser_v1_StartVqvaePretrainRunRequest__Output } from './ser/v1/StartVqvaePretrainRunRequest';
import type { StartVqvaePretrainRunResponse as _ser_v1_StartVqvaePretrainRunResponse, StartVqvaePretrainRunResponse__Output as _ser_v1_StartVqvaePretrainRunResponse__Output } from './ser/v1/StartVqvaePretrainRunResponse';
import type { Utterance as _ser_v1_Utterance, Utterance__Output as _ser_v1_Utterance__Output } from './ser/v1/Utterance';
import type { VqvaePretrainServiceClient as _ser_v1_VqvaePretrainServiceClient, VqvaePretrainServiceDefinition as _ser_v1_VqvaePretrainServiceDefinition } from './ser/v1/VqvaePretrainService';
import type { WatchVqvaePretrainRunRequest as _ser_v1_WatchVqvaePretrainRunRequest, WatchVqvaePretrainRunRequest__Output as _ser_v1_WatchVqvaePretrainRunRequest__Output } from './ser/v1/WatchVqvaePretrainRunRequest';
import type { WatchVqvaePretrainRunResponse as _ser_v1_WatchVqvaePretrainRunResponse, WatchVqvaePretrainRunResponse__Output as _ser_v1_WatchVqvaePretrainRunResponse__Output } from './ser/v1/WatchVqvaePretrainRunResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  ser: {
    v1: {
      AudioData: MessageTypeDefinition<_ser_v1_AudioData, _ser_v1_AudioData__Output>
      AudioEncoding: EnumTypeDefinition
      CancelVqvaePretrainRunRequest: MessageTypeDefinition<_ser_v1_CancelVqvaePretrainRunRequest, _ser_v1_CancelVqvaePretrainRunRequest__Output>
      CancelVqvaePretrainRunResponse: MessageTypeDefinition<_ser_v1_CancelVqvaePretrainRunResponse, _ser_v1_CancelVqvaePretrainRunResponse__Output>
      Checkpoint: MessageTypeDefinition<_ser_v1_Checkpoint, _ser_v1_Checkpoint__Output>
      ClassProbability: MessageTypeDefinition<_ser_v1_ClassProbability, _ser_v1_ClassProbability__Output>
      Dataset: MessageTypeDefinition<_ser_v1_Dataset, _ser_v1_Dataset__Output>
      DatasetFormat: EnumTypeDefinition
      DatasetVersion: MessageTypeDefinition<_ser_v1_DatasetVersion, _ser_v1_DatasetVersion__Output>
      FeatureKind: EnumTypeDefinition
      FeatureMatrix: MessageTypeDefinition<_ser_v1_FeatureMatrix, _ser_v1_FeatureMatrix__Output>
      Gender: EnumTypeDefinition
      GetVqvaePretrainRunRequest: MessageTypeDefinition<_ser_v1_GetVqvaePretrainRunRequest, _ser_v1_GetVqvaePretrainRunRequest__Output>
      GetVqvaePretrainRunResponse: MessageTypeDefinition<_ser_v1_GetVqvaePretrainRunResponse, _ser_v1_GetVqvaePretrainRunResponse__Output>
      IngestionReport: MessageTypeDefinition<_ser_v1_IngestionReport, _ser_v1_IngestionReport__Output>
      Lineage: MessageTypeDefinition<_ser_v1_Lineage, _ser_v1_Lineage__Output>
      ListVqvaePretrainRunsRequest: MessageTypeDefinition<_ser_v1_ListVqvaePretrainRunsRequest, _ser_v1_ListVqvaePretrainRunsRequest__Output>
      ListVqvaePretrainRunsResponse: MessageTypeDefinition<_ser_v1_ListVqvaePretrainRunsResponse, _ser_v1_ListVqvaePretrainRunsResponse__Output>
      ModelRef: MessageTypeDefinition<_ser_v1_ModelRef, _ser_v1_ModelRef__Output>
      ModelSelector: MessageTypeDefinition<_ser_v1_ModelSelector, _ser_v1_ModelSelector__Output>
      ModelVersion: MessageTypeDefinition<_ser_v1_ModelVersion, _ser_v1_ModelVersion__Output>
      PageRequest: MessageTypeDefinition<_ser_v1_PageRequest, _ser_v1_PageRequest__Output>
      PageResponse: MessageTypeDefinition<_ser_v1_PageResponse, _ser_v1_PageResponse__Output>
      Prediction: MessageTypeDefinition<_ser_v1_Prediction, _ser_v1_Prediction__Output>
      Run: MessageTypeDefinition<_ser_v1_Run, _ser_v1_Run__Output>
      RunKind: EnumTypeDefinition
      RunProgress: MessageTypeDefinition<_ser_v1_RunProgress, _ser_v1_RunProgress__Output>
      RunStatus: EnumTypeDefinition
      SkippedFile: MessageTypeDefinition<_ser_v1_SkippedFile, _ser_v1_SkippedFile__Output>
      StartVqvaePretrainRunRequest: MessageTypeDefinition<_ser_v1_StartVqvaePretrainRunRequest, _ser_v1_StartVqvaePretrainRunRequest__Output>
      StartVqvaePretrainRunResponse: MessageTypeDefinition<_ser_v1_StartVqvaePretrainRunResponse, _ser_v1_StartVqvaePretrainRunResponse__Output>
      Utterance: MessageTypeDefinition<_ser_v1_Utterance, _ser_v1_Utterance__Output>
      /**
       * Starts, follows and cancels VQ-VAE pre-training runs.
       */
      VqvaePretrainService: SubtypeConstructor<typeof grpc.Client, _ser_v1_VqvaePretrainServiceClient> & { service: _ser_v1_VqvaePretrainServiceDefinition }
      WatchVqvaePretrainRunRequest: MessageTypeDefinition<_ser_v1_WatchVqvaePretrainRunRequest, _ser_v1_WatchVqvaePretrainRunRequest__Output>
      WatchVqvaePretrainRunResponse: MessageTypeDefinition<_ser_v1_WatchVqvaePretrainRunResponse, _ser_v1_WatchVqvaePretrainRunResponse__Output>
    }
  }
}

