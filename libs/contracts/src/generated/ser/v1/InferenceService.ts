// Original file: proto/ser/v1/inference_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { BatchPredictRequest as _ser_v1_BatchPredictRequest, BatchPredictRequest__Output as _ser_v1_BatchPredictRequest__Output } from '../../ser/v1/BatchPredictRequest';
import type { BatchPredictResponse as _ser_v1_BatchPredictResponse, BatchPredictResponse__Output as _ser_v1_BatchPredictResponse__Output } from '../../ser/v1/BatchPredictResponse';
import type { GetModelStatusRequest as _ser_v1_GetModelStatusRequest, GetModelStatusRequest__Output as _ser_v1_GetModelStatusRequest__Output } from '../../ser/v1/GetModelStatusRequest';
import type { GetModelStatusResponse as _ser_v1_GetModelStatusResponse, GetModelStatusResponse__Output as _ser_v1_GetModelStatusResponse__Output } from '../../ser/v1/GetModelStatusResponse';
import type { PredictRequest as _ser_v1_PredictRequest, PredictRequest__Output as _ser_v1_PredictRequest__Output } from '../../ser/v1/PredictRequest';
import type { PredictResponse as _ser_v1_PredictResponse, PredictResponse__Output as _ser_v1_PredictResponse__Output } from '../../ser/v1/PredictResponse';
import type { PredictStreamRequest as _ser_v1_PredictStreamRequest, PredictStreamRequest__Output as _ser_v1_PredictStreamRequest__Output } from '../../ser/v1/PredictStreamRequest';
import type { PredictStreamResponse as _ser_v1_PredictStreamResponse, PredictStreamResponse__Output as _ser_v1_PredictStreamResponse__Output } from '../../ser/v1/PredictStreamResponse';

/**
 * Predicts emotions from audio: one clip, a live stream, or a whole dataset version.
 */
export interface InferenceServiceClient extends grpc.Client {
  /**
   * Predicts every utterance of a dataset version; streams progress with predictions.
   */
  BatchPredict(argument: _ser_v1_BatchPredictRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_BatchPredictResponse__Output>;
  BatchPredict(argument: _ser_v1_BatchPredictRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_BatchPredictResponse__Output>;
  /**
   * Predicts every utterance of a dataset version; streams progress with predictions.
   */
  batchPredict(argument: _ser_v1_BatchPredictRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_BatchPredictResponse__Output>;
  batchPredict(argument: _ser_v1_BatchPredictRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_BatchPredictResponse__Output>;
  
  /**
   * Reports which model versions are loaded and warm.
   */
  GetModelStatus(argument: _ser_v1_GetModelStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetModelStatusResponse__Output>): grpc.ClientUnaryCall;
  GetModelStatus(argument: _ser_v1_GetModelStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetModelStatusResponse__Output>): grpc.ClientUnaryCall;
  GetModelStatus(argument: _ser_v1_GetModelStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetModelStatusResponse__Output>): grpc.ClientUnaryCall;
  GetModelStatus(argument: _ser_v1_GetModelStatusRequest, callback: grpc.requestCallback<_ser_v1_GetModelStatusResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Reports which model versions are loaded and warm.
   */
  getModelStatus(argument: _ser_v1_GetModelStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetModelStatusResponse__Output>): grpc.ClientUnaryCall;
  getModelStatus(argument: _ser_v1_GetModelStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetModelStatusResponse__Output>): grpc.ClientUnaryCall;
  getModelStatus(argument: _ser_v1_GetModelStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetModelStatusResponse__Output>): grpc.ClientUnaryCall;
  getModelStatus(argument: _ser_v1_GetModelStatusRequest, callback: grpc.requestCallback<_ser_v1_GetModelStatusResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Predicts the emotion of one piece of audio.
   */
  Predict(argument: _ser_v1_PredictRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_PredictResponse__Output>): grpc.ClientUnaryCall;
  Predict(argument: _ser_v1_PredictRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_PredictResponse__Output>): grpc.ClientUnaryCall;
  Predict(argument: _ser_v1_PredictRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_PredictResponse__Output>): grpc.ClientUnaryCall;
  Predict(argument: _ser_v1_PredictRequest, callback: grpc.requestCallback<_ser_v1_PredictResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Predicts the emotion of one piece of audio.
   */
  predict(argument: _ser_v1_PredictRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_PredictResponse__Output>): grpc.ClientUnaryCall;
  predict(argument: _ser_v1_PredictRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_PredictResponse__Output>): grpc.ClientUnaryCall;
  predict(argument: _ser_v1_PredictRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_PredictResponse__Output>): grpc.ClientUnaryCall;
  predict(argument: _ser_v1_PredictRequest, callback: grpc.requestCallback<_ser_v1_PredictResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Predicts over live audio: the client sends a config then audio chunks; the server answers
   * with one prediction per complete window.
   */
  PredictStream(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_ser_v1_PredictStreamRequest, _ser_v1_PredictStreamResponse__Output>;
  PredictStream(options?: grpc.CallOptions): grpc.ClientDuplexStream<_ser_v1_PredictStreamRequest, _ser_v1_PredictStreamResponse__Output>;
  /**
   * Predicts over live audio: the client sends a config then audio chunks; the server answers
   * with one prediction per complete window.
   */
  predictStream(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_ser_v1_PredictStreamRequest, _ser_v1_PredictStreamResponse__Output>;
  predictStream(options?: grpc.CallOptions): grpc.ClientDuplexStream<_ser_v1_PredictStreamRequest, _ser_v1_PredictStreamResponse__Output>;
  
}

/**
 * Predicts emotions from audio: one clip, a live stream, or a whole dataset version.
 */
export interface InferenceServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Predicts every utterance of a dataset version; streams progress with predictions.
   */
  BatchPredict: grpc.handleServerStreamingCall<_ser_v1_BatchPredictRequest__Output, _ser_v1_BatchPredictResponse>;
  
  /**
   * Reports which model versions are loaded and warm.
   */
  GetModelStatus: grpc.handleUnaryCall<_ser_v1_GetModelStatusRequest__Output, _ser_v1_GetModelStatusResponse>;
  
  /**
   * Predicts the emotion of one piece of audio.
   */
  Predict: grpc.handleUnaryCall<_ser_v1_PredictRequest__Output, _ser_v1_PredictResponse>;
  
  /**
   * Predicts over live audio: the client sends a config then audio chunks; the server answers
   * with one prediction per complete window.
   */
  PredictStream: grpc.handleBidiStreamingCall<_ser_v1_PredictStreamRequest__Output, _ser_v1_PredictStreamResponse>;
  
}

export interface InferenceServiceDefinition extends grpc.ServiceDefinition {
  BatchPredict: MethodDefinition<_ser_v1_BatchPredictRequest, _ser_v1_BatchPredictResponse, _ser_v1_BatchPredictRequest__Output, _ser_v1_BatchPredictResponse__Output>
  GetModelStatus: MethodDefinition<_ser_v1_GetModelStatusRequest, _ser_v1_GetModelStatusResponse, _ser_v1_GetModelStatusRequest__Output, _ser_v1_GetModelStatusResponse__Output>
  Predict: MethodDefinition<_ser_v1_PredictRequest, _ser_v1_PredictResponse, _ser_v1_PredictRequest__Output, _ser_v1_PredictResponse__Output>
  PredictStream: MethodDefinition<_ser_v1_PredictStreamRequest, _ser_v1_PredictStreamResponse, _ser_v1_PredictStreamRequest__Output, _ser_v1_PredictStreamResponse__Output>
}
