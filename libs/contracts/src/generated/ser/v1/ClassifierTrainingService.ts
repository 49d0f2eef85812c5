// Original file: proto/ser/v1/classifier_training_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CancelClassifierRunRequest as _ser_v1_CancelClassifierRunRequest, CancelClassifierRunRequest__Output as _ser_v1_CancelClassifierRunRequest__Output } from '../../ser/v1/CancelClassifierRunRequest';
import type { CancelClassifierRunResponse as _ser_v1_CancelClassifierRunResponse, CancelClassifierRunResponse__Output as _ser_v1_CancelClassifierRunResponse__Output } from '../../ser/v1/CancelClassifierRunResponse';
import type { GetClassifierRunEvaluationRequest as _ser_v1_GetClassifierRunEvaluationRequest, GetClassifierRunEvaluationRequest__Output as _ser_v1_GetClassifierRunEvaluationRequest__Output } from '../../ser/v1/GetClassifierRunEvaluationRequest';
import type { GetClassifierRunEvaluationResponse as _ser_v1_GetClassifierRunEvaluationResponse, GetClassifierRunEvaluationResponse__Output as _ser_v1_GetClassifierRunEvaluationResponse__Output } from '../../ser/v1/GetClassifierRunEvaluationResponse';
import type { GetClassifierRunRepresentationsRequest as _ser_v1_GetClassifierRunRepresentationsRequest, GetClassifierRunRepresentationsRequest__Output as _ser_v1_GetClassifierRunRepresentationsRequest__Output } from '../../ser/v1/GetClassifierRunRepresentationsRequest';
import type { GetClassifierRunRepresentationsResponse as _ser_v1_GetClassifierRunRepresentationsResponse, GetClassifierRunRepresentationsResponse__Output as _ser_v1_GetClassifierRunRepresentationsResponse__Output } from '../../ser/v1/GetClassifierRunRepresentationsResponse';
import type { GetClassifierRunRequest as _ser_v1_GetClassifierRunRequest, GetClassifierRunRequest__Output as _ser_v1_GetClassifierRunRequest__Output } from '../../ser/v1/GetClassifierRunRequest';
import type { GetClassifierRunResponse as _ser_v1_GetClassifierRunResponse, GetClassifierRunResponse__Output as _ser_v1_GetClassifierRunResponse__Output } from '../../ser/v1/GetClassifierRunResponse';
import type { ListClassifierRunsRequest as _ser_v1_ListClassifierRunsRequest, ListClassifierRunsRequest__Output as _ser_v1_ListClassifierRunsRequest__Output } from '../../ser/v1/ListClassifierRunsRequest';
import type { ListClassifierRunsResponse as _ser_v1_ListClassifierRunsResponse, ListClassifierRunsResponse__Output as _ser_v1_ListClassifierRunsResponse__Output } from '../../ser/v1/ListClassifierRunsResponse';
import type { StartClassifierRunRequest as _ser_v1_StartClassifierRunRequest, StartClassifierRunRequest__Output as _ser_v1_StartClassifierRunRequest__Output } from '../../ser/v1/StartClassifierRunRequest';
import type { StartClassifierRunResponse as _ser_v1_StartClassifierRunResponse, StartClassifierRunResponse__Output as _ser_v1_StartClassifierRunResponse__Output } from '../../ser/v1/StartClassifierRunResponse';
import type { WatchClassifierRunRequest as _ser_v1_WatchClassifierRunRequest, WatchClassifierRunRequest__Output as _ser_v1_WatchClassifierRunRequest__Output } from '../../ser/v1/WatchClassifierRunRequest';
import type { WatchClassifierRunResponse as _ser_v1_WatchClassifierRunResponse, WatchClassifierRunResponse__Output as _ser_v1_WatchClassifierRunResponse__Output } from '../../ser/v1/WatchClassifierRunResponse';

/**
 * Trains and evaluates emotion classifiers (fine-tuning, hypercolumns, TACN and baselines)
 * and registers the resulting model versions (read and moved through ModelRegistryService).
 */
export interface ClassifierTrainingServiceClient extends grpc.Client {
  /**
   * Asks a queued or running run to stop; returns the run (CANCELLED once the worker stops).
   */
  CancelClassifierRun(argument: _ser_v1_CancelClassifierRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_CancelClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  CancelClassifierRun(argument: _ser_v1_CancelClassifierRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_CancelClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  CancelClassifierRun(argument: _ser_v1_CancelClassifierRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_CancelClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  CancelClassifierRun(argument: _ser_v1_CancelClassifierRunRequest, callback: grpc.requestCallback<_ser_v1_CancelClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Asks a queued or running run to stop; returns the run (CANCELLED once the worker stops).
   */
  cancelClassifierRun(argument: _ser_v1_CancelClassifierRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_CancelClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  cancelClassifierRun(argument: _ser_v1_CancelClassifierRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_CancelClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  cancelClassifierRun(argument: _ser_v1_CancelClassifierRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_CancelClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  cancelClassifierRun(argument: _ser_v1_CancelClassifierRunRequest, callback: grpc.requestCallback<_ser_v1_CancelClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns one run with its checkpoints and registered model version.
   */
  GetClassifierRun(argument: _ser_v1_GetClassifierRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  GetClassifierRun(argument: _ser_v1_GetClassifierRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  GetClassifierRun(argument: _ser_v1_GetClassifierRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  GetClassifierRun(argument: _ser_v1_GetClassifierRunRequest, callback: grpc.requestCallback<_ser_v1_GetClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns one run with its checkpoints and registered model version.
   */
  getClassifierRun(argument: _ser_v1_GetClassifierRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  getClassifierRun(argument: _ser_v1_GetClassifierRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  getClassifierRun(argument: _ser_v1_GetClassifierRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  getClassifierRun(argument: _ser_v1_GetClassifierRunRequest, callback: grpc.requestCallback<_ser_v1_GetClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns a finished run's evaluation: metrics per fold and repeat, confusion matrix, recalls.
   */
  GetClassifierRunEvaluation(argument: _ser_v1_GetClassifierRunEvaluationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetClassifierRunEvaluationResponse__Output>): grpc.ClientUnaryCall;
  GetClassifierRunEvaluation(argument: _ser_v1_GetClassifierRunEvaluationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetClassifierRunEvaluationResponse__Output>): grpc.ClientUnaryCall;
  GetClassifierRunEvaluation(argument: _ser_v1_GetClassifierRunEvaluationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetClassifierRunEvaluationResponse__Output>): grpc.ClientUnaryCall;
  GetClassifierRunEvaluation(argument: _ser_v1_GetClassifierRunEvaluationRequest, callback: grpc.requestCallback<_ser_v1_GetClassifierRunEvaluationResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns a finished run's evaluation: metrics per fold and repeat, confusion matrix, recalls.
   */
  getClassifierRunEvaluation(argument: _ser_v1_GetClassifierRunEvaluationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetClassifierRunEvaluationResponse__Output>): grpc.ClientUnaryCall;
  getClassifierRunEvaluation(argument: _ser_v1_GetClassifierRunEvaluationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetClassifierRunEvaluationResponse__Output>): grpc.ClientUnaryCall;
  getClassifierRunEvaluation(argument: _ser_v1_GetClassifierRunEvaluationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetClassifierRunEvaluationResponse__Output>): grpc.ClientUnaryCall;
  getClassifierRunEvaluation(argument: _ser_v1_GetClassifierRunEvaluationRequest, callback: grpc.requestCallback<_ser_v1_GetClassifierRunEvaluationResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns a finished sequence-model run's per-utterance representations of its first repeat's test utterances
   * (deep, and fused for 'fusion' runs): what a t-SNE figure plots. NOT_FOUND for methods that keep none.
   */
  GetClassifierRunRepresentations(argument: _ser_v1_GetClassifierRunRepresentationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetClassifierRunRepresentationsResponse__Output>): grpc.ClientUnaryCall;
  GetClassifierRunRepresentations(argument: _ser_v1_GetClassifierRunRepresentationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetClassifierRunRepresentationsResponse__Output>): grpc.ClientUnaryCall;
  GetClassifierRunRepresentations(argument: _ser_v1_GetClassifierRunRepresentationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetClassifierRunRepresentationsResponse__Output>): grpc.ClientUnaryCall;
  GetClassifierRunRepresentations(argument: _ser_v1_GetClassifierRunRepresentationsRequest, callback: grpc.requestCallback<_ser_v1_GetClassifierRunRepresentationsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns a finished sequence-model run's per-utterance representations of its first repeat's test utterances
   * (deep, and fused for 'fusion' runs): what a t-SNE figure plots. NOT_FOUND for methods that keep none.
   */
  getClassifierRunRepresentations(argument: _ser_v1_GetClassifierRunRepresentationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetClassifierRunRepresentationsResponse__Output>): grpc.ClientUnaryCall;
  getClassifierRunRepresentations(argument: _ser_v1_GetClassifierRunRepresentationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetClassifierRunRepresentationsResponse__Output>): grpc.ClientUnaryCall;
  getClassifierRunRepresentations(argument: _ser_v1_GetClassifierRunRepresentationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetClassifierRunRepresentationsResponse__Output>): grpc.ClientUnaryCall;
  getClassifierRunRepresentations(argument: _ser_v1_GetClassifierRunRepresentationsRequest, callback: grpc.requestCallback<_ser_v1_GetClassifierRunRepresentationsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists runs, newest first, one page at a time.
   */
  ListClassifierRuns(argument: _ser_v1_ListClassifierRunsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListClassifierRunsResponse__Output>): grpc.ClientUnaryCall;
  ListClassifierRuns(argument: _ser_v1_ListClassifierRunsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_ListClassifierRunsResponse__Output>): grpc.ClientUnaryCall;
  ListClassifierRuns(argument: _ser_v1_ListClassifierRunsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListClassifierRunsResponse__Output>): grpc.ClientUnaryCall;
  ListClassifierRuns(argument: _ser_v1_ListClassifierRunsRequest, callback: grpc.requestCallback<_ser_v1_ListClassifierRunsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists runs, newest first, one page at a time.
   */
  listClassifierRuns(argument: _ser_v1_ListClassifierRunsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListClassifierRunsResponse__Output>): grpc.ClientUnaryCall;
  listClassifierRuns(argument: _ser_v1_ListClassifierRunsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_ListClassifierRunsResponse__Output>): grpc.ClientUnaryCall;
  listClassifierRuns(argument: _ser_v1_ListClassifierRunsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListClassifierRunsResponse__Output>): grpc.ClientUnaryCall;
  listClassifierRuns(argument: _ser_v1_ListClassifierRunsRequest, callback: grpc.requestCallback<_ser_v1_ListClassifierRunsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Queues a new classifier run and returns it (status QUEUED).
   */
  StartClassifierRun(argument: _ser_v1_StartClassifierRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_StartClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  StartClassifierRun(argument: _ser_v1_StartClassifierRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_StartClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  StartClassifierRun(argument: _ser_v1_StartClassifierRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_StartClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  StartClassifierRun(argument: _ser_v1_StartClassifierRunRequest, callback: grpc.requestCallback<_ser_v1_StartClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Queues a new classifier run and returns it (status QUEUED).
   */
  startClassifierRun(argument: _ser_v1_StartClassifierRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_StartClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  startClassifierRun(argument: _ser_v1_StartClassifierRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_StartClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  startClassifierRun(argument: _ser_v1_StartClassifierRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_StartClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  startClassifierRun(argument: _ser_v1_StartClassifierRunRequest, callback: grpc.requestCallback<_ser_v1_StartClassifierRunResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams a run's progress until it reaches a final status; the stream then ends.
   */
  WatchClassifierRun(argument: _ser_v1_WatchClassifierRunRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_WatchClassifierRunResponse__Output>;
  WatchClassifierRun(argument: _ser_v1_WatchClassifierRunRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_WatchClassifierRunResponse__Output>;
  /**
   * Streams a run's progress until it reaches a final status; the stream then ends.
   */
  watchClassifierRun(argument: _ser_v1_WatchClassifierRunRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_WatchClassifierRunResponse__Output>;
  watchClassifierRun(argument: _ser_v1_WatchClassifierRunRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_WatchClassifierRunResponse__Output>;
  
}

/**
 * Trains and evaluates emotion classifiers (fine-tuning, hypercolumns, TACN and baselines)
 * and registers the resulting model versions (read and moved through ModelRegistryService).
 */
export interface ClassifierTrainingServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Asks a queued or running run to stop; returns the run (CANCELLED once the worker stops).
   */
  CancelClassifierRun: grpc.handleUnaryCall<_ser_v1_CancelClassifierRunRequest__Output, _ser_v1_CancelClassifierRunResponse>;
  
  /**
   * Returns one run with its checkpoints and registered model version.
   */
  GetClassifierRun: grpc.handleUnaryCall<_ser_v1_GetClassifierRunRequest__Output, _ser_v1_GetClassifierRunResponse>;
  
  /**
   * Returns a finished run's evaluation: metrics per fold and repeat, confusion matrix, recalls.
   */
  GetClassifierRunEvaluation: grpc.handleUnaryCall<_ser_v1_GetClassifierRunEvaluationRequest__Output, _ser_v1_GetClassifierRunEvaluationResponse>;
  
  /**
   * Returns a finished sequence-model run's per-utterance representations of its first repeat's test utterances
   * (deep, and fused for 'fusion' runs): what a t-SNE figure plots. NOT_FOUND for methods that keep none.
   */
  GetClassifierRunRepresentations: grpc.handleUnaryCall<_ser_v1_GetClassifierRunRepresentationsRequest__Output, _ser_v1_GetClassifierRunRepresentationsResponse>;
  
  /**
   * Lists runs, newest first, one page at a time.
   */
  ListClassifierRuns: grpc.handleUnaryCall<_ser_v1_ListClassifierRunsRequest__Output, _ser_v1_ListClassifierRunsResponse>;
  
  /**
   * Queues a new classifier run and returns it (status QUEUED).
   */
  StartClassifierRun: grpc.handleUnaryCall<_ser_v1_StartClassifierRunRequest__Output, _ser_v1_StartClassifierRunResponse>;
  
  /**
   * Streams a run's progress until it reaches a final status; the stream then ends.
   */
  WatchClassifierRun: grpc.handleServerStreamingCall<_ser_v1_WatchClassifierRunRequest__Output, _ser_v1_WatchClassifierRunResponse>;
  
}

export interface ClassifierTrainingServiceDefinition extends grpc.ServiceDefinition {
  CancelClassifierRun: MethodDefinition<_ser_v1_CancelClassifierRunRequest, _ser_v1_CancelClassifierRunResponse, _ser_v1_CancelClassifierRunRequest__Output, _ser_v1_CancelClassifierRunResponse__Output>
  GetClassifierRun: MethodDefinition<_ser_v1_GetClassifierRunRequest, _ser_v1_GetClassifierRunResponse, _ser_v1_GetClassifierRunRequest__Output, _ser_v1_GetClassifierRunResponse__Output>
  GetClassifierRunEvaluation: MethodDefinition<_ser_v1_GetClassifierRunEvaluationRequest, _ser_v1_GetClassifierRunEvaluationResponse, _ser_v1_GetClassifierRunEvaluationRequest__Output, _ser_v1_GetClassifierRunEvaluationResponse__Output>
  GetClassifierRunRepresentations: MethodDefinition<_ser_v1_GetClassifierRunRepresentationsRequest, _ser_v1_GetClassifierRunRepresentationsResponse, _ser_v1_GetClassifierRunRepresentationsRequest__Output, _ser_v1_GetClassifierRunRepresentationsResponse__Output>
  ListClassifierRuns: MethodDefinition<_ser_v1_ListClassifierRunsRequest, _ser_v1_ListClassifierRunsResponse, _ser_v1_ListClassifierRunsRequest__Output, _ser_v1_ListClassifierRunsResponse__Output>
  StartClassifierRun: MethodDefinition<_ser_v1_StartClassifierRunRequest, _ser_v1_StartClassifierRunResponse, _ser_v1_StartClassifierRunRequest__Output, _ser_v1_StartClassifierRunResponse__Output>
  WatchClassifierRun: MethodDefinition<_ser_v1_WatchClassifierRunRequest, _ser_v1_WatchClassifierRunResponse, _ser_v1_WatchClassifierRunRequest__Output, _ser_v1_WatchClassifierRunResponse__Output>
}
