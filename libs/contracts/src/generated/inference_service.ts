import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AudioData as _ser_v1_AudioData, AudioData__Output as _ser_v1_AudioData__Output } from './ser/v1/AudioData';
import type { BatchPredictRequest as _ser_v1_BatchPredictRequest, BatchPredictRequest__Output as _ser_v1_BatchPredictRequest__Output } from './ser/v1/BatchPredictRequest';
import type { BatchPredictResponse as _ser_v1_BatchPredictResponse, BatchPredictResponse__Output as _ser_v1_BatchPredictResponse__Output } from './ser/v1/BatchPredictResponse';
import type { BatchPredictSummary as _ser_v1_BatchPredictSummary, BatchPredictSummary__Output as _ser_v1_BatchPredictSummary__Output } from './ser/v1/BatchPredictSummary';
import type { Checkpoint as _ser_v1_Checkpoint, Checkpoint__Output as _ser_v1_Checkpoint__Output } from './ser/v1/Checkpoint';
import type { ClassProbability as _ser_v1_ClassProbability, ClassProbability__Output as _ser_v1_ClassProbability__Output } from './ser/v1/ClassProbability';
import type { Dataset as _ser_v1_Dataset, Dataset__Output as _ser_v1_Dataset__Output } from './ser/v1/Dataset';
import type { DatasetVersion as _ser_v1_DatasetVersion, DatasetVersion__Output as _ser_v1_DatasetVersion__Output } from './ser/v1/DatasetVersion';
import type { FeatureMatrix as _ser_v1_FeatureMatrix, FeatureMatrix__Output as _ser_v1_FeatureMatrix__Output } from './ser/v1/FeatureMatrix';
import type { GetModelStatusRequest as _ser_v1_GetModelStatusRequest, GetModelStatusRequest__Output as _ser_v1_GetModelStatusRequest__Output } from './ser/v1/GetModelStatusRequest';
import type { GetModelStatusResponse as _ser_v1_GetModelStatusResponse, GetModelStatusResponse__Output as _ser_v1_GetModelStatusResponse__Output } from './ser/v1/GetModelStatusResponse';
import type { InferenceServiceClient as _ser_v1_InferenceServiceClient, InferenceServiceDefinition as _ser_v1_InferenceServiceDefinition } from './ser/v1/InferenceService';
import type { IngestionReport as _ser_v1_IngestionReport, IngestionReport__Output as _ser_v1_IngestionReport__Output } from './ser/v1/IngestionReport';
import type { Lineage as _ser_v1_Lineage, Lineage__Output as _ser_v1_Lineage__Output } from './ser/v1/Lineage';
import type { LoadedModel as _ser_v1_LoadedModel, LoadedModel__Output as _ser_v1_LoadedModel__Output } from './ser/v1/LoadedModel';
import type { ModelRef as _ser_v1_ModelRef, ModelRef__Output as _ser_v1_ModelRef__Output } from './ser/v1/ModelRef';
import type { ModelSelector as _ser_v1_ModelSelector, ModelSelector__Output as _ser_v1_ModelSelector__Output } from './ser/v1/ModelSelector';
import type { ModelVersion as _ser_v1_ModelVersion, ModelVersion__Output as _ser_v1_ModelVersion__Output } from './ser/v1/ModelVersion';
import type { PageRequest as _ser_v1_PageRequest, PageRequest__Output as _ser_v1_PageRequest__Output } from './ser/v1/PageRequest';
import type { PageResponse as _ser_v1_PageResponse, PageResponse__Output as _ser_v1_PageResponse__Output } from './ser/v1/PageResponse';
import type { PredictRequest as _ser_v1_PredictRequest, PredictRequest__Output as _ser_v1_PredictRequest__Output } from './ser/v1/PredictRequest';
import type { PredictResponse as _ser_v1_PredictResponse, PredictResponse__Output as _ser_v1_PredictResponse__Output } from './ser/v1/PredictResponse';
import type { PredictStreamConfig as _ser_v1_PredictStreamConfig, PredictStreamConfig__Output as _ser_v1_PredictStreamConfig__Output } from './ser/v1/PredictStreamConfig';
import type { PredictStreamRequest as _ser_v1_PredictStreamRequest, PredictStreamRequest__Output as _ser_v1_PredictStreamRequest__Output } from './ser/v1/PredictStreamRequest';
import type { PredictStreamResponse as _ser_v1_PredictStreamResponse, PredictStreamResponse__Output as _ser_v1_PredictStreamResponse__Output } from './ser/v1/PredictStreamResponse';
import type { Prediction as _ser_v1_Prediction, Prediction__Output as _ser_v1_Prediction__Output } from './ser/v1/Prediction';
import type { Run as _ser_v1_Run, Run__Output as _ser_v1_Run__Output } from './ser/v1/Run';
import type { RunProgress as _ser_v1_RunProgress, RunProgress__Output as _ser_v1_RunProgress__Output } from './ser/v1/RunProgress';
import type { SkippedFile as _ser_v1_SkippedFile, SkippedFile__Output as _ser_v1_SkippedFile__Output } from './ser/v1/SkippedFile';
import type { Utterance as _ser_v1_Utterance, Utterance__Output as _ser_v1_Utterance__Output } from './ser/v1/Utterance';
import type { UtterancePrediction as _ser_v1_UtterancePrediction, UtterancePrediction__Output as _ser_v1_UtterancePrediction__Output } from './ser/v1/UtterancePrediction';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  ser: {
    v1: {
      AudioData: MessageTypeDefinition<_ser_v1_AudioData, _ser_v1_AudioData__Output>
      AudioEncoding: EnumTypeDefinition
      BatchPredictRequest: MessageTypeDefinition<_ser_v1_BatchPredictRequest, _ser_v1_BatchPredictRequest__Output>
      BatchPredictResponse: MessageTypeDefinition<_ser_v1_BatchPredictResponse, _ser_v1_BatchPredictResponse__Output>
      BatchPredictSummary: MessageTypeDefinition<_ser_v1_BatchPredictSummary, _ser_v1_BatchPredictSummary__Output>
      Checkpoint: MessageTypeDefinition<_ser_v1_Checkpoint, _ser_v1_Checkpoint__Output>
      ClassProbability: MessageTypeDefinition<_ser_v1_ClassProbability, _ser_v1_ClassProbability__Output>
      Dataset: MessageTypeDefinition<_ser_v1_Dataset, _ser_v1_Dataset__Output>
      DatasetFormat: EnumTypeDefinition
      DatasetVersion: MessageTypeDefinition<_ser_v1_DatasetVersion, _ser_v1_DatasetVersion__Output>
      FeatureKind: EnumTypeDefinition
      FeatureMatrix: MessageTypeDefinition<_ser_v1_FeatureMatrix, _ser_v1_FeatureMatrix__Output>
      Gender: EnumTypeDefinition
      GetModelStatusRequest: MessageTypeDefinition<_ser_v1_GetModelStatusRequest, _ser_v1_GetModelStatusRequest__Output>
      GetModelStatusResponse: MessageTypeDefinition<_ser_v1_GetModelStatusResponse, _ser_v1_GetModelStatusResponse__Output>
      /**
       * Predicts emotions from audio: one clip, a live stream, or a whole dataset version.
       */
      InferenceService: SubtypeConstructor<typeof grpc.Client, _ser_v1_InferenceServiceClient> & { service: _ser_v1_InferenceServiceDefinition }
      IngestionReport: MessageTypeDefinition<_ser_v1_IngestionReport, _ser_v1_IngestionReport__Output>
      Lineage: MessageTypeDefinition<_ser_v1_Lineage, _ser_v1_Lineage__Output>
      LoadedModel: MessageTypeDefinition<_ser_v1_LoadedModel, _ser_v1_LoadedModel__Output>
      ModelRef: MessageTypeDefinition<_ser_v1_ModelRef, _ser_v1_ModelRef__Output>
      ModelSelector: MessageTypeDefinition<_ser_v1_ModelSelector, _ser_v1_ModelSelector__Output>
      ModelVersion: MessageTypeDefinition<_ser_v1_ModelVersion, _ser_v1_ModelVersion__Output>
      PageRequest: MessageTypeDefinition<_ser_v1_PageRequest, _ser_v1_PageRequest__Output>
      PageResponse: MessageTypeDefinition<_ser_v1_PageResponse, _ser_v1_PageResponse__Output>
      PredictRequest: MessageTypeDefinition<_ser_v1_PredictRequest, _ser_v1_PredictRequest__Output>
      PredictResponse: MessageTypeDefinition<_ser_v1_PredictResponse, _ser_v1_PredictResponse__Output>
      PredictStreamConfig: MessageTypeDefinition<_ser_v1_PredictStreamConfig, _ser_v1_PredictStreamConfig__Output>
      PredictStreamRequest: MessageTypeDefinition<_ser_v1_PredictStreamRequest, _ser_v1_PredictStreamRequest__Output>
      PredictStreamResponse: MessageTypeDefinition<_ser_v1_PredictStreamResponse, _ser_v1_PredictStreamResponse__Output>
      Prediction: MessageTypeDefinition<_ser_v1_Prediction, _ser_v1_Prediction__Output>
      Run: MessageTypeDefinition<_ser_v1_Run, _ser_v1_Run__Output>
      RunKind: EnumTypeDefinition
      RunProgress: MessageTypeDefinition<_ser_v1_RunProgress, _ser_v1_RunProgress__Output>
      RunStatus: EnumTypeDefinition
      SkippedFile: MessageTypeDefinition<_ser_v1_SkippedFile, _ser_v1_SkippedFile__Output>
      Utterance: MessageTypeDefinition<_ser_v1_Utterance, _ser_v1_Utterance__Output>
      UtterancePrediction: MessageTypeDefinition<_ser_v1_UtterancePrediction, _ser_v1_UtterancePrediction__Output>
    }
  }
}

