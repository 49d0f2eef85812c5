import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AudioData as _ser_v1_AudioData, AudioData__Output as _ser_v1_AudioData__Output } from './ser/v1/AudioData';
import type { BatchGetModelVersionsRequest as _ser_v1_BatchGetModelVersionsRequest, BatchGetModelVersionsRequest__Output as _ser_v1_BatchGetModelVersionsRequest__Output } from './ser/v1/BatchGetModelVersionsRequest';
import type { BatchGetModelVersionsResponse as _ser_v1_BatchGetModelVersionsResponse, BatchGetModelVersionsResponse__Output as _ser_v1_BatchGetModelVersionsResponse__Output } from './ser/v1/BatchGetModelVersionsResponse';
import type { Checkpoint as _ser_v1_Checkpoint, Checkpoint__Output as _ser_v1_Checkpoint__Output } from './ser/v1/Checkpoint';
import type { ClassProbability as _ser_v1_ClassProbability, ClassProbability__Output as _ser_v1_ClassProbability__Output } from './ser/v1/ClassProbability';
import type { Dataset as _ser_v1_Dataset, Dataset__Output as _ser_v1_Dataset__Output } from './ser/v1/Dataset';
import type { DatasetVersion as _ser_v1_DatasetVersion, DatasetVersion__Output as _ser_v1_DatasetVersion__Output } from './ser/v1/DatasetVersion';
import type { DownloadModelArtifactRequest as _ser_v1_DownloadModelArtifactRequest, DownloadModelArtifactRequest__Output as _ser_v1_DownloadModelArtifactRequest__Output } from './ser/v1/DownloadModelArtifactRequest';
import type { DownloadModelArtifactResponse as _ser_v1_DownloadModelArtifactResponse, DownloadModelArtifactResponse__Output as _ser_v1_DownloadModelArtifactResponse__Output } from './ser/v1/DownloadModelArtifactResponse';
import type { ExportModelVersionRequest as _ser_v1_ExportModelVersionRequest, ExportModelVersionRequest__Output as _ser_v1_ExportModelVersionRequest__Output } from './ser/v1/ExportModelVersionRequest';
import type { ExportModelVersionResponse as _ser_v1_ExportModelVersionResponse, ExportModelVersionResponse__Output as _ser_v1_ExportModelVersionResponse__Output } from './ser/v1/ExportModelVersionResponse';
import type { FeatureMatrix as _ser_v1_FeatureMatrix, FeatureMatrix__Output as _ser_v1_FeatureMatrix__Output } from './ser/v1/FeatureMatrix';
import type { GetModelCardRequest as _ser_v1_GetModelCardRequest, GetModelCardRequest__Output as _ser_v1_GetModelCardRequest__Output } from './ser/v1/GetModelCardRequest';
import type { GetModelCardResponse as _ser_v1_GetModelCardResponse, GetModelCardResponse__Output as _ser_v1_GetModelCardResponse__Output } from './ser/v1/GetModelCardResponse';
import type { GetModelVersionRequest as _ser_v1_GetModelVersionRequest, GetModelVersionRequest__Output as _ser_v1_GetModelVersionRequest__Output } from './ser/v1/GetModelVersionRequest';
import type { GetModelVersionResponse as _ser_v1_GetModelVersionResponse, GetModelVersionResponse__Output as _ser_v1_GetModelVersionResponse__Output } from './ser/v1/GetModelVersionResponse';
import type { GetRunModelVersionRequest as _ser_v1_GetRunModelVersionRequest, GetRunModelVersionRequest__Output as _ser_v1_GetRunModelVersionRequest__Output } from './ser/v1/GetRunModelVersionRequest';
import type { GetRunModelVersionResponse as _ser_v1_GetRunModelVersionResponse, GetRunModelVersionResponse__Output as _ser_v1_GetRunModelVersionResponse__Output } from './ser/v1/GetRunModelVersionResponse';
import type { IngestionReport as _ser_v1_IngestionReport, IngestionReport__Output as _ser_v1_IngestionReport__Output } from './ser/v1/IngestionReport';
import type { Lineage as _ser_v1_Lineage, Lineage__Output as _ser_v1_Lineage__Output } from './ser/v1/Lineage';
import type { ListModelAliasesRequest as _ser_v1_ListModelAliasesRequest, ListModelAliasesRequest__Output as _ser_v1_ListModelAliasesRequest__Output } from './ser/v1/ListModelAliasesRequest';
import type { ListModelAliasesResponse as _ser_v1_ListModelAliasesResponse, ListModelAliasesResponse__Output as _ser_v1_ListModelAliasesResponse__Output } from './ser/v1/ListModelAliasesResponse';
import type { ListModelVersionsRequest as _ser_v1_ListModelVersionsRequest, ListModelVersionsRequest__Output as _ser_v1_ListModelVersionsRequest__Output } from './ser/v1/ListModelVersionsRequest';
import type { ListModelVersionsResponse as _ser_v1_ListModelVersionsResponse, ListModelVersionsResponse__Output as _ser_v1_ListModelVersionsResponse__Output } from './ser/v1/ListModelVersionsResponse';
import type { ListModelsRequest as _ser_v1_ListModelsRequest, ListModelsRequest__Output as _ser_v1_ListModelsRequest__Output } from './ser/v1/ListModelsRequest';
import type { ListModelsResponse as _ser_v1_ListModelsResponse, ListModelsResponse__Output as _ser_v1_ListModelsResponse__Output } from './ser/v1/ListModelsResponse';
import type { ModelAlias as _ser_v1_ModelAlias, ModelAlias__Output as _ser_v1_ModelAlias__Output } from './ser/v1/ModelAlias';
import type { ModelRef as _ser_v1_ModelRef, ModelRef__Output as _ser_v1_ModelRef__Output } from './ser/v1/ModelRef';
import type { ModelRegistryServiceClient as _ser_v1_ModelRegistryServiceClient, ModelRegistryServiceDefinition as _ser_v1_ModelRegistryServiceDefinition } from './ser/v1/ModelRegistryService';
import type { ModelSelector as _ser_v1_ModelSelector, ModelSelector__Output as _ser_v1_ModelSelector__Output } from './ser/v1/ModelSelector';
import type { ModelSummary as _ser_v1_ModelSummary, ModelSummary__Output as _ser_v1_ModelSummary__Output } from './ser/v1/ModelSummary';
import type { ModelVersion as _ser_v1_ModelVersion, ModelVersion__Output as _ser_v1_ModelVersion__Output } from './ser/v1/ModelVersion';
import type { PageRequest as _ser_v1_PageRequest, PageRequest__Output as _ser_v1_PageRequest__Output } from './ser/v1/PageRequest';
import type { PageResponse as _ser_v1_PageResponse, PageResponse__Output as _ser_v1_PageResponse__Output } from './ser/v1/PageResponse';
import type { Prediction as _ser_v1_Prediction, Prediction__Output as _ser_v1_Prediction__Output } from './ser/v1/Prediction';
import type { RegisterModelVersionRequest as _ser_v1_RegisterModelVersionRequest, RegisterModelVersionRequest__Output as _ser_v1_RegisterModelVersionRequest__Output } from './ser/v1/RegisterModelVersionRequest';
import type { RegisterModelVersionResponse as _ser_v1_RegisterModelVersionResponse, RegisterModelVersionResponse__Output as _ser_v1_RegisterModelVersionResponse__Output } from './ser/v1/RegisterModelVersionResponse';
import type { Run as _ser_v1_Run, Run__Output as _ser_v1_Run__Output } from './ser/v1/Run';
import type { RunProgress as _ser_v1_RunProgress, RunProgress__Output as _ser_v1_RunProgress__Output } from './ser/v1/RunProgress';
import type { SetModelAliasRequest as _ser_v1_SetModelAliasRequest, SetModelAliasRequest__Output as _ser_v1_SetModelAliasRequest__Output } from './ser/v1/SetModelAliasRequest';
import type { SetModelAliasResponse as _ser_v1_SetModelAliasResponse, SetModelAliasResponse__Output as _ser_v1_SetModelAliasResponse__Output } from './ser/v1/SetModelAliasResponse';
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
      BatchGetModelVersionsRequest: MessageTypeDefinition<_ser_v1_BatchGetModelVersionsRequest, _ser_v1_BatchGetModelVersionsRequest__Output>
      BatchGetModelVersionsResponse: MessageTypeDefinition<_ser_v1_BatchGetModelVersionsResponse, _ser_v1_BatchGetModelVersionsResponse__Output>
      Checkpoint: MessageTypeDefinition<_ser_v1_Checkpoint, _ser_v1_Checkpoint__Output>
      ClassProbability: MessageTypeDefinition<_ser_v1_ClassProbability, _ser_v1_ClassProbability__Output>
      Dataset: MessageTypeDefinition<_ser_v1_Dataset, _ser_v1_Dataset__Output>
      DatasetFormat: EnumTypeDefinition
      DatasetVersion: MessageTypeDefinition<_ser_v1_DatasetVersion, _ser_v1_DatasetVersion__Output>
      DownloadModelArtifactRequest: MessageTypeDefinition<_ser_v1_DownloadModelArtifactRequest, _ser_v1_DownloadModelArtifactRequest__Output>
      DownloadModelArtifactResponse: MessageTypeDefinition<_ser_v1_DownloadModelArtifactResponse, _ser_v1_DownloadModelArtifactResponse__Output>
      ExportFormat: EnumTypeDefinition
      ExportModelVersionRequest: MessageTypeDefinition<_ser_v1_ExportModelVersionRequest, _ser_v1_ExportModelVersionRequest__Output>
      ExportModelVersionResponse: MessageTypeDefinition<_ser_v1_ExportModelVersionResponse, _ser_v1_ExportModelVersionResponse__Output>
      FeatureKind: EnumTypeDefinition
      FeatureMatrix: MessageTypeDefinition<_ser_v1_FeatureMatrix, _ser_v1_FeatureMatrix__Output>
      Gender: EnumTypeDefinition
      GetModelCardRequest: MessageTypeDefinition<_ser_v1_GetModelCardRequest, _ser_v1_GetModelCardRequest__Output>
      GetModelCardResponse: MessageTypeDefinition<_ser_v1_GetModelCardResponse, _ser_v1_GetModelCardResponse__Output>
      GetModelVersionRequest: MessageTypeDefinition<_ser_v1_GetModelVersionRequest, _ser_v1_GetModelVersionRequest__Output>
      GetModelVersionResponse: MessageTypeDefinition<_ser_v1_GetModelVersionResponse, _ser_v1_GetModelVersionResponse__Output>
      GetRunModelVersionRequest: MessageTypeDefinition<_ser_v1_GetRunModelVersionRequest, _ser_v1_GetRunModelVersionRequest__Output>
      GetRunModelVersionResponse: MessageTypeDefinition<_ser_v1_GetRunModelVersionResponse, _ser_v1_GetRunModelVersionResponse__Output>
      IngestionReport: MessageTypeDefinition<_ser_v1_IngestionReport, _ser_v1_IngestionReport__Output>
      Lineage: MessageTypeDefinition<_ser_v1_Lineage, _ser_v1_Lineage__Output>
      ListModelAliasesRequest: MessageTypeDefinition<_ser_v1_ListModelAliasesRequest, _ser_v1_ListModelAliasesRequest__Output>
      ListModelAliasesResponse: MessageTypeDefinition<_ser_v1_ListModelAliasesResponse, _ser_v1_ListModelAliasesResponse__Output>
      ListModelVersionsRequest: MessageTypeDefinition<_ser_v1_ListModelVersionsRequest, _ser_v1_ListModelVersionsRequest__Output>
      ListModelVersionsResponse: MessageTypeDefinition<_ser_v1_ListModelVersionsResponse, _ser_v1_ListModelVersionsResponse__Output>
      ListModelsRequest: MessageTypeDefinition<_ser_v1_ListModelsRequest, _ser_v1_ListModelsRequest__Output>
      ListModelsResponse: MessageTypeDefinition<_ser_v1_ListModelsResponse, _ser_v1_ListModelsResponse__Output>
      ModelAlias: MessageTypeDefinition<_ser_v1_ModelAlias, _ser_v1_ModelAlias__Output>
      ModelRef: MessageTypeDefinition<_ser_v1_ModelRef, _ser_v1_ModelRef__Output>
      /**
       * Reads registered model versions and moves their aliases; serves each version's card and files.
       */
      ModelRegistryService: SubtypeConstructor<typeof grpc.Client, _ser_v1_ModelRegistryServiceClient> & { service: _ser_v1_ModelRegistryServiceDefinition }
      ModelSelector: MessageTypeDefinition<_ser_v1_ModelSelector, _ser_v1_ModelSelector__Output>
      ModelSummary: MessageTypeDefinition<_ser_v1_ModelSummary, _ser_v1_ModelSummary__Output>
      ModelVersion: MessageTypeDefinition<_ser_v1_ModelVersion, _ser_v1_ModelVersion__Output>
      PageRequest: MessageTypeDefinition<_ser_v1_PageRequest, _ser_v1_PageRequest__Output>
      PageResponse: MessageTypeDefinition<_ser_v1_PageResponse, _ser_v1_PageResponse__Output>
      Prediction: MessageTypeDefinition<_ser_v1_Prediction, _ser_v1_Prediction__Output>
      RegisterModelVersionRequest: MessageTypeDefinition<_ser_v1_RegisterModelVersionRequest, _ser_v1_RegisterModelVersionRequest__Output>
      RegisterModelVersionResponse: MessageTypeDefinition<_ser_v1_RegisterModelVersionResponse, _ser_v1_RegisterModelVersionResponse__Output>
      Run: MessageTypeDefinition<_ser_v1_Run, _ser_v1_Run__Output>
      RunKind: EnumTypeDefinition
      RunProgress: MessageTypeDefinition<_ser_v1_RunProgress, _ser_v1_RunProgress__Output>
      RunStatus: EnumTypeDefinition
      SetModelAliasRequest: MessageTypeDefinition<_ser_v1_SetModelAliasRequest, _ser_v1_SetModelAliasRequest__Output>
      SetModelAliasResponse: MessageTypeDefinition<_ser_v1_SetModelAliasResponse, _ser_v1_SetModelAliasResponse__Output>
      SkippedFile: MessageTypeDefinition<_ser_v1_SkippedFile, _ser_v1_SkippedFile__Output>
      Utterance: MessageTypeDefinition<_ser_v1_Utterance, _ser_v1_Utterance__Output>
    }
  }
}

