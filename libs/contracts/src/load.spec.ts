import * as grpc from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeatureServiceClient, FeatureServiceHandlers, GetDatasetRequest__Output, GetDatasetResponse__Output } from './index';
import { loadSerProto, SER_SERVICE_NAMES } from './index';

type DescriptorFields = { type: { field: Array<{ name: string }> } };

describe('loadSerProto', () => {
  let server: grpc.Server | undefined;
  let client: grpc.Client | undefined;
  afterEach(() => {
    client?.close();
    server?.forceShutdown();
    client = server = undefined;
  });

  it('loads every ser.v1 service under its fully-qualified name', () => {
    const { grpc: pkg, packageDefinition, protoFiles } = loadSerProto();
    for (const name of Object.values(SER_SERVICE_NAMES)) expect(packageDefinition[name], name).toBeDefined();
    expect(Object.keys(pkg.ser.v1.InferenceService.service)).toEqual(['Predict', 'PredictStream', 'BatchPredict', 'GetModelStatus']);
    // The registry RPCs live in their own service, not in the trainer's.
    expect(Object.keys(pkg.ser.v1.ModelRegistryService.service)).toEqual([
      'ListModelVersions',
      'ListModels',
      'BatchGetModelVersions',
      'ListModelAliases',
      'GetModelVersion',
      'GetRunModelVersion',
      'RegisterModelVersion',
      'SetModelAlias',
      'GetModelCard',
      'DownloadModelArtifact',
      'ExportModelVersion',
    ]);
    expect(Object.keys(pkg.ser.v1.ClassifierTrainingService.service).filter((m) => m.includes('Model'))).toEqual([]);
    expect(protoFiles.some((file) => file.endsWith('google/rpc/status.proto'))).toBe(true);
  });

  it('decodes messages as the generated types say: camelCase, int64 numbers, enum names, defaults', async () => {
    const { grpc: pkg } = loadSerProto();
    const seen: GetDatasetRequest__Output[] = [];
    const handlers: Partial<FeatureServiceHandlers> = {
      GetDataset: (call, callback) => {
        seen.push(call.request);
        callback(null, {
          dataset: { id: 'd1', name: 'urdu', format: 'DATASET_FORMAT_URDU', createdAtMs: 1_700_000_000_123 },
          version: { id: 'v1', classCounts: { angry: 100 } },
        });
      },
    };
    server = new grpc.Server();
    // Unimplemented methods answer UNIMPLEMENTED; the cast only drops the "all methods" requirement.
    server.addService(pkg.ser.v1.FeatureService.service, handlers as grpc.UntypedServiceImplementation);
    const port = await new Promise<number>((resolve, reject) =>
      server!.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    const featureClient: FeatureServiceClient = new pkg.ser.v1.FeatureService(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    client = featureClient;

    const response = await new Promise<GetDatasetResponse__Output | undefined>((resolve, reject) =>
      featureClient.getDataset({ datasetId: 'd1' }, new grpc.Metadata(), { deadline: Date.now() + 5000 }, (err, res) => (err ? reject(err) : resolve(res))),
    );

    expect(seen).toEqual([{ datasetId: 'd1', datasetVersionId: '' }]);
    expect(response?.dataset).toMatchObject({
      id: 'd1',
      format: 'DATASET_FORMAT_URDU',
      createdAtMs: 1_700_000_000_123,
      versionCount: 0,
      latestVersion: null,
    });
    expect(response?.version?.classCounts).toEqual({ angry: 100 });
    expect(response?.version?.featureKinds).toEqual([]);
    expect(response?.versions).toEqual([]);
  });

  it('gives reflection the field names written in the .proto files', () => {
    const { packageDefinition, reflectionPackageDefinition } = loadSerProto();
    const names = (def: typeof packageDefinition) => (def['ser.v1.Run'] as unknown as DescriptorFields).type.field.map((f) => f.name);
    expect(names(reflectionPackageDefinition)).toContain('config_json');
    expect(names(packageDefinition)).toContain('configJson');
  });
});
