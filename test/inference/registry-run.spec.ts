import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassifierTrainingServiceClient, InferenceServiceClient, ModelRegistryServiceClient, Run__Output } from '@ser/contracts';
import { callUnary, deadlineIn, GrpcStatus, iterateStream } from '@ser/grpc-kit';
import type { Platform } from '@ser/runtime';
import { TINY_FOP, wavClip } from './model-fixtures';
import { startTrainAndServe, type TrainAndServe } from './train-and-serve';

const RUN = { method: 'fop-fine-tune', epochs: 2, batchSize: 8, cropFrames: 40, patience: 5, seed: 3, protocol: { kind: 'speaker-holdout' }, model: TINY_FOP };

describe('a classifier run registers its model, which inference then serves', () => {
  let env: TrainAndServe;
  let platform: Platform;
  let trainer: ClassifierTrainingServiceClient;
  let registry: ModelRegistryServiceClient;
  let inference: InferenceServiceClient;
  let datasetVersionId = '';

  beforeAll(async () => {
    env = await startTrainAndServe('ser-registry-');
    ({ platform, trainer, registry, inference, datasetVersionId } = env);
  }, 120_000);

  afterAll(async () => env?.stop());

  it('registers the kept model with metrics and lineage, and promotes it to production for inference', async () => {
    const started = await callUnary(trainer, 'StartClassifierRun', {
      configJson: JSON.stringify(RUN),
      datasetVersionIds: [datasetVersionId],
      modelName: 'tiny-emotion',
    });
    let final: Run__Output | null = null;
    for await (const m of iterateStream(trainer.WatchClassifierRun({ runId: started.run!.id }, deadlineIn(300_000)))) if (m.run) final = m.run;
    expect(final!.status, final!.error).toBe('RUN_STATUS_SUCCEEDED');
    expect(final!.outputModel).toEqual({ name: 'tiny-emotion', version: '1' });

    const got = await callUnary(trainer, 'GetClassifierRun', { runId: final!.id });
    const version = got.modelVersion!;
    expect(version).toMatchObject({ name: 'tiny-emotion', version: '1', labels: ['angry', 'happy', 'neutral', 'sad'], aliases: [] });
    expect(version.metrics.wa).toBeCloseTo(final!.metrics.wa!, 10);
    expect(version.metrics.ua).toBeCloseTo(final!.metrics.ua!, 10);
    expect(version.lineage).toMatchObject({ datasetVersionIds: [datasetVersionId], runId: final!.id, checkpointId: '' });
    expect(version.lineage!.configHash).toMatch(/^[0-9a-f]{64}$/);
    expect(version.checkpointId).toBe(got.checkpoints.at(-1)!.id);
    const stored = await platform.store.models.findVersion('tiny-emotion', 1);
    expect((stored!.lineage.config as { epochs: number }).epochs).toBe(2);

    await callUnary(registry, 'SetModelAlias', { name: 'tiny-emotion', version: '1', alias: 'production' });
    const { prediction } = await callUnary(inference, 'Predict', { audio: { content: wavClip(0.8) }, model: { name: 'tiny-emotion' } });
    expect(prediction!.model).toEqual({ name: 'tiny-emotion', version: '1' });
    expect(version.labels).toContain(prediction!.label);

    // The registry serves the same version's lineage, card and files.
    const byRun = await callUnary(registry, 'GetRunModelVersion', { runId: final!.id });
    expect(byRun.modelVersion).toMatchObject({ name: 'tiny-emotion', version: '1', aliases: ['production'] });
    const missing = await callUnary(registry, 'GetRunModelVersion', { runId: 'no-such-run' }).then(
      () => null,
      (e: { code?: number }) => e.code,
    );
    expect(missing).toBe(GrpcStatus.NOT_FOUND);
    const card = await callUnary(registry, 'GetModelCard', { model: { name: 'tiny-emotion', version: '1' } });
    expect(JSON.parse(card.cardJson)).toMatchObject({ model: { name: 'tiny-emotion', version: 1, runId: final!.id }, labels: version.labels });
    expect(card.cardMarkdown).toContain('tiny-emotion');
    const files = new Map<string, Buffer>();
    for await (const chunk of iterateStream(registry.DownloadModelArtifact({ model: { name: 'tiny-emotion' } }, deadlineIn(30_000)))) {
      const sofar = files.get(chunk.path) ?? Buffer.alloc(0);
      expect(chunk.offset).toBe(sofar.length);
      files.set(chunk.path, Buffer.concat([sofar, chunk.data]));
    }
    const folder = `${stored!.artifactKey}/`;
    const keys = await platform.artifacts.list(folder);
    expect([...files.keys()]).toEqual(keys.map((k) => k.slice(folder.length)));
    expect([...files.keys()]).toEqual(expect.arrayContaining(['model.json', 'model-card.json', 'model-card.md']));
    for (const key of keys) expect(files.get(key.slice(folder.length))!.equals(await platform.artifacts.get(key)), key).toBe(true);
  });

  it("registers a run started without a model name under the platform's inference.defaultModelName", async () => {
    const started = await callUnary(trainer, 'StartClassifierRun', {
      configJson: JSON.stringify({ ...RUN, epochs: 1 }),
      datasetVersionIds: [datasetVersionId],
    });
    let final: Run__Output | null = null;
    for await (const m of iterateStream(trainer.WatchClassifierRun({ runId: started.run!.id }, deadlineIn(300_000)))) if (m.run) final = m.run;
    expect(final!.status, final!.error).toBe('RUN_STATUS_SUCCEEDED');
    expect(final!.outputModel).toEqual({ name: platform.config.inference.defaultModelName, version: '1' });
  }, 300_000);
});
