// Original file: proto/ser/v1/model_registry_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DownloadModelArtifactRequest as _ser_v1_DownloadModelArtifactRequest, DownloadModelArtifactRequest__Output as _ser_v1_DownloadModelArtifactRequest__Output } from '../../ser/v1/DownloadModelArtifactRequest';
import type { DownloadModelArtifactResponse as _ser_v1_DownloadModelArtifactResponse, DownloadModelArtifactResponse__Output as _ser_v1_DownloadModelArtifactResponse__Output } from '../../ser/v1/DownloadModelArtifactResponse';
import type { GetModelCardRequest as _ser_v1_GetModelCardRequest, GetModelCardRequest__Output as _ser_v1_GetModelCardRequest__Output } from '../../ser/v1/GetModelCardRequest';
import type { GetModelCardResponse as _ser_v1_GetModelCardResponse, GetModelCardResponse__Output as _ser_v1_GetModelCardResponse__Output } from '../../ser/v1/GetModelCardResponse';
import type { GetModelVersionRequest as _ser_v1_GetModelVersionRequest, GetModelVersionRequest__Output as _ser_v1_GetModelVersionRequest__Output } from '../../ser/v1/GetModelVersionRequest';
import type { GetModelVersionResponse as _ser_v1_GetModelVersionResponse, GetModelVersionResponse__Output as _ser_v1_GetModelVersionResponse__Output } from '../../ser/v1/GetModelVersionResponse';
import type { GetRunModelVersionRequest as _ser_v1_GetRunModelVersionRequest, GetRunModelVersionRequest__Output as _ser_v1_GetRunModelVersionRequest__Output } from '../../ser/v1/GetRunModelVersionRequest';
import type { GetRunModelVersionResponse as _ser_v1_GetRunModelVersionResponse, GetRunModelVersionResponse__Output as _ser_v1_GetRunModelVersionResponse__Output } from '../../ser/v1/GetRunModelVersionResponse';
import type { ListModelVersionsRequest as _ser_v1_ListModelVersionsRequest, ListModelVersionsRequest__Output as _ser_v1_ListModelVersionsRequest__Output } from '../../ser/v1/ListModelVersionsRequest';
import type { ListModelVersionsResponse as _ser_v1_ListModelVersionsResponse, ListModelVersionsResponse__Output as _ser_v1_ListModelVersionsResponse__Output } from '../../ser/v1/ListModelVersionsResponse';
import type { SetModelAliasRequest as _ser_v1_SetModelAliasRequest, SetModelAliasRequest__Output as _ser_v1_SetModelAliasRequest__Output } from '../../ser/v1/SetModelAliasRequest';
import type { SetModelAliasResponse as _ser_v1_SetModelAliasResponse, SetModelAliasResponse__Output as _ser_v1_SetModelAliasResponse__Output } from '../../ser/v1/SetModelAliasResponse';

/**
 * Reads registered model versions and moves their aliases; serves each version's card and files.
 */
export interface ModelRegistryServiceClient extends grpc.Client {
  /**
   * Streams every file of a version's kept model (model.json, weights, card) in chunks, one file after another.
   */
  DownloadModelArtifact(argument: _ser_v1_DownloadModelArtifactRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_DownloadModelArtifactResponse__Output>;
  DownloadModelArtifact(argument: _ser_v1_DownloadModelArtifactRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_DownloadModelArtifactResponse__Output>;
  /**
   * Streams every file of a version's kept model (model.json, weights, card) in chunks, one file after another.
   */
  downloadModelArtifact(argument: _ser_v1_DownloadModelArtifactRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_DownloadModelArtifactResponse__Output>;
  downloadModelArtifact(argument: _ser_v1_DownloadModelArtifactRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_DownloadModelArtifactResponse__Output>;
  
  /**
   * Returns a version's model card (JSON and Markdown); NOT_FOUND for versions registered without one.
   */
  GetModelCard(argument: _ser_v1_GetModelCardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetModelCardResponse__Output>): grpc.ClientUnaryCall;
  GetModelCard(argument: _ser_v1_GetModelCardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetModelCardResponse__Output>): grpc.ClientUnaryCall;
  GetModelCard(argument: _ser_v1_GetModelCardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetModelCardResponse__Output>): grpc.ClientUnaryCall;
  GetModelCard(argument: _ser_v1_GetModelCardRequest, callback: grpc.requestCallback<_ser_v1_GetModelCardResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns a version's model card (JSON and Markdown); NOT_FOUND for versions registered without one.
   */
  getModelCard(argument: _ser_v1_GetModelCardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetModelCardResponse__Output>): grpc.ClientUnaryCall;
  getModelCard(argument: _ser_v1_GetModelCardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetModelCardResponse__Output>): grpc.ClientUnaryCall;
  getModelCard(argument: _ser_v1_GetModelCardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetModelCardResponse__Output>): grpc.ClientUnaryCall;
  getModelCard(argument: _ser_v1_GetModelCardRequest, callback: grpc.requestCallback<_ser_v1_GetModelCardResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns one model version, picked by alias or version.
   */
  GetModelVersion(argument: _ser_v1_GetModelVersionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetModelVersionResponse__Output>): grpc.ClientUnaryCall;
  GetModelVersion(argument: _ser_v1_GetModelVersionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetModelVersionResponse__Output>): grpc.ClientUnaryCall;
  GetModelVersion(argument: _ser_v1_GetModelVersionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetModelVersionResponse__Output>): grpc.ClientUnaryCall;
  GetModelVersion(argument: _ser_v1_GetModelVersionRequest, callback: grpc.requestCallback<_ser_v1_GetModelVersionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns one model version, picked by alias or version.
   */
  getModelVersion(argument: _ser_v1_GetModelVersionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetModelVersionResponse__Output>): grpc.ClientUnaryCall;
  getModelVersion(argument: _ser_v1_GetModelVersionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetModelVersionResponse__Output>): grpc.ClientUnaryCall;
  getModelVersion(argument: _ser_v1_GetModelVersionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetModelVersionResponse__Output>): grpc.ClientUnaryCall;
  getModelVersion(argument: _ser_v1_GetModelVersionRequest, callback: grpc.requestCallback<_ser_v1_GetModelVersionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns the model version a run registered; NOT_FOUND when the run kept none.
   */
  GetRunModelVersion(argument: _ser_v1_GetRunModelVersionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetRunModelVersionResponse__Output>): grpc.ClientUnaryCall;
  GetRunModelVersion(argument: _ser_v1_GetRunModelVersionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetRunModelVersionResponse__Output>): grpc.ClientUnaryCall;
  GetRunModelVersion(argument: _ser_v1_GetRunModelVersionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetRunModelVersionResponse__Output>): grpc.ClientUnaryCall;
  GetRunModelVersion(argument: _ser_v1_GetRunModelVersionRequest, callback: grpc.requestCallback<_ser_v1_GetRunModelVersionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns the model version a run registered; NOT_FOUND when the run kept none.
   */
  getRunModelVersion(argument: _ser_v1_GetRunModelVersionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetRunModelVersionResponse__Output>): grpc.ClientUnaryCall;
  getRunModelVersion(argument: _ser_v1_GetRunModelVersionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_GetRunModelVersionResponse__Output>): grpc.ClientUnaryCall;
  getRunModelVersion(argument: _ser_v1_GetRunModelVersionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_GetRunModelVersionResponse__Output>): grpc.ClientUnaryCall;
  getRunModelVersion(argument: _ser_v1_GetRunModelVersionRequest, callback: grpc.requestCallback<_ser_v1_GetRunModelVersionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists registered model versions, newest first.
   */
  ListModelVersions(argument: _ser_v1_ListModelVersionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListModelVersionsResponse__Output>): grpc.ClientUnaryCall;
  ListModelVersions(argument: _ser_v1_ListModelVersionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_ListModelVersionsResponse__Output>): grpc.ClientUnaryCall;
  ListModelVersions(argument: _ser_v1_ListModelVersionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListModelVersionsResponse__Output>): grpc.ClientUnaryCall;
  ListModelVersions(argument: _ser_v1_ListModelVersionsRequest, callback: grpc.requestCallback<_ser_v1_ListModelVersionsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists registered model versions, newest first.
   */
  listModelVersions(argument: _ser_v1_ListModelVersionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListModelVersionsResponse__Output>): grpc.ClientUnaryCall;
  listModelVersions(argument: _ser_v1_ListModelVersionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_ListModelVersionsResponse__Output>): grpc.ClientUnaryCall;
  listModelVersions(argument: _ser_v1_ListModelVersionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListModelVersionsResponse__Output>): grpc.ClientUnaryCall;
  listModelVersions(argument: _ser_v1_ListModelVersionsRequest, callback: grpc.requestCallback<_ser_v1_ListModelVersionsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Points an alias (e.g. "production") at a model version; inference follows it.
   */
  SetModelAlias(argument: _ser_v1_SetModelAliasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_SetModelAliasResponse__Output>): grpc.ClientUnaryCall;
  SetModelAlias(argument: _ser_v1_SetModelAliasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_SetModelAliasResponse__Output>): grpc.ClientUnaryCall;
  SetModelAlias(argument: _ser_v1_SetModelAliasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_SetModelAliasResponse__Output>): grpc.ClientUnaryCall;
  SetModelAlias(argument: _ser_v1_SetModelAliasRequest, callback: grpc.requestCallback<_ser_v1_SetModelAliasResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Points an alias (e.g. "production") at a model version; inference follows it.
   */
  setModelAlias(argument: _ser_v1_SetModelAliasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_SetModelAliasResponse__Output>): grpc.ClientUnaryCall;
  setModelAlias(argument: _ser_v1_SetModelAliasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_SetModelAliasResponse__Output>): grpc.ClientUnaryCall;
  setModelAlias(argument: _ser_v1_SetModelAliasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_SetModelAliasResponse__Output>): grpc.ClientUnaryCall;
  setModelAlias(argument: _ser_v1_SetModelAliasRequest, callback: grpc.requestCallback<_ser_v1_SetModelAliasResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Reads registered model versions and moves their aliases; serves each version's card and files.
 */
export interface ModelRegistryServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Streams every file of a version's kept model (model.json, weights, card) in chunks, one file after another.
   */
  DownloadModelArtifact: grpc.handleServerStreamingCall<_ser_v1_DownloadModelArtifactRequest__Output, _ser_v1_DownloadModelArtifactResponse>;
  
  /**
   * Returns a version's model card (JSON and Markdown); NOT_FOUND for versions registered without one.
   */
  GetModelCard: grpc.handleUnaryCall<_ser_v1_GetModelCardRequest__Output, _ser_v1_GetModelCardResponse>;
  
  /**
   * Returns one model version, picked by alias or version.
   */
  GetModelVersion: grpc.handleUnaryCall<_ser_v1_GetModelVersionRequest__Output, _ser_v1_GetModelVersionResponse>;
  
  /**
   * Returns the model version a run registered; NOT_FOUND when the run kept none.
   */
  GetRunModelVersion: grpc.handleUnaryCall<_ser_v1_GetRunModelVersionRequest__Output, _ser_v1_GetRunModelVersionResponse>;
  
  /**
   * Lists registered model versions, newest first.
   */
  ListModelVersions: grpc.handleUnaryCall<_ser_v1_ListModelVersionsRequest__Output, _ser_v1_ListModelVersionsResponse>;
  
  /**
   * Points an alias (e.g. "production") at a model version; inference follows it.
   */
  SetModelAlias: grpc.handleUnaryCall<_ser_v1_SetModelAliasRequest__Output, _ser_v1_SetModelAliasResponse>;
  
}

export interface ModelRegistryServiceDefinition extends grpc.ServiceDefinition {
  DownloadModelArtifact: MethodDefinition<_ser_v1_DownloadModelArtifactRequest, _ser_v1_DownloadModelArtifactResponse, _ser_v1_DownloadModelArtifactRequest__Output, _ser_v1_DownloadModelArtifactResponse__Output>
  GetModelCard: MethodDefinition<_ser_v1_GetModelCardRequest, _ser_v1_GetModelCardResponse, _ser_v1_GetModelCardRequest__Output, _ser_v1_GetModelCardResponse__Output>
  GetModelVersion: MethodDefinition<_ser_v1_GetModelVersionRequest, _ser_v1_GetModelVersionResponse, _ser_v1_GetModelVersionRequest__Output, _ser_v1_GetModelVersionResponse__Output>
  GetRunModelVersion: MethodDefinition<_ser_v1_GetRunModelVersionRequest, _ser_v1_GetRunModelVersionResponse, _ser_v1_GetRunModelVersionRequest__Output, _ser_v1_GetRunModelVersionResponse__Output>
  ListModelVersions: MethodDefinition<_ser_v1_ListModelVersionsRequest, _ser_v1_ListModelVersionsResponse, _ser_v1_ListModelVersionsRequest__Output, _ser_v1_ListModelVersionsResponse__Output>
  SetModelAlias: MethodDefinition<_ser_v1_SetModelAliasRequest, _ser_v1_SetModelAliasResponse, _ser_v1_SetModelAliasRequest__Output, _ser_v1_SetModelAliasResponse__Output>
}
