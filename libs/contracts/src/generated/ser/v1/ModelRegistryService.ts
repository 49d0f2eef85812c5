// Original file: proto/ser/v1/model_registry_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { BatchGetModelVersionsRequest as _ser_v1_BatchGetModelVersionsRequest, BatchGetModelVersionsRequest__Output as _ser_v1_BatchGetModelVersionsRequest__Output } from '../../ser/v1/BatchGetModelVersionsRequest';
import type { BatchGetModelVersionsResponse as _ser_v1_BatchGetModelVersionsResponse, BatchGetModelVersionsResponse__Output as _ser_v1_BatchGetModelVersionsResponse__Output } from '../../ser/v1/BatchGetModelVersionsResponse';
import type { DownloadModelArtifactRequest as _ser_v1_DownloadModelArtifactRequest, DownloadModelArtifactRequest__Output as _ser_v1_DownloadModelArtifactRequest__Output } from '../../ser/v1/DownloadModelArtifactRequest';
import type { DownloadModelArtifactResponse as _ser_v1_DownloadModelArtifactResponse, DownloadModelArtifactResponse__Output as _ser_v1_DownloadModelArtifactResponse__Output } from '../../ser/v1/DownloadModelArtifactResponse';
import type { ExportModelVersionRequest as _ser_v1_ExportModelVersionRequest, ExportModelVersionRequest__Output as _ser_v1_ExportModelVersionRequest__Output } from '../../ser/v1/ExportModelVersionRequest';
import type { ExportModelVersionResponse as _ser_v1_ExportModelVersionResponse, ExportModelVersionResponse__Output as _ser_v1_ExportModelVersionResponse__Output } from '../../ser/v1/ExportModelVersionResponse';
import type { GetModelCardRequest as _ser_v1_GetModelCardRequest, GetModelCardRequest__Output as _ser_v1_GetModelCardRequest__Output } from '../../ser/v1/GetModelCardRequest';
import type { GetModelCardResponse as _ser_v1_GetModelCardResponse, GetModelCardResponse__Output as _ser_v1_GetModelCardResponse__Output } from '../../ser/v1/GetModelCardResponse';
import type { GetModelVersionRequest as _ser_v1_GetModelVersionRequest, GetModelVersionRequest__Output as _ser_v1_GetModelVersionRequest__Output } from '../../ser/v1/GetModelVersionRequest';
import type { GetModelVersionResponse as _ser_v1_GetModelVersionResponse, GetModelVersionResponse__Output as _ser_v1_GetModelVersionResponse__Output } from '../../ser/v1/GetModelVersionResponse';
import type { GetRunModelVersionRequest as _ser_v1_GetRunModelVersionRequest, GetRunModelVersionRequest__Output as _ser_v1_GetRunModelVersionRequest__Output } from '../../ser/v1/GetRunModelVersionRequest';
import type { GetRunModelVersionResponse as _ser_v1_GetRunModelVersionResponse, GetRunModelVersionResponse__Output as _ser_v1_GetRunModelVersionResponse__Output } from '../../ser/v1/GetRunModelVersionResponse';
import type { ListModelAliasesRequest as _ser_v1_ListModelAliasesRequest, ListModelAliasesRequest__Output as _ser_v1_ListModelAliasesRequest__Output } from '../../ser/v1/ListModelAliasesRequest';
import type { ListModelAliasesResponse as _ser_v1_ListModelAliasesResponse, ListModelAliasesResponse__Output as _ser_v1_ListModelAliasesResponse__Output } from '../../ser/v1/ListModelAliasesResponse';
import type { ListModelVersionsRequest as _ser_v1_ListModelVersionsRequest, ListModelVersionsRequest__Output as _ser_v1_ListModelVersionsRequest__Output } from '../../ser/v1/ListModelVersionsRequest';
import type { ListModelVersionsResponse as _ser_v1_ListModelVersionsResponse, ListModelVersionsResponse__Output as _ser_v1_ListModelVersionsResponse__Output } from '../../ser/v1/ListModelVersionsResponse';
import type { ListModelsRequest as _ser_v1_ListModelsRequest, ListModelsRequest__Output as _ser_v1_ListModelsRequest__Output } from '../../ser/v1/ListModelsRequest';
import type { ListModelsResponse as _ser_v1_ListModelsResponse, ListModelsResponse__Output as _ser_v1_ListModelsResponse__Output } from '../../ser/v1/ListModelsResponse';
import type { RegisterModelVersionRequest as _ser_v1_RegisterModelVersionRequest, RegisterModelVersionRequest__Output as _ser_v1_RegisterModelVersionRequest__Output } from '../../ser/v1/RegisterModelVersionRequest';
import type { RegisterModelVersionResponse as _ser_v1_RegisterModelVersionResponse, RegisterModelVersionResponse__Output as _ser_v1_RegisterModelVersionResponse__Output } from '../../ser/v1/RegisterModelVersionResponse';
import type { SetModelAliasRequest as _ser_v1_SetModelAliasRequest, SetModelAliasRequest__Output as _ser_v1_SetModelAliasRequest__Output } from '../../ser/v1/SetModelAliasRequest';
import type { SetModelAliasResponse as _ser_v1_SetModelAliasResponse, SetModelAliasResponse__Output as _ser_v1_SetModelAliasResponse__Output } from '../../ser/v1/SetModelAliasResponse';

/**
 * Reads registered model versions and moves their aliases; serves each version's card and files.
 */
export interface ModelRegistryServiceClient extends grpc.Client {
  /**
   * Returns the model versions with the given ids; unknown ids are left out.
   */
  BatchGetModelVersions(argument: _ser_v1_BatchGetModelVersionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_BatchGetModelVersionsResponse__Output>): grpc.ClientUnaryCall;
  BatchGetModelVersions(argument: _ser_v1_BatchGetModelVersionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_BatchGetModelVersionsResponse__Output>): grpc.ClientUnaryCall;
  BatchGetModelVersions(argument: _ser_v1_BatchGetModelVersionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_BatchGetModelVersionsResponse__Output>): grpc.ClientUnaryCall;
  BatchGetModelVersions(argument: _ser_v1_BatchGetModelVersionsRequest, callback: grpc.requestCallback<_ser_v1_BatchGetModelVersionsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns the model versions with the given ids; unknown ids are left out.
   */
  batchGetModelVersions(argument: _ser_v1_BatchGetModelVersionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_BatchGetModelVersionsResponse__Output>): grpc.ClientUnaryCall;
  batchGetModelVersions(argument: _ser_v1_BatchGetModelVersionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_BatchGetModelVersionsResponse__Output>): grpc.ClientUnaryCall;
  batchGetModelVersions(argument: _ser_v1_BatchGetModelVersionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_BatchGetModelVersionsResponse__Output>): grpc.ClientUnaryCall;
  batchGetModelVersions(argument: _ser_v1_BatchGetModelVersionsRequest, callback: grpc.requestCallback<_ser_v1_BatchGetModelVersionsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams every file of a version's kept model (model.json, weights, card) in chunks, one file after another; its
   * exports (ExportModelVersion) are derived files and left out.
   */
  DownloadModelArtifact(argument: _ser_v1_DownloadModelArtifactRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_DownloadModelArtifactResponse__Output>;
  DownloadModelArtifact(argument: _ser_v1_DownloadModelArtifactRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_DownloadModelArtifactResponse__Output>;
  /**
   * Streams every file of a version's kept model (model.json, weights, card) in chunks, one file after another; its
   * exports (ExportModelVersion) are derived files and left out.
   */
  downloadModelArtifact(argument: _ser_v1_DownloadModelArtifactRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_DownloadModelArtifactResponse__Output>;
  downloadModelArtifact(argument: _ser_v1_DownloadModelArtifactRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_DownloadModelArtifactResponse__Output>;
  
  /**
   * Streams a version's kept model converted to another runtime's format (ONNX), in chunks. The first export of a
   * version is kept beside its kept model and later ones read it back (IDEMPOTENT, not NO_SIDE_EFFECTS: it may
   * write that file). FAILED_PRECONDITION for a kind with no export to the format yet.
   */
  ExportModelVersion(argument: _ser_v1_ExportModelVersionRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_ExportModelVersionResponse__Output>;
  ExportModelVersion(argument: _ser_v1_ExportModelVersionRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_ExportModelVersionResponse__Output>;
  /**
   * Streams a version's kept model converted to another runtime's format (ONNX), in chunks. The first export of a
   * version is kept beside its kept model and later ones read it back (IDEMPOTENT, not NO_SIDE_EFFECTS: it may
   * write that file). FAILED_PRECONDITION for a kind with no export to the format yet.
   */
  exportModelVersion(argument: _ser_v1_ExportModelVersionRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_ExportModelVersionResponse__Output>;
  exportModelVersion(argument: _ser_v1_ExportModelVersionRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ser_v1_ExportModelVersionResponse__Output>;
  
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
   * Lists a model's aliases, by alias name, each with the version it points at.
   */
  ListModelAliases(argument: _ser_v1_ListModelAliasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListModelAliasesResponse__Output>): grpc.ClientUnaryCall;
  ListModelAliases(argument: _ser_v1_ListModelAliasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_ListModelAliasesResponse__Output>): grpc.ClientUnaryCall;
  ListModelAliases(argument: _ser_v1_ListModelAliasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListModelAliasesResponse__Output>): grpc.ClientUnaryCall;
  ListModelAliases(argument: _ser_v1_ListModelAliasesRequest, callback: grpc.requestCallback<_ser_v1_ListModelAliasesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists a model's aliases, by alias name, each with the version it points at.
   */
  listModelAliases(argument: _ser_v1_ListModelAliasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListModelAliasesResponse__Output>): grpc.ClientUnaryCall;
  listModelAliases(argument: _ser_v1_ListModelAliasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_ListModelAliasesResponse__Output>): grpc.ClientUnaryCall;
  listModelAliases(argument: _ser_v1_ListModelAliasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListModelAliasesResponse__Output>): grpc.ClientUnaryCall;
  listModelAliases(argument: _ser_v1_ListModelAliasesRequest, callback: grpc.requestCallback<_ser_v1_ListModelAliasesResponse__Output>): grpc.ClientUnaryCall;
  
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
   * Lists every registered model name with its newest version number and version count, by name.
   */
  ListModels(argument: _ser_v1_ListModelsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _ser_v1_ListModelsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _ser_v1_ListModelsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _ser_v1_ListModelsRequest, callback: grpc.requestCallback<_ser_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists every registered model name with its newest version number and version count, by name.
   */
  listModels(argument: _ser_v1_ListModelsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _ser_v1_ListModelsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _ser_v1_ListModelsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _ser_v1_ListModelsRequest, callback: grpc.requestCallback<_ser_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Registers a finished classifier run's kept model as the next version of its model name; a run that registered
   * already gets its version back, never a second one.
   */
  RegisterModelVersion(argument: _ser_v1_RegisterModelVersionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_RegisterModelVersionResponse__Output>): grpc.ClientUnaryCall;
  RegisterModelVersion(argument: _ser_v1_RegisterModelVersionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_RegisterModelVersionResponse__Output>): grpc.ClientUnaryCall;
  RegisterModelVersion(argument: _ser_v1_RegisterModelVersionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_RegisterModelVersionResponse__Output>): grpc.ClientUnaryCall;
  RegisterModelVersion(argument: _ser_v1_RegisterModelVersionRequest, callback: grpc.requestCallback<_ser_v1_RegisterModelVersionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Registers a finished classifier run's kept model as the next version of its model name; a run that registered
   * already gets its version back, never a second one.
   */
  registerModelVersion(argument: _ser_v1_RegisterModelVersionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_RegisterModelVersionResponse__Output>): grpc.ClientUnaryCall;
  registerModelVersion(argument: _ser_v1_RegisterModelVersionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ser_v1_RegisterModelVersionResponse__Output>): grpc.ClientUnaryCall;
  registerModelVersion(argument: _ser_v1_RegisterModelVersionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ser_v1_RegisterModelVersionResponse__Output>): grpc.ClientUnaryCall;
  registerModelVersion(argument: _ser_v1_RegisterModelVersionRequest, callback: grpc.requestCallback<_ser_v1_RegisterModelVersionResponse__Output>): grpc.ClientUnaryCall;
  
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
   * Returns the model versions with the given ids; unknown ids are left out.
   */
  BatchGetModelVersions: grpc.handleUnaryCall<_ser_v1_BatchGetModelVersionsRequest__Output, _ser_v1_BatchGetModelVersionsResponse>;
  
  /**
   * Streams every file of a version's kept model (model.json, weights, card) in chunks, one file after another; its
   * exports (ExportModelVersion) are derived files and left out.
   */
  DownloadModelArtifact: grpc.handleServerStreamingCall<_ser_v1_DownloadModelArtifactRequest__Output, _ser_v1_DownloadModelArtifactResponse>;
  
  /**
   * Streams a version's kept model converted to another runtime's format (ONNX), in chunks. The first export of a
   * version is kept beside its kept model and later ones read it back (IDEMPOTENT, not NO_SIDE_EFFECTS: it may
   * write that file). FAILED_PRECONDITION for a kind with no export to the format yet.
   */
  ExportModelVersion: grpc.handleServerStreamingCall<_ser_v1_ExportModelVersionRequest__Output, _ser_v1_ExportModelVersionResponse>;
  
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
   * Lists a model's aliases, by alias name, each with the version it points at.
   */
  ListModelAliases: grpc.handleUnaryCall<_ser_v1_ListModelAliasesRequest__Output, _ser_v1_ListModelAliasesResponse>;
  
  /**
   * Lists registered model versions, newest first.
   */
  ListModelVersions: grpc.handleUnaryCall<_ser_v1_ListModelVersionsRequest__Output, _ser_v1_ListModelVersionsResponse>;
  
  /**
   * Lists every registered model name with its newest version number and version count, by name.
   */
  ListModels: grpc.handleUnaryCall<_ser_v1_ListModelsRequest__Output, _ser_v1_ListModelsResponse>;
  
  /**
   * Registers a finished classifier run's kept model as the next version of its model name; a run that registered
   * already gets its version back, never a second one.
   */
  RegisterModelVersion: grpc.handleUnaryCall<_ser_v1_RegisterModelVersionRequest__Output, _ser_v1_RegisterModelVersionResponse>;
  
  /**
   * Points an alias (e.g. "production") at a model version; inference follows it.
   */
  SetModelAlias: grpc.handleUnaryCall<_ser_v1_SetModelAliasRequest__Output, _ser_v1_SetModelAliasResponse>;
  
}

export interface ModelRegistryServiceDefinition extends grpc.ServiceDefinition {
  BatchGetModelVersions: MethodDefinition<_ser_v1_BatchGetModelVersionsRequest, _ser_v1_BatchGetModelVersionsResponse, _ser_v1_BatchGetModelVersionsRequest__Output, _ser_v1_BatchGetModelVersionsResponse__Output>
  DownloadModelArtifact: MethodDefinition<_ser_v1_DownloadModelArtifactRequest, _ser_v1_DownloadModelArtifactResponse, _ser_v1_DownloadModelArtifactRequest__Output, _ser_v1_DownloadModelArtifactResponse__Output>
  ExportModelVersion: MethodDefinition<_ser_v1_ExportModelVersionRequest, _ser_v1_ExportModelVersionResponse, _ser_v1_ExportModelVersionRequest__Output, _ser_v1_ExportModelVersionResponse__Output>
  GetModelCard: MethodDefinition<_ser_v1_GetModelCardRequest, _ser_v1_GetModelCardResponse, _ser_v1_GetModelCardRequest__Output, _ser_v1_GetModelCardResponse__Output>
  GetModelVersion: MethodDefinition<_ser_v1_GetModelVersionRequest, _ser_v1_GetModelVersionResponse, _ser_v1_GetModelVersionRequest__Output, _ser_v1_GetModelVersionResponse__Output>
  GetRunModelVersion: MethodDefinition<_ser_v1_GetRunModelVersionRequest, _ser_v1_GetRunModelVersionResponse, _ser_v1_GetRunModelVersionRequest__Output, _ser_v1_GetRunModelVersionResponse__Output>
  ListModelAliases: MethodDefinition<_ser_v1_ListModelAliasesRequest, _ser_v1_ListModelAliasesResponse, _ser_v1_ListModelAliasesRequest__Output, _ser_v1_ListModelAliasesResponse__Output>
  ListModelVersions: MethodDefinition<_ser_v1_ListModelVersionsRequest, _ser_v1_ListModelVersionsResponse, _ser_v1_ListModelVersionsRequest__Output, _ser_v1_ListModelVersionsResponse__Output>
  ListModels: MethodDefinition<_ser_v1_ListModelsRequest, _ser_v1_ListModelsResponse, _ser_v1_ListModelsRequest__Output, _ser_v1_ListModelsResponse__Output>
  RegisterModelVersion: MethodDefinition<_ser_v1_RegisterModelVersionRequest, _ser_v1_RegisterModelVersionResponse, _ser_v1_RegisterModelVersionRequest__Output, _ser_v1_RegisterModelVersionResponse__Output>
  SetModelAlias: MethodDefinition<_ser_v1_SetModelAliasRequest, _ser_v1_SetModelAliasResponse, _ser_v1_SetModelAliasRequest__Output, _ser_v1_SetModelAliasResponse__Output>
}
