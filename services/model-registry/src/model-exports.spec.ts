import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '@ser/config';
import { loadSerProto, type ExportModelVersionRequest, type ModelRegistryServiceClient } from '@ser/contracts';
import { createInProcessBus } from '@ser/events';
import { closeClient, createClient, FILE_CHUNK_BYTES, GrpcStatus, iterateStream, readErrorDetails } from '@ser/grpc-kit';
import { createLogger } from '@ser/logging';
import { writeKeptModel } from '@ser/model-artifacts';
import { createFop, createFopClassifier, saveVariables } from '@ser/models';
import { exportKeptModelToOnnx, keptOnnxExportKey } from '@ser/onnx-export';
import { openPlatform, type Platform, type RunningService } from '@ser/runtime';
import { openMetadataStore, type ModelVersion } from '@ser/store';
import { initTfjs } from '@ser/tfjs-backend';
import { startModelRegistryService } from './service';

/** The streamed file put back together; every chunk must start where the previous one ended and name the same file. */
async function download(registry: ModelRegistryServiceClient, req: ExportModelVersionRequest): Promise<{ filename: string; bytes: Buffer }> {
  const parts: Buffer[] = [];
  let filename = '';
  let size = -1;
  for await (const chunk of iterateStream(registry.ExportModelVersion(req))) {
    expect(chunk.offset).toBe(parts.reduce((n, p) => n + p.length, 0));
    expect(chunk.data.length).toBeLessThanOrEqual(FILE_CHUNK_BYTES);
    filename ||= chunk.filename;
    expect(chunk.filename).toBe(filename);
    size = chunk.sizeBytes;
    parts.push(chunk.data);
  }
  const bytes = Buffer.concat(parts);
  expect(bytes.length).toBe(size);
  return { filename, bytes };
}

const failure = (registry: ModelRegistryServiceClient, req: ExportModelVersionRequest) =>
  download(registry, req).then(
    () => null,
    (err: unknown) => readErrorDetails(err),
  );

// ExportModelVersion over real gRPC: the ONNX export of a registered version, made once and kept beside its kept model.
describe('ExportModelVersion', { timeout: 300_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ser-registry-export-'));
  let platform: Platform;
  let service: RunningService;
  let registry: ModelRegistryServiceClient;
  let emo: ModelVersion;

  beforeAll(async () => {
    await initTfjs();
    const store = await openMetadataStore({ kind: 'pglite' });
    const logger = createLogger('model-registry-test', { level: 'silent' });
    platform = await openPlatform(loadPlatformConfig({ env: { SER_DATA_DIR: dataDir, SER_METRICS_PORT: '0' } }), { store, bus: createInProcessBus(), logger });
    const fop = createFop({ dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 1 }, 1);
    const classifier = createFopClassifier(fop, 3, 2);
    await writeKeptModel(platform.artifacts, 'models/run-1', {
      kind: 'fop-classifier',
      classes: ['a', 'b', 'c'],
      fop: fop.config,
      weights: saveVariables(classifier.variables),
      bestEpoch: 1,
      lineage: { runId: 'run-1', datasetVersionId: 'dv-1', pretrainedCheckpointId: null },
    });
    emo = await store.models.createVersion({ modelName: 'emo', artifactKey: 'models/run-1' });
    // A kind no exporter (nor this registry's reader) knows: what a newer trainer's kept model looks like here.
    await platform.artifacts.put('models/run-2/model.json', Buffer.from(JSON.stringify({ kind: 'mfcc-svm', classes: ['a', 'b'] })));
    await store.models.createVersion({ modelName: 'future', artifactKey: 'models/run-2' });
    service = await startModelRegistryService(platform, { port: 0 });
    registry = createClient<ModelRegistryServiceClient>(loadSerProto().grpc.ser.v1.ModelRegistryService, service.address, { deadlineMs: 60_000 });
  }, 300_000);

  afterAll(async () => {
    if (registry) closeClient(registry);
    await service?.stop();
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("streams the version's ONNX file, the bytes @ser/onnx-export makes, and keeps it beside the kept model", async () => {
    const key = keptOnnxExportKey(emo.artifactKey, emo.id);
    expect(await platform.artifacts.exists(key)).toBe(false);
    const first = await download(registry, { model: { name: 'emo', version: '1' }, format: 'EXPORT_FORMAT_ONNX' });
    expect(first.filename).toBe('emo-1.onnx');
    expect(first.bytes.equals(Buffer.from(await exportKeptModelToOnnx(platform.artifacts, 'models/run-1', { name: 'emo', version: 1 })))).toBe(true);
    expect((await platform.artifacts.get(key)).equals(first.bytes)).toBe(true);
  });

  it('serves a second export from the kept file, and leaves the kept file out of the kept-model download', async () => {
    const key = keptOnnxExportKey(emo.artifactKey, emo.id);
    // A marker in place of the kept export: a second export that converted again would not send it.
    await platform.artifacts.put(key, Buffer.from('kept export'));
    const again = await download(registry, { model: { name: 'emo', version: '1' }, format: 'EXPORT_FORMAT_ONNX' });
    expect(again.bytes.toString()).toBe('kept export');
    const paths = new Set<string>();
    for await (const chunk of iterateStream(registry.DownloadModelArtifact({ model: { name: 'emo', version: '1' } }))) paths.add(chunk.path);
    expect([...paths]).toContain('model.json');
    expect([...paths].some((p) => p.startsWith('exports/'))).toBe(false);
  });

  it('is NOT_FOUND for an unknown version, FAILED_PRECONDITION for a kind without an export, INVALID_ARGUMENT without a format', async () => {
    expect(await failure(registry, { model: { name: 'emo', version: '9' }, format: 'EXPORT_FORMAT_ONNX' })).toMatchObject({ code: GrpcStatus.NOT_FOUND });
    expect(await failure(registry, { model: { name: 'future', version: '1' }, format: 'EXPORT_FORMAT_ONNX' })).toMatchObject({
      code: GrpcStatus.FAILED_PRECONDITION,
      message: expect.stringMatching(/^future:1: model kind 'mfcc-svm' has no ONNX export yet \(exportable: fop-classifier/),
      errorInfo: { reason: 'EXPORT_UNSUPPORTED', metadata: { kind: 'mfcc-svm' } },
    });
    expect(await failure(registry, { model: { name: 'emo', version: '1' } })).toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT });
  });
});
