import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { join } from 'node:path';
import type { ProtoGrpcType as ClassifierTrainingProto } from './generated/classifier_training_service';
import type { ProtoGrpcType as CommonProto } from './generated/common';
import type { ProtoGrpcType as ErrorDetailsProto } from './generated/error_details';
import type { ProtoGrpcType as FeaturesProto } from './generated/features_service';
import type { ProtoGrpcType as FopPretrainProto } from './generated/fop_pretrain_service';
import type { ProtoGrpcType as InferenceProto } from './generated/inference_service';
import type { ProtoGrpcType as ModelRegistryProto } from './generated/model_registry_service';
import type { ProtoGrpcType as StatusProto } from './generated/status';
import type { ProtoGrpcType as VqvaePretrainProto } from './generated/vqvae_pretrain_service';
import { listProtoFiles, PROTO_LOADER_OPTIONS, PROTO_ROOT } from './loader-options';

/** The whole loaded package tree: `ser.v1.*` services and messages plus `google.rpc.*` messages. */
export type SerProtoGrpcType = CommonProto &
  FeaturesProto &
  FopPretrainProto &
  VqvaePretrainProto &
  ClassifierTrainingProto &
  InferenceProto &
  ModelRegistryProto &
  StatusProto &
  ErrorDetailsProto;

/** Fully-qualified names of the ser.v1 services, as health checks and reflection know them. */
export const SER_SERVICE_NAMES = Object.freeze({
  features: 'ser.v1.FeatureService',
  fopPretrain: 'ser.v1.FopPretrainService',
  vqvaePretrain: 'ser.v1.VqvaePretrainService',
  classifierTraining: 'ser.v1.ClassifierTrainingService',
  inference: 'ser.v1.InferenceService',
  modelRegistry: 'ser.v1.ModelRegistryService',
});

export interface SerProto {
  /** Typed package: `grpc.ser.v1.FeatureService` is both a client constructor and has `.service`. */
  grpc: SerProtoGrpcType;
  /** Raw definition behind `grpc` (camelCase field names in its descriptors). */
  packageDefinition: protoLoader.PackageDefinition;
  /**
   * The same contracts loaded with keepCase, for server reflection: its descriptors carry the field
   * names written in the .proto files (config_json), which is what grpcurl and other languages expect.
   */
  reflectionPackageDefinition: protoLoader.PackageDefinition;
  /** Absolute paths of the loaded .proto files. */
  protoFiles: string[];
  /** Folder the proto imports resolve against. */
  protoRoot: string;
}

let cached: SerProto | undefined;

/** Loads every contract once per process (parsing protos takes tens of ms) with PROTO_LOADER_OPTIONS. */
export function loadSerProto(): SerProto {
  if (cached) return cached;
  const relativeFiles = listProtoFiles();
  const packageDefinition = protoLoader.loadSync(relativeFiles, { ...PROTO_LOADER_OPTIONS });
  cached = {
    // The generated types describe exactly this object because both come from PROTO_LOADER_OPTIONS.
    grpc: grpc.loadPackageDefinition(packageDefinition) as unknown as SerProtoGrpcType,
    packageDefinition,
    reflectionPackageDefinition: protoLoader.loadSync(relativeFiles, { ...PROTO_LOADER_OPTIONS, keepCase: true }),
    protoFiles: relativeFiles.map((file) => join(PROTO_ROOT, file)),
    protoRoot: PROTO_ROOT,
  };
  return cached;
}
