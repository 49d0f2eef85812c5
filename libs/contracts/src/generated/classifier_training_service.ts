import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AudioData as _ser_v1_AudioData, AudioData__Output as _ser_v1_AudioData__Output } from './ser/v1/AudioData';
import type { CancelClassifierRunRequest as _ser_v1_CancelClassifierRunRequest, CancelClassifierRunRequest__Output as _ser_v1_CancelClassifierRunRequest__Output } from './ser/v1/CancelClassifierRunRequest';
import type { CancelClassifierRunResponse as _ser_v1_CancelClassifierRunResponse, CancelClassifierRunResponse__Output as _ser_v1_CancelClassifierRunResponse__Output } from './ser/v1/CancelClassifierRunResponse';
import type { Checkpoint as _ser_v1_Checkpoint, Checkpoint__Output as _ser_v1_Checkpoint__Output } from './ser/v1/Checkpoint';
import type { ClassProbability as _ser_v1_ClassProbability, ClassProbability__Output as _ser_v1_ClassProbability__Output } from './ser/v1/ClassProbability';
import type { ClassRecall as _ser_v1_ClassRecall, ClassRecall__Output as _ser_v1_ClassRecall__Output } from './ser/v1/ClassRecall';
import type { ClassifierEvaluation as _ser_v1_ClassifierEvaluation, ClassifierEvaluation__Output as _ser_v1_ClassifierEvaluation__Output } from './ser/v1/ClassifierEvaluation';
import type { ClassifierTrainingServiceClient as _ser_v1_ClassifierTrainingServiceClient, ClassifierTrainingServiceDefinition as _ser_v1_ClassifierTrainingServiceDefinition } from './ser/v1/ClassifierTrainingService';
import type { ConfusionMatrix as _ser_v1_ConfusionMatrix, ConfusionMatrix__Output as _ser_v1_ConfusionMatrix__Output } from './ser/v1/ConfusionMatrix';
import type { Dataset as _ser_v1_Dataset, Dataset__Output as _ser_v1_Dataset__Output } from './ser/v1/Dataset';
import type { DatasetVersion as _ser_v1_DatasetVersion, DatasetVersion__Output as _ser_v1_DatasetVersion__Output } from './ser/v1/DatasetVersion';
import type { FeatureMatrix as _ser_v1_FeatureMatrix, FeatureMatrix__Output as _ser_v1_FeatureMatrix__Output } from './ser/v1/FeatureMatrix';
import type { FoldEvaluation as _ser_v1_FoldEvaluation, FoldEvaluation__Output as _ser_v1_FoldEvaluation__Output } from './ser/v1/FoldEvaluation';
import type { GetClassifierRunEvaluationRequest as _ser_v1_GetClassifierRunEvaluationRequest, GetClassifierRunEvaluationRequest__Output as _ser_v1_GetClassifierRunEvaluationRequest__Output } from './ser/v1/GetClassifierRunEvaluationRequest';
import type { GetClassifierRunEvaluationResponse as _ser_v1_GetClassifierRunEvaluationResponse, GetClassifierRunEvaluationResponse__Output as _ser_v1_GetClassifierRunEvaluationResponse__Output } from './ser/v1/GetClassifierRunEvaluationResponse';
import type { GetClassifierRunRepresentationsRequest as _ser_v1_GetClassifierRunRepresentationsRequest, GetClassifierRunRepresentationsRequest__Output as _ser_v1_GetClassifierRunRepresentationsRequest__Output } from './ser/v1/GetClassifierRunRepresentationsRequest';
import type { GetClassifierRunRepresentationsResponse as _ser_v1_GetClassifierRunRepresentationsResponse, GetClassifierRunRepresentationsResponse__Output as _ser_v1_GetClassifierRunRepresentationsResponse__Output } from './ser/v1/GetClassifierRunRepresentationsResponse';
import type { GetClassifierRunRequest as _ser_v1_GetClassifierRunRequest, GetClassifierRunRequest__Output as _ser_v1_GetClassifierRunRequest__Output } from './ser/v1/GetClassifierRunRequest';
import type { GetClassifierRunResponse as _ser_v1_GetClassifierRunResponse, GetClassifierRunResponse__Output as _ser_v1_GetClassifierRunResponse__Output } from './ser/v1/GetClassifierRunResponse';
import type { IngestionReport as _ser_v1_IngestionReport, IngestionReport__Output as _ser_v1_IngestionReport__Output } from './ser/v1/IngestionReport';
import type { Lineage as _ser_v1_Lineage, Lineage__Output as _ser_v1_Lineage__Output } from './ser/v1/Lineage';
import type { ListClassifierRunsRequest as _ser_v1_ListClassifierRunsRequest, ListClassifierRunsRequest__Output as _ser_v1_ListClassifierRunsRequest__Output } from './ser/v1/ListClassifierRunsRequest';
import type { ListClassifierRunsResponse as _ser_v1_ListClassifierRunsResponse, ListClassifierRunsResponse__Output as _ser_v1_ListClassifierRunsResponse__Output } from './ser/v1/ListClassifierRunsResponse';
import type { ModelRef as _ser_v1_ModelRef, ModelRef__Output as _ser_v1_ModelRef__Output } from './ser/v1/ModelRef';
import type { ModelSelector as _ser_v1_ModelSelector, ModelSelector__Output as _ser_v1_ModelSelector__Output } from './ser/v1/ModelSelector';
import type { ModelVersion as _ser_v1_ModelVersion, ModelVersion__Output as _ser_v1_ModelVersion__Output } from './ser/v1/ModelVersion';
import type { PageRequest as _ser_v1_PageRequest, PageRequest__Output as _ser_v1_PageRequest__Output } from './ser/v1/PageRequest';
import type { PageResponse as _ser_v1_PageResponse, PageResponse__Output as _ser_v1_PageResponse__Output } from './ser/v1/PageResponse';
import type { Prediction as _ser_v1_Prediction, Prediction__Output as _ser_v1_Prediction__Output } from './ser/v1/Prediction';
import type { Run as _ser_v1_Run, Run__Output as _ser_v1_Run__Output } from './ser/v1/Run';
import type { RunProgress as _ser_v1_RunProgress, RunProgress__Output as _ser_v1_RunProgress__Output } from './ser/v1/RunProgress';
import type { SkippedFile as _ser_v1_SkippedFile, SkippedFile__Output as _ser_v1_SkippedFile__Output } from './ser/v1/SkippedFile';
import type { StartClassifierRunRequest as _ser_v1_StartClassifierRunRequest, StartClassifierRunRequest__Output as _ser_v1_StartClassifierRunRequest__Output } from './ser/v1/StartClassifierRunRequest';
import type { StartClassifierRunResponse as _ser_v1_StartClassifierRunResponse, StartClassifierRunResponse__Output as _ser_v1_StartClassifierRunResponse__Output } from './ser/v1/StartClassifierRunResponse';
import type { Utterance as _ser_v1_Utterance, Utterance__Output as _ser_v1_Utterance__Output } from './ser/v1/Utterance';
import type { UtteranceRepresentation as _ser_v1_UtteranceRepresentation, UtteranceRepresentation__Output as _ser_v1_UtteranceRepresentation__Output } from './ser/v1/UtteranceRepresentation';
import type { WatchClassifierRunRequest as _ser_v1_WatchClassifierRunRequest, WatchClassifierRunRequest__Output as _ser_v1_WatchClassifierRunRequest__Output } from './ser/v1/WatchClassifierRunRequest';
import type { WatchClassifierRunResponse as _ser_v1_WatchClassifierRunResponse, WatchClassifierRunResponse__Output as _ser_v1_WatchClassifierRunResponse__Output } from './ser/v1/WatchClassifierRunResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  ser: {
    v1: {
      AudioData: MessageTypeDefinition<_ser_v1_AudioData, _ser_v1_AudioData__Output>
      AudioEncoding: EnumTypeDefinition
      CancelClassifierRunRequest: MessageTypeDefinition<_ser_v1_CancelClassifierRunRequest, _ser_v1_CancelClassifierRunRequest__Output>
      CancelClassifierRunResponse: MessageTypeDefinition<_ser_v1_CancelClassifierRunResponse, _ser_v1_CancelClassifierRunResponse__Output>
      Checkpoint: MessageTypeDefinition<_ser_v1_Checkpoint, _ser_v1_Checkpoint__Output>
      ClassProbability: MessageTypeDefinition<_ser_v1_ClassProbability, _ser_v1_ClassProbability__Output>
      ClassRecall: MessageTypeDefinition<_ser_v1_ClassRecall, _ser_v1_ClassRecall__Output>
      ClassifierEvaluation: MessageTypeDefinition<_ser_v1_ClassifierEvaluation, _ser_v1_ClassifierEvaluation__Output>
      /**
       * Trains and evaluates emotion classifiers (fine-tuning, hypercolumns, TACN and baselines)
       * and registers the resulting model versions (read and moved through ModelRegistryService).
       */
      ClassifierTrainingService: SubtypeConstructor<typeof grpc.Client, _ser_v1_ClassifierTrainingServiceClient> & { service: _ser_v1_ClassifierTrainingServiceDefinition }
      ConfusionMatrix: MessageTypeDefinition<_ser_v1_ConfusionMatrix, _ser_v1_ConfusionMatrix__Output>
      Dataset: MessageTypeDefinition<_ser_v1_Dataset, _ser_v1_Dataset__Output>
      DatasetFormat: EnumTypeDefinition
      DatasetVersion: MessageTypeDefinition<_ser_v1_DatasetVersion, _ser_v1_DatasetVersion__Output>
      FeatureKind: EnumTypeDefinition
      FeatureMatrix: MessageTypeDefinition<_ser_v1_FeatureMatrix, _ser_v1_FeatureMatrix__Output>
      FoldEvaluation: MessageTypeDefinition<_ser_v1_FoldEvaluation, _ser_v1_FoldEvaluation__Output>
      Gender: EnumTypeDefinition
      GetClassifierRunEvaluationRequest: MessageTypeDefinition<_ser_v1_GetClassifierRunEvaluationRequest, _ser_v1_GetClassifierRunEvaluationRequest__Output>
      GetClassifierRunEvaluationResponse: MessageTypeDefinition<_ser_v1_GetClassifierRunEvaluationResponse, _ser_v1_GetClassifierRunEvaluationResponse__Output>
      GetClassifierRunRepresentationsRequest: MessageTypeDefinition<_ser_v1_GetClassifierRunRepresentationsRequest, _ser_v1_GetClassifierRunRepresentationsRequest__Output>
      GetClassifierRunRepresentationsResponse: MessageTypeDefinition<_ser_v1_GetClassifierRunRepresentationsResponse, _ser_v1_GetClassifierRunRepresentationsResponse__Output>
      GetClassifierRunRequest: MessageTypeDefinition<_ser_v1_GetClassifierRunRequest, _ser_v1_GetClassifierRunRequest__Output>
      GetClassifierRunResponse: MessageTypeDefinition<_ser_v1_GetClassifierRunResponse, _ser_v1_GetClassifierRunResponse__Output>
      IngestionReport: MessageTypeDefinition<_ser_v1_IngestionReport, _ser_v1_IngestionReport__Output>
      Lineage: MessageTypeDefinition<_ser_v1_Lineage, _ser_v1_Lineage__Output>
      ListClassifierRunsRequest: MessageTypeDefinition<_ser_v1_ListClassifierRunsRequest, _ser_v1_ListClassifierRunsRequest__Output>
      ListClassifierRunsResponse: MessageTypeDefinition<_ser_v1_ListClassifierRunsResponse, _ser_v1_ListClassifierRunsResponse__Output>
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
      StartClassifierRunRequest: MessageTypeDefinition<_ser_v1_StartClassifierRunRequest, _ser_v1_StartClassifierRunRequest__Output>
      StartClassifierRunResponse: MessageTypeDefinition<_ser_v1_StartClassifierRunResponse, _ser_v1_StartClassifierRunResponse__Output>
      Utterance: MessageTypeDefinition<_ser_v1_Utterance, _ser_v1_Utterance__Output>
      UtteranceRepresentation: MessageTypeDefinition<_ser_v1_UtteranceRepresentation, _ser_v1_UtteranceRepresentation__Output>
      WatchClassifierRunRequest: MessageTypeDefinition<_ser_v1_WatchClassifierRunRequest, _ser_v1_WatchClassifierRunRequest__Output>
      WatchClassifierRunResponse: MessageTypeDefinition<_ser_v1_WatchClassifierRunResponse, _ser_v1_WatchClassifierRunResponse__Output>
    }
  }
}

