import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AudioData as _ser_v1_AudioData, AudioData__Output as _ser_v1_AudioData__Output } from './ser/v1/AudioData';
import type { CancelFopPretrainRunRequest as _ser_v1_CancelFopPretrainRunRequest, CancelFopPretrainRunRequest__Output as _ser_v1_CancelFopPretrainRunRequest__Output } from './ser/v1/CancelFopPretrainRunRequest';
import type { CancelFopPretrainRunResponse as _ser_v1_CancelFopPretrainRunResponse, CancelFopPretrainRunResponse__Output as _ser_v1_CancelFopPretrainRunResponse__Output } from './ser/v1/CancelFopPretrainRunResponse';
import type { Checkpoint as _ser_v1_Checkpoint, Checkpoint__Output as _ser_v1_Checkpoint__Output } from './ser/v1/Checkpoint';
import type { ClassProbability as _ser_v1_ClassProbability, ClassProbability__Output as _ser_v1_ClassProbability__Output } from './ser/v1/ClassProbability';
import type { Dataset as _ser_v1_Dataset, Dataset__Output as _ser_v1_Dataset__Output } from './ser/v1/Dataset';
import type { DatasetVersion as _ser_v1_DatasetVersion, DatasetVersion__Output as _ser_v1_DatasetVersion__Output } from './ser/v1/DatasetVersion';
import type { FeatureMatrix as _ser_v1_FeatureMatrix, FeatureMatrix__Output as _ser_v1_FeatureMatrix__Output } from './ser/v1/FeatureMatrix';
import type { FopPretrainServiceClient as _ser_v1_FopPretrainServiceClient, FopPretrainServiceDefinition as _ser_v1_FopPretrainServiceDefinition } from './ser/v1/FopPretrainService';
import type { GetFopPretrainRunRequest as _ser_v1_GetFopPretrainRunRequest, GetFopPretrainRunRequest__Output as _ser_v1_GetFopPretrainRunRequest__Output } from './ser/v1/GetFopPretrainRunRequest';
import type { GetFopPretrainRunResponse as _ser_v1_GetFopPretrainRunResponse, GetFopPretrainRunResponse__Output as _ser_v1_GetFopPretrainRunResponse__Output } from './ser/v1/GetFopPretrainRunResponse';
import type { IngestionReport as _ser_v1_IngestionReport, IngestionReport__Output as _ser_v1_IngestionReport__Output } from './ser/v1/IngestionReport';
import type { Lineage as _ser_v1_Lineage, Lineage__Output as _ser_v1_Lineage__Output } from './ser/v1/Lineage';
import type { ListFopPretrainRunsRequest as _ser_v1_ListFopPretrainRunsRequest, ListFopPretrainRunsRequest__Output as _ser_v1_ListFopPretrainRunsRequest__Output } from './ser/v1/ListFopPretrainRunsRequest';
import type { ListFopPretrainRunsResponse as _ser_v1_ListFopPretrainRunsResponse, ListFopPretrainRunsResponse__Output as _ser_v1_ListFopPretrainRunsResponse__Output } from './ser/v1/ListFopPretrainRunsResponse';
import type { ModelRef as _ser_v1_ModelRef, ModelRef__Output as _ser_v1_ModelRef__Output } from './ser/v1/ModelRef';
import type { ModelSelector as _ser_v1_ModelSelector, ModelSelector__Output as _ser_v1_ModelSelector__Output } from './ser/v1/ModelSelector';
import type { ModelVersion as _ser_v1_ModelVersion, ModelVersion__Output as _ser_v1_ModelVersion__Output } from './ser/v1/ModelVersion';
import type { PageRequest as _ser_v1_PageRequest, PageRequest__Output as _ser_v1_PageRequest__Output } from './ser/v1/PageRequest';
import type { PageResponse as _ser_v1_PageResponse, PageResponse__Output as _ser_v1_PageResponse__Output } from './ser/v1/PageResponse';
import type { Prediction as _ser_v1_Prediction, Prediction__Output as _ser_v1_Prediction__Output } from './ser/v1/Prediction';
import type { Run as _ser_v1_Run, Run__Output as _ser_v1_Run__Output } from './ser/v1/Run';
import type { RunProgress as _ser_v1_RunProgress, RunProgress__Output as _ser_v1_RunProgress__Output } from './ser/v1/RunProgress';
import type { SkippedFile as _ser_v1_SkippedFile, SkippedFile__Output as _ser_v1_SkippedFile__Output } from './ser/v1/SkippedFile';
import type { StartFopPretrainRunRequest as _ser_v1_StartFopPretrainRunRequest, StartFopPretrainRunRequest__Output as _ser_v1_StartFopPretrainRunRequest__Output } from './ser/v1/StartFopPretrainRunRequest';
import type { StartFopPretrainRunResponse as _ser_v1_StartFopPretrainRunResponse, StartFopPretrainRunResponse__Output as _ser_v1_StartFopPretrainRunResponse__Output } from './ser/v1/StartFopPretrainRunResponse';
import type { Utterance as _ser_v1_Utterance, Utterance__Output as _ser_v1_Utterance__Output } from './ser/v1/Utterance';
import type { WatchFopPretrainRunRequest as _ser_v1_WatchFopPretrainRunRequest, WatchFopPretrainRunRequest__Output as _ser_v1_WatchFopPretrainRunRequest__Output } from './ser/v1/WatchFopPretrainRunRequest';
import type { WatchFopPretrainRunResponse as _ser_v1_WatchFopPretrainRunResponse, WatchFopPretrainRunResponse__Output as _ser_v1_WatchFopPretrainRunResponse__Output } from './ser/v1/WatchFopPretrainRunResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  ser: {
    v1: {
      AudioData: MessageTypeDefinition<_ser_v1_AudioData, _ser_v1_AudioData__Output>
      AudioEncoding: EnumTypeDefinition
      CancelFopPretrainRunRequest: MessageTypeDefinition<_ser_v1_CancelFopPretrainRunRequest, _ser_v1_CancelFopPretrainRunRequest__Output>
      CancelFopPretrainRunResponse: MessageTypeDefinition<_ser_v1_CancelFopPretrainRunResponse, _ser_v1_CancelFopPretrainRunResponse__Output>
      Checkpoint: MessageTypeDefinition<_ser_v1_Checkpoint, _ser_v1_Checkpoint__Output>
      ClassProbability: MessageTypeDefinition<_ser_v1_ClassProbability, _ser_v1_ClassProbability__Output>
      Dataset: MessageTypeDefinition<_ser_v1_Dataset, _ser_v1_Dataset__Output>
      DatasetFormat: EnumTypeDefinition
      DatasetVersion: MessageTypeDefinition<_ser_v1_DatasetVersion, _ser_v1_DatasetVersion__Output>
      FeatureKind: EnumTypeDefinition
      FeatureMatrix: MessageTypeDefinition<_ser_v1_FeatureMatrix, _ser_v1_FeatureMatrix__Output>
      /**
       * Starts, follows and cancels FOP (future observation prediction) pre-training runs.
       */
      FopPretrainService: SubtypeConstructor<typeof grpc.Client, _ser_v1_FopPretrainServiceClient> & { service: _ser_v1_FopPretrainServiceDefinition }
      Gender: EnumTypeDefinition
      GetFopPretrainRunRequest: MessageTypeDefinition<_ser_v1_GetFopPretrainRunRequest, _ser_v1_GetFopPretrainRunRequest__Output>
      GetFopPretrainRunResponse: MessageTypeDefinition<_ser_v1_GetFopPretrainRunResponse, _ser_v1_GetFopPretrainRunResponse__Output>
      IngestionReport: MessageTypeDefinition<_ser_v1_IngestionReport, _ser_v1_IngestionReport__Output>
      Lineage: MessageTypeDefinition<_ser_v1_Lineage, _ser_v1_Lineage__Output>
      ListFopPretrainRunsRequest: MessageTypeDefinition<_ser_v1_ListFopPretrainRunsRequest, _ser_v1_ListFopPretrainRunsRequest__Output>
      ListFopPretrainRunsResponse: MessageTypeDefinition<_ser_v1_ListFopPretrainRunsResponse, _ser_v1_ListFopPretrainRunsResponse__Output>
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
      StartFopPretrainRunRequest: MessageTypeDefinition<_ser_v1_StartFopPretrainRunRequest, _ser_v1_StartFopPretrainRunRequest__Output>
      StartFopPretrainRunResponse: MessageTypeDefinition<_ser_v1_StartFopPretrainRunResponse, _ser_v1_StartFopPretrainRunResponse__Output>
      Utterance: MessageTypeDefinition<_ser_v1_Utterance, _ser_v1_Utterance__Output>
      WatchFopPretrainRunRequest: MessageTypeDefinition<_ser_v1_WatchFopPretrainRunRequest, _ser_v1_WatchFopPretrainRunRequest__Output>
      WatchFopPretrainRunResponse: MessageTypeDefinition<_ser_v1_WatchFopPretrainRunResponse, _ser_v1_WatchFopPretrainRunResponse__Output>
    }
  }
}

