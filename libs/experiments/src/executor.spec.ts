import { describe, expect, it, vi } from 'vitest';
import type { ExperimentBackend, StartRunRequest } from './backend';
import { runExperiment, type ExperimentHooks } from './executor';
import type { ExperimentPlan, PretrainStep } from './plan';
import type { ExperimentResults, PretrainResult } from './results';

// The pre-training half of runExperiment against fake clients: each pre-trainer gets its own run kind, watch RPC
// and messages, and a backend without the VQ-VAE pre-trainer fails before any run is started.

type Callback = (err: Error | null, response?: unknown) => void;
const unary = (response: unknown) => (_request: unknown, _metadata: unknown, _options: unknown, callback: Callback) => callback(null, response);

/** A Watch…Run stream that reports one epoch, then the succeeded run. */
function watchStream(runId: string) {
  return {
    async *iterator() {
      yield { progress: { progress: 0.5, message: '', epoch: 1, totalEpochs: 2 } };
      yield { run: { id: runId, status: 'RUN_STATUS_SUCCEEDED', error: '', configJson: '{"epochs":2}', metrics: { loss: 1 } } };
    },
    on: () => undefined,
    cancel: () => undefined,
  };
}

function fakeBackend(options: { withVqvae?: boolean; refuse?: string } = {}) {
  const started: { kind: string; request: StartRunRequest }[] = [];
  const watched: string[] = [];
  const pretrainer = (name: 'Fop' | 'Vqvae') => ({
    [`Watch${name}PretrainRun`]: (request: { runId: string }) => (watched.push(`Watch${name}PretrainRun ${request.runId}`), watchStream(request.runId)),
    [`Get${name}PretrainRun`]: unary({ run: { outputCheckpointId: `${name.toLowerCase()}-checkpoint` }, checkpoints: [] }),
  });
  const version = { name: 'four', datasetId: 'd1', id: 'v1', versionHash: 'h', utteranceCount: 8, classCounts: { a: 4, b: 4 }, speakerCounts: { s1: 8 } };
  const backend = {
    features: { ListDatasets: unary({ datasets: [{ name: 'four', latestVersion: version }], page: { nextPageToken: '' } }) },
    fop: pretrainer('Fop'),
    classifier: {},
    ...(options.withVqvae === false ? {} : { vqvae: pretrainer('Vqvae') }),
    queueRun: async (kind: string, request: StartRunRequest) => {
      if (options.refuse) throw Object.assign(new Error('9 FAILED_PRECONDITION: refused'), { details: options.refuse });
      started.push({ kind, request });
      return `run-${started.length}`;
    },
  } as unknown as ExperimentBackend;
  return { backend, started, watched };
}

function planWith(step: PretrainStep): ExperimentPlan {
  return {
    name: 'fop-table1',
    title: 'pre-training only',
    dataset: 'four',
    rowHeading: 'Pre-training',
    rows: [],
    columns: [],
    pretraining: [step],
    classifierRuns: [],
    protocol: { kind: 'speaker-holdout' },
    repeats: 1,
    seed: 1,
    modelSize: 'tiny',
  };
}

describe('runExperiment pre-training', () => {
  it.each([
    { service: undefined, kind: 'fop-pretrain', watch: 'WatchFopPretrainRun run-1', checkpoint: 'fop-checkpoint' },
    { service: 'vqvae' as const, kind: 'vqvae-pretrain', watch: 'WatchVqvaePretrainRun run-1', checkpoint: 'vqvae-checkpoint' },
  ])('starts a $kind run, follows it through its own watch RPC and keeps its checkpoint', async ({ service, kind, watch, checkpoint }) => {
    const { backend, started, watched } = fakeBackend();
    const progress = vi.fn<NonNullable<ExperimentHooks['onRunProgress']>>();
    const results = await runExperiment(planWith({ key: 'pretrain:four', service, datasetName: 'four', config: { epochs: 2 } }), backend, {
      command: 'test',
      hooks: { onRunProgress: progress },
    });
    expect(started).toEqual([{ kind, request: { configJson: '{"epochs":2}', datasetVersionIds: ['v1'] } }]);
    expect(watched).toEqual([watch]);
    expect(progress).toHaveBeenCalledWith('[1/1] pre-training on four', 0.5, 'epoch 1/2');
    expect(results.pretraining).toEqual([
      expect.objectContaining({ key: 'pretrain:four', runId: 'run-1', checkpointId: checkpoint, datasetVersionId: 'v1', resolvedConfig: { epochs: 2 } }),
    ]);
  });

  it("names the pre-trainer that refused the run in the experiment's error", async () => {
    const { backend } = fakeBackend({ refuse: 'no such dataset version' });
    const plan = planWith({ key: 'vq', service: 'vqvae', datasetName: 'four', config: {} });
    await expect(runExperiment(plan, backend, { command: 'test' })).rejects.toThrow(
      '[1/1] pre-training on four: the vqvae-pretrainer refused the run: no such dataset version',
    );
  });

  it('fails a VQ-VAE pre-training before starting a run when the backend has no vqvae-pretrainer', async () => {
    const { backend, started } = fakeBackend({ withVqvae: false });
    const plan = planWith({ key: 'vq', service: 'vqvae', datasetName: 'four', config: {} });
    await expect(runExperiment(plan, backend, { command: 'test' })).rejects.toThrow('no vqvae-pretrainer address was given');
    expect(started).toEqual([]);
  });
});

describe('runExperiment with --reuse', () => {
  it('keeps a reusable result in the partial results before training anything, so a stop in between loses nothing', async () => {
    const { backend } = fakeBackend({ refuse: 'stopped' });
    const fresh: PretrainStep = { key: 'pretrain:fresh', datasetName: 'four', config: { epochs: 2 } };
    const done: PretrainStep = { key: 'pretrain:done', datasetName: 'four', config: { epochs: 3 } };
    const earlierRun = { key: 'pretrain:done', datasetName: 'four', datasetVersionId: 'v1', runId: 'old-run', checkpointId: 'ck', config: { epochs: 3 } };
    const earlier = { pretraining: [earlierRun as unknown as PretrainResult], cells: [] } as unknown as ExperimentResults;
    const partials: ExperimentResults[] = [];
    const plan = { ...planWith(fresh), pretraining: [fresh, done] };
    await expect(
      runExperiment(plan, backend, { command: 'test', reuse: [earlier], hooks: { onPartialResults: async (r) => void partials.push(r) } }),
    ).rejects.toThrow('refused the run: stopped');
    // The later step's earlier run is saved although the first step, in plan order before it, never finished.
    expect(partials.map((r) => r.pretraining.map((p) => [p.key, p.runId]))).toEqual([[['pretrain:done', 'old-run']]]);
  });
});
