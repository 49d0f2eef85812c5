// Original file: proto/ser/v1/vqvae_pretrain_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CancelVqvaePretrainRunRequest as _ser_v1_CancelVqvaePretrainRunRequest, CancelVqvaePretrainRunRequest__Output as _ser_v1_CancelVqvaePretrainRunRequest__Output } from '../../ser/v1/CancelVqvaePretrainRunRequest';
import type { CancelVqvaePretrainRunResponse as _ser_v1_CancelVqvaePretrainRunResponse, CancelVqvaePretrainRunResponse__Output as _ser_v1_CancelVqvaePretrainRunResponse__Output } from '../../ser/v1/CancelVqvaePretrainRunResponse';
import type { GetVqvaePretrainRunRequest as _ser_v1_GetVqvaePretrainRunRequest, GetVqvaePretrainRunRequest__Output as _ser_v1_GetVqvaePretrainRunRequest__Output } from '../../ser/v1/GetVqvaePretrainRunRequest';
import type { GetVqvaePretrainRunResponse as _ser_v1_GetVqvaePretrainRunResponse, GetVqvaePretrainRunResponse__Output as _ser_v1_GetVqvaePretrainRunResponse__Output } from '../../ser/v1/GetVqvaePretrainRunResponse';
import type { ListVqvaePretrainRunsRequest as _ser_v1_ListVqvaePretrainRunsRequest, ListVqvaePretrainRunsRequest__Output as _ser_v1_ListVqvaePretrainRunsRequest__Output } from '../../ser/v1/ListVqvaePretrainRunsRequest';
import type { ListVqvaePretrainRunsResponse as _ser_v1_ListVqvaePretrainRunsResponse, ListVqvaePretrainRunsResponse__Output as _ser_v1_ListVqvaePretrainRunsResponse__Output } from '../../ser/v1/ListVqvaePretrainRunsResponse';
import type { StartVqvaePretrainRunRequest as _ser_v1_StartVqvaePretrainRunRequest, StartVqvaePretrainRunRequest__Output as _ser_v1_StartVqvaePretrainRunRequest__Output } from '../../ser/v1/StartVqvaePretrainRunRequest';
import type { StartVqvaePretrainRunResponse as _ser_v1_StartVqvaePretrainRunResponse, StartVqvaePretrainRunResponse__Output as _ser_v1_StartVqvaePretrainRunResponse__Output } from '../../ser/v1/StartVqvaePretrainRunResponse';
import type { WatchVqvaePretrainRunRequest as _ser_v1_WatchVqvaePretrainRunRequest, WatchVqvaePretrainRunRequest__Output as _ser_v1_WatchVqvaePretrainRunRequest__Output } from '../../ser/v1/WatchVqvaePretrainRunRequest';
import type { WatchVqvaePretrainRunResponse as _ser_v1_WatchVqvaePretrainRunResponse, WatchVqvaePretrainRunResponse__Output as _ser_v1_WatchVqvaePretrainRunResponse__Output } from '../../ser/v1/WatchVqvaePretrainRunResponse';

/**
 * Starts, follows and cancels VQ-VAE pre-training runs.
 */
export interface VqvaePretrainServiceClient extends grpc.Client {
  /**
   * Asks a queued or running run to stop; returns the run (CANCELLED once the worker stops).
   */
  CancelVqvaePretrainRun(argument: _ser_v1_CancelVqvaePretrainRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_CancelVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  CancelVqvaePretrainRun(argument: _ser_v1_CancelVqvaePretrainRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_CancelVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  CancelVqvaePretrainRun(argument: _ser_v1_CancelVqvaePretrainRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_CancelVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  CancelVqvaePretrainRun(argument: _ser_v1_CancelVqvaePretrainRunRequest, callback: grpc.requestCallback<_ser_v1_CancelVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Asks a queued or running run to stop; returns the run (CANCELLED once the worker stops).
   */
  cancelVqvaePretrainRun(argument: _ser_v1_CancelVqvaePretrainRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_CancelVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  cancelVqvaePretrainRun(argument: _ser_v1_CancelVqvaePretrainRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_CancelVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  cancelVqvaePretrainRun(argument: _ser_v1_CancelVqvaePretrainRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_CancelVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  cancelVqvaePretrainRun(argument: _ser_v1_CancelVqvaePretrainRunRequest, callback: grpc.requestCallback<_ser_v1_CancelVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns one run with its checkpoints.
   */
  GetVqvaePretrainRun(argument: _ser_v1_GetVqvaePretrainRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  GetVqvaePretrainRun(argument: _ser_v1_GetVqvaePretrainRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  GetVqvaePretrainRun(argument: _ser_v1_GetVqvaePretrainRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  GetVqvaePretrainRun(argument: _ser_v1_GetVqvaePretrainRunRequest, callback: grpc.requestCallback<_ser_v1_GetVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns one run with its checkpoints.
   */
  getVqvaePretrainRun(argument: _ser_v1_GetVqvaePretrainRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  getVqvaePretrainRun(argument: _ser_v1_GetVqvaePretrainRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  getVqvaePretrainRun(argument: _ser_v1_GetVqvaePretrainRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  getVqvaePretrainRun(argument: _ser_v1_GetVqvaePretrainRunRequest, callback: grpc.requestCallback<_ser_v1_GetVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists runs, newest first, one page at a time.
   */
  ListVqvaePretrainRuns(argument: _ser_v1_ListVqvaePretrainRunsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListVqvaePretrainRunsResponse__Output>): grpc.ClientUnaryCall;
  ListVqvaePretrainRuns(argument: _ser_v1_ListVqvaePretrainRunsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_ListVqvaePretrainRunsResponse__Output>): grpc.ClientUnaryCall;
  ListVqvaePretrainRuns(argument: _ser_v1_ListVqvaePretrainRunsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListVqvaePretrainRunsResponse__Output>): grpc.ClientUnaryCall;
  ListVqvaePretrainRuns(argument: _ser_v1_ListVqvaePretrainRunsRequest, callback: grpc.requestCallback<_ser_v1_ListVqvaePretrainRunsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists runs, newest first, one page at a time.
   */
  listVqvaePretrainRuns(argument: _ser_v1_ListVqvaePretrainRunsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListVqvaePretrainRunsResponse__Output>): grpc.ClientUnaryCall;
  listVqvaePretrainRuns(argument: _ser_v1_ListVqvaePretrainRunsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_ListVqvaePretrainRunsResponse__Output>): grpc.ClientUnaryCall;
  listVqvaePretrainRuns(argument: _ser_v1_ListVqvaePretrainRunsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListVqvaePretrainRunsResponse__Output>): grpc.ClientUnaryCall;
  listVqvaePretrainRuns(argument: _ser_v1_ListVqvaePretrainRunsRequest, callback: grpc.requestCallback<_ser_v1_ListVqvaePretrainRunsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Queues a new run and returns it (status QUEUED).
   */
  StartVqvaePretrainRun(argument: _ser_v1_StartVqvaePretrainRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_StartVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  StartVqvaePretrainRun(argument: _ser_v1_StartVqvaePretrainRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_StartVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  StartVqvaePretrainRun(argument: _ser_v1_StartVqvaePretrainRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_StartVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  StartVqvaePretrainRun(argument: _ser_v1_StartVqvaePretrainRunRequest, callback: grpc.requestCallback<_ser_v1_StartVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Queues a new run and returns it (status QUEUED).
   */
  startVqvaePretrainRun(argument: _ser_v1_StartVqvaePretrainRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_StartVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  startVqvaePretrainRun(argument: _ser_v1_StartVqvaePretrainRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_StartVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  startVqvaePretrainRun(argument: _ser_v1_StartVqvaePretrainRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_StartVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  startVqvaePretrainRun(argument: _ser_v1_StartVqvaePretrainRunRequest, callback: grpc.requestCallback<_ser_v1_StartVqvaePretrainRunResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams a run's progress until it reaches a final status; the stream then ends.
   */
  WatchVqvaePretrainRun(argument: _ser_v1_WatchVqvaePretrainRunRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_WatchVqvaePretrainRunResponse__Output>;
  WatchVqvaePretrainRun(argument: _ser_v1_WatchVqvaePretrainRunRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_WatchVqvaePretrainRunResponse__Output>;
  /**
   * Streams a run's progress until it reaches a final status; the stream then ends.
   */
  watchVqvaePretrainRun(argument: _ser_v1_WatchVqvaePretrainRunRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_WatchVqvaePretrainRunResponse__Output>;
  watchVqvaePretrainRun(argument: _ser_v1_WatchVqvaePretrainRunRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_WatchVqvaePretrainRunResponse__Output>;
  
}

/**
 * Starts, follows and cancels VQ-VAE pre-training runs.
 */
export interface VqvaePretrainServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Asks a queued or running run to stop; returns the run (CANCELLED once the worker stops).
   */
  CancelVqvaePretrainRun: grpc.handleUnaryCall<_ser_v1_CancelVqvaePretrainRunRequest__Output, _ser_v1_CancelVqvaePretrainRunResponse>;
  
  /**
   * Returns one run with its checkpoints.
   */
  GetVqvaePretrainRun: grpc.handleUnaryCall<_ser_v1_GetVqvaePretrainRunRequest__Output, _ser_v1_GetVqvaePretrainRunResponse>;
  
  /**
   * Lists runs, newest first, one page at a time.
   */
  ListVqvaePretrainRuns: grpc.handleUnaryCall<_ser_v1_ListVqvaePretrainRunsRequest__Output, _ser_v1_ListVqvaePretrainRunsResponse>;
  
  /**
   * Queues a new run and returns it (status QUEUED).
   */
  StartVqvaePretrainRun: grpc.handleUnaryCall<_ser_v1_StartVqvaePretrainRunRequest__Output, _ser_v1_StartVqvaePretrainRunResponse>;
  
  /**
   * Streams a run's progress until it reaches a final status; the stream then ends.
   */
  WatchVqvaePretrainRun: grpc.handleServerStreamingCall<_ser_v1_WatchVqvaePretrainRunRequest__Output, _ser_v1_WatchVqvaePretrainRunResponse>;
  
}

export interface VqvaePretrainServiceDefinition extends grpc.ServiceDefinition {
  CancelVqvaePretrainRun: MethodDefinition<_ser_v1_CancelVqvaePretrainRunRequest, _ser_v1_CancelVqvaePretrainRunResponse, _ser_v1_CancelVqvaePretrainRunRequest__Output, _ser_v1_CancelVqvaePretrainRunResponse__Output>
  GetVqvaePretrainRun: MethodDefinition<_ser_v1_GetVqvaePretrainRunRequest, _ser_v1_GetVqvaePretrainRunResponse, _ser_v1_GetVqvaePretrainRunRequest__Output, _ser_v1_GetVqvaePretrainRunResponse__Output>
  ListVqvaePretrainRuns: MethodDefinition<_ser_v1_ListVqvaePretrainRunsRequest, _ser_v1_ListVqvaePretrainRunsResponse, _ser_v1_ListVqvaePretrainRunsRequest__Output, _ser_v1_ListVqvaePretrainRunsResponse__Output>
  StartVqvaePretrainRun: MethodDefinition<_ser_v1_StartVqvaePretrainRunRequest, _ser_v1_StartVqvaePretrainRunResponse, _ser_v1_StartVqvaePretrainRunRequest__Output, _ser_v1_StartVqvaePretrainRunResponse__Output>
  WatchVqvaePretrainRun: MethodDefinition<_ser_v1_WatchVqvaePretrainRunRequest, _ser_v1_WatchVqvaePretrainRunResponse, _ser_v1_WatchVqvaePretrainRunRequest__Output, _ser_v1_WatchVqvaePretrainRunResponse__Output>
}
