// Original file: proto/ser/v1/fop_pretrain_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CancelFopPretrainRunRequest as _ser_v1_CancelFopPretrainRunRequest, CancelFopPretrainRunRequest__Output as _ser_v1_CancelFopPretrainRunRequest__Output } from '../../ser/v1/CancelFopPretrainRunRequest';
import type { CancelFopPretrainRunResponse as _ser_v1_CancelFopPretrainRunResponse, CancelFopPretrainRunResponse__Output as _ser_v1_CancelFopPretrainRunResponse__Output } from '../../ser/v1/CancelFopPretrainRunResponse';
import type { GetFopPretrainRunRequest as _ser_v1_GetFopPretrainRunRequest, GetFopPretrainRunRequest__Output as _ser_v1_GetFopPretrainRunRequest__Output } from '../../ser/v1/GetFopPretrainRunRequest';
import type { GetFopPretrainRunResponse as _ser_v1_GetFopPretrainRunResponse, GetFopPretrainRunResponse__Output as _ser_v1_GetFopPretrainRunResponse__Output } from '../../ser/v1/GetFopPretrainRunResponse';
import type { ListFopPretrainRunsRequest as _ser_v1_ListFopPretrainRunsRequest, ListFopPretrainRunsRequest__Output as _ser_v1_ListFopPretrainRunsRequest__Output } from '../../ser/v1/ListFopPretrainRunsRequest';
import type { ListFopPretrainRunsResponse as _ser_v1_ListFopPretrainRunsResponse, ListFopPretrainRunsResponse__Output as _ser_v1_ListFopPretrainRunsResponse__Output } from '../../ser/v1/ListFopPretrainRunsResponse';
import type { StartFopPretrainRunRequest as _ser_v1_StartFopPretrainRunRequest, StartFopPretrainRunRequest__Output as _ser_v1_StartFopPretrainRunRequest__Output } from '../../ser/v1/StartFopPretrainRunRequest';
import type { StartFopPretrainRunResponse as _ser_v1_StartFopPretrainRunResponse, StartFopPretrainRunResponse__Output as _ser_v1_StartFopPretrainRunResponse__Output } from '../../ser/v1/StartFopPretrainRunResponse';
import type { WatchFopPretrainRunRequest as _ser_v1_WatchFopPretrainRunRequest, WatchFopPretrainRunRequest__Output as _ser_v1_WatchFopPretrainRunRequest__Output } from '../../ser/v1/WatchFopPretrainRunRequest';
import type { WatchFopPretrainRunResponse as _ser_v1_WatchFopPretrainRunResponse, WatchFopPretrainRunResponse__Output as _ser_v1_WatchFopPretrainRunResponse__Output } from '../../ser/v1/WatchFopPretrainRunResponse';

/**
 * Starts, follows and cancels FOP (future observation prediction) pre-training runs.
 */
export interface FopPretrainServiceClient extends grpc.Client {
  /**
   * Asks a queued or running run to stop; returns the run (CANCELLED once the worker stops).
   */
  CancelFopPretrainRun(argument: _ser_v1_CancelFopPretrainRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_CancelFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  CancelFopPretrainRun(argument: _ser_v1_CancelFopPretrainRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_CancelFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  CancelFopPretrainRun(argument: _ser_v1_CancelFopPretrainRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_CancelFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  CancelFopPretrainRun(argument: _ser_v1_CancelFopPretrainRunRequest, callback: grpc.requestCallback<_ser_v1_CancelFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Asks a queued or running run to stop; returns the run (CANCELLED once the worker stops).
   */
  cancelFopPretrainRun(argument: _ser_v1_CancelFopPretrainRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_CancelFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  cancelFopPretrainRun(argument: _ser_v1_CancelFopPretrainRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_CancelFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  cancelFopPretrainRun(argument: _ser_v1_CancelFopPretrainRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_CancelFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  cancelFopPretrainRun(argument: _ser_v1_CancelFopPretrainRunRequest, callback: grpc.requestCallback<_ser_v1_CancelFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns one run with its checkpoints.
   */
  GetFopPretrainRun(argument: _ser_v1_GetFopPretrainRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  GetFopPretrainRun(argument: _ser_v1_GetFopPretrainRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  GetFopPretrainRun(argument: _ser_v1_GetFopPretrainRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  GetFopPretrainRun(argument: _ser_v1_GetFopPretrainRunRequest, callback: grpc.requestCallback<_ser_v1_GetFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns one run with its checkpoints.
   */
  getFopPretrainRun(argument: _ser_v1_GetFopPretrainRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  getFopPretrainRun(argument: _ser_v1_GetFopPretrainRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  getFopPretrainRun(argument: _ser_v1_GetFopPretrainRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  getFopPretrainRun(argument: _ser_v1_GetFopPretrainRunRequest, callback: grpc.requestCallback<_ser_v1_GetFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists runs, newest first, one page at a time.
   */
  ListFopPretrainRuns(argument: _ser_v1_ListFopPretrainRunsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListFopPretrainRunsResponse__Output>): grpc.ClientUnaryCall;
  ListFopPretrainRuns(argument: _ser_v1_ListFopPretrainRunsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_ListFopPretrainRunsResponse__Output>): grpc.ClientUnaryCall;
  ListFopPretrainRuns(argument: _ser_v1_ListFopPretrainRunsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListFopPretrainRunsResponse__Output>): grpc.ClientUnaryCall;
  ListFopPretrainRuns(argument: _ser_v1_ListFopPretrainRunsRequest, callback: grpc.requestCallback<_ser_v1_ListFopPretrainRunsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists runs, newest first, one page at a time.
   */
  listFopPretrainRuns(argument: _ser_v1_ListFopPretrainRunsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListFopPretrainRunsResponse__Output>): grpc.ClientUnaryCall;
  listFopPretrainRuns(argument: _ser_v1_ListFopPretrainRunsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_ListFopPretrainRunsResponse__Output>): grpc.ClientUnaryCall;
  listFopPretrainRuns(argument: _ser_v1_ListFopPretrainRunsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListFopPretrainRunsResponse__Output>): grpc.ClientUnaryCall;
  listFopPretrainRuns(argument: _ser_v1_ListFopPretrainRunsRequest, callback: grpc.requestCallback<_ser_v1_ListFopPretrainRunsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Queues a new run and returns it (status QUEUED).
   */
  StartFopPretrainRun(argument: _ser_v1_StartFopPretrainRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_StartFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  StartFopPretrainRun(argument: _ser_v1_StartFopPretrainRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_StartFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  StartFopPretrainRun(argument: _ser_v1_StartFopPretrainRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_StartFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  StartFopPretrainRun(argument: _ser_v1_StartFopPretrainRunRequest, callback: grpc.requestCallback<_ser_v1_StartFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Queues a new run and returns it (status QUEUED).
   */
  startFopPretrainRun(argument: _ser_v1_StartFopPretrainRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_StartFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  startFopPretrainRun(argument: _ser_v1_StartFopPretrainRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_StartFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  startFopPretrainRun(argument: _ser_v1_StartFopPretrainRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_StartFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  startFopPretrainRun(argument: _ser_v1_StartFopPretrainRunRequest, callback: grpc.requestCallback<_ser_v1_StartFopPretrainRunResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams a run's progress until it reaches a final status; the stream then ends.
   */
  WatchFopPretrainRun(argument: _ser_v1_WatchFopPretrainRunRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_WatchFopPretrainRunResponse__Output>;
  WatchFopPretrainRun(argument: _ser_v1_WatchFopPretrainRunRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_WatchFopPretrainRunResponse__Output>;
  /**
   * Streams a run's progress until it reaches a final status; the stream then ends.
   */
  watchFopPretrainRun(argument: _ser_v1_WatchFopPretrainRunRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_WatchFopPretrainRunResponse__Output>;
  watchFopPretrainRun(argument: _ser_v1_WatchFopPretrainRunRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_WatchFopPretrainRunResponse__Output>;
  
}

/**
 * Starts, follows and cancels FOP (future observation prediction) pre-training runs.
 */
export interface FopPretrainServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Asks a queued or running run to stop; returns the run (CANCELLED once the worker stops).
   */
  CancelFopPretrainRun: grpc.handleUnaryCall<_ser_v1_CancelFopPretrainRunRequest__Output, _ser_v1_CancelFopPretrainRunResponse>;
  
  /**
   * Returns one run with its checkpoints.
   */
  GetFopPretrainRun: grpc.handleUnaryCall<_ser_v1_GetFopPretrainRunRequest__Output, _ser_v1_GetFopPretrainRunResponse>;
  
  /**
   * Lists runs, newest first, one page at a time.
   */
  ListFopPretrainRuns: grpc.handleUnaryCall<_ser_v1_ListFopPretrainRunsRequest__Output, _ser_v1_ListFopPretrainRunsResponse>;
  
  /**
   * Queues a new run and returns it (status QUEUED).
   */
  StartFopPretrainRun: grpc.handleUnaryCall<_ser_v1_StartFopPretrainRunRequest__Output, _ser_v1_StartFopPretrainRunResponse>;
  
  /**
   * Streams a run's progress until it reaches a final status; the stream then ends.
   */
  WatchFopPretrainRun: grpc.handleServerStreamingCall<_ser_v1_WatchFopPretrainRunRequest__Output, _ser_v1_WatchFopPretrainRunResponse>;
  
}

export interface FopPretrainServiceDefinition extends grpc.ServiceDefinition {
  CancelFopPretrainRun: MethodDefinition<_ser_v1_CancelFopPretrainRunRequest, _ser_v1_CancelFopPretrainRunResponse, _ser_v1_CancelFopPretrainRunRequest__Output, _ser_v1_CancelFopPretrainRunResponse__Output>
  GetFopPretrainRun: MethodDefinition<_ser_v1_GetFopPretrainRunRequest, _ser_v1_GetFopPretrainRunResponse, _ser_v1_GetFopPretrainRunRequest__Output, _ser_v1_GetFopPretrainRunResponse__Output>
  ListFopPretrainRuns: MethodDefinition<_ser_v1_ListFopPretrainRunsRequest, _ser_v1_ListFopPretrainRunsResponse, _ser_v1_ListFopPretrainRunsRequest__Output, _ser_v1_ListFopPretrainRunsResponse__Output>
  StartFopPretrainRun: MethodDefinition<_ser_v1_StartFopPretrainRunRequest, _ser_v1_StartFopPretrainRunResponse, _ser_v1_StartFopPretrainRunRequest__Output, _ser_v1_StartFopPretrainRunResponse__Output>
  WatchFopPretrainRun: MethodDefinition<_ser_v1_WatchFopPretrainRunRequest, _ser_v1_WatchFopPretrainRunResponse, _ser_v1_WatchFopPretrainRunRequest__Output, _ser_v1_WatchFopPretrainRunResponse__Output>
}
