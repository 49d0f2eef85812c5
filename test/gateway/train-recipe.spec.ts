import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAll, type RunningSystem } from '@ser/all-in-one';
import { loadPlatformConfig } from '@ser/config';
import { parseGlobalId } from '@ser/gateway';
import { openPlatform, type Platform } from '@ser/runtime';
import { prepareDataDir } from '../experiments/prepare-data';
import { gql } from './client';

// trainRecipe against the embedded platform, as `ser train --smoke` runs it: the job is followed over the
// trainingJobProgress subscription to a registered model version; bad inputs are refused before any run starts.
const FREE_PORTS = [
  ...['features', 'fopPretrainer', 'vqvaePretrainer', 'classifierTrainer', 'inference', 'modelRegistry', 'gateway'].map((n) => `--ports.${n}=0`),
  '--metricsPort=0',
];

interface JobView {
  id: string;
  status: string;
  progress: number;
  steps: Array<{ label: string; outcome: string; run: { id: string; status: string } | null }>;
  modelVersion: { modelName: string; version: number } | null;
  results: { experiment: string; cells: Array<{ row: string; status: string; config: Record<string, unknown> }> } | null;
  error: string | null;
}
const JOB_FIELDS = 'id status progress steps { label outcome run { id status } } modelVersion { modelName version } results error';
const TRAIN = `mutation($input: TrainRecipeInput!) { trainRecipe(input: $input) { ${JOB_FIELDS} } }`;

describe('trainRecipe (the training recipe through the API)', () => {
  let dataDir: string;
  let platform: Platform;
  let system: RunningSystem;
  let operator: string;
  let viewer: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-gw-recipe-'));
    await prepareDataDir(dataDir); // 'four': 4 speakers x 4 emotions x 2, and 'demo'
    platform = await openPlatform(
      loadPlatformConfig({ env: { SER_DATA_DIR: dataDir, SER_SEED_DEMO: 'false', SER_LOG_LEVEL: 'warn', SER_METRICS_PORT: '0' }, overrides: FREE_PORTS }),
    );
    system = await startAll(platform);
    operator = (await platform.store.apiTokens.create({ name: 'op', role: 'operator' })).token;
    viewer = (await platform.store.apiTokens.create({ name: 'viewer', role: 'viewer' })).token;
  }, 600_000);

  afterAll(async () => {
    for (const s of [...(system?.stoppables ?? [])].reverse()) await s.stop();
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the recipe, streams its progress and registers the model version', async () => {
    const input = { dataset: 'four', modelName: 'four-api', smoke: true, recipe: { baseline: false } };
    const started = await gql<{ trainRecipe: JobView }>(system.gatewayUrl, TRAIN, { input }, operator);
    expect(started.errors).toBeUndefined();
    const job = started.data!.trainRecipe;
    expect(parseGlobalId(job.id)?.type).toBe('TrainingJob');
    expect(job.steps.map((s) => s.label)).toEqual(['[1/2] pre-training on four', '[2/2] train-recipe recipe × model']);

    const ws = createClient({ url: system.gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    const seen: JobView[] = [];
    try {
      const events = ws.iterate<{ trainingJobProgress: JobView }>({
        query: `subscription($id: ID!) { trainingJobProgress(jobId: $id) { ${JOB_FIELDS} } }`,
        variables: { id: job.id },
      });
      for await (const e of events) {
        expect(e.errors).toBeUndefined();
        seen.push(e.data!.trainingJobProgress);
      }
    } finally {
      await ws.dispose();
    }
    const last = seen.at(-1)!;
    expect(last.status, last.error ?? '').toBe('SUCCEEDED');
    expect(last.progress).toBe(1);
    expect(seen.some((s) => s.status === 'RUNNING' && s.progress > 0 && s.progress < 1)).toBe(true);
    for (const progress of seen.map((s) => s.progress)) expect(progress).toBeGreaterThanOrEqual(0);
    expect(last.modelVersion).toEqual({ modelName: 'four-api', version: 1 });
    // Each step names the run its trainer made, as any run: queryable, succeeded.
    expect(last.steps.map((s) => [s.outcome, s.run?.status])).toEqual([
      ['succeeded', 'SUCCEEDED'],
      ['succeeded', 'SUCCEEDED'],
    ]);
    expect(last.results!.experiment).toBe('train-recipe');
    expect(last.results!.cells).toHaveLength(1);
    expect(last.results!.cells[0]!.config).toMatchObject({ method: 'fop-hypercolumns', representation: 'h2', protocol: { kind: 'speaker-holdout' } });

    // The job stays readable by id (and through node), and the version is a registered one.
    const read = await gql<{ trainingJob: { status: string }; node: { modelName: string } | null }>(
      system.gatewayUrl,
      `query($id: ID!) { trainingJob(id: $id) { status } node(id: $id) { ... on TrainingJob { modelName } } }`,
      { id: job.id },
    );
    expect(read.data).toEqual({ trainingJob: { status: 'SUCCEEDED' }, node: { modelName: 'four-api' } });
    expect(await platform.store.models.findVersion('four-api', 1)).toMatchObject({ modelName: 'four-api', version: 1 });
  }, 900_000);

  it('refuses bad input before starting anything, naming the field', async () => {
    const runsBefore = (await platform.store.runs.list()).totalCount;
    const refuse = async (input: Record<string, unknown>, token = operator) => (await gql(system.gatewayUrl, TRAIN, { input }, token)).errors?.[0];
    expect(await refuse({ dataset: 'four', smoke: true }, viewer)).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await refuse({ dataset: 'missing', smoke: true })).toMatchObject({
      extensions: { code: 'NOT_FOUND' },
      message: expect.stringContaining("dataset 'missing' not found"),
    });
    expect(await refuse({ dataset: 'four', pretrainAlso: ['nowhere'] })).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await refuse({ dataset: 'four', modelName: 'no spaces' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fieldViolations: [{ field: 'input.modelName', description: expect.stringContaining('model name') }] },
    });
    expect(await refuse({ dataset: 'four', recipe: { learningRate: 3 } })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fieldViolations: [{ field: 'input.recipe' }] },
    });
    expect(await refuse({ dataset: 'four', protocol: 'STRATIFIED_HOLDOUT', testSpeakers: ['a'] })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fieldViolations: [{ field: 'input.testSpeakers' }] },
    });
    expect(await refuse({ dataset: 'four', repeats: 0 })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fieldViolations: [{ field: 'input.repeats' }] },
    });
    expect((await platform.store.runs.list()).totalCount).toBe(runsBefore);
  }, 120_000);
});
