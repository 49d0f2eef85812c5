import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { platformConfigSchema, type ServiceName } from '@ser/config';
import {
  loadSerProto,
  type ClassifierTrainingServiceClient,
  type FopPretrainServiceClient,
  type ModelRegistryServiceClient,
  type Run__Output,
  type RunProgress__Output,
} from '@ser/contracts';
import { callUnary, closeClient, createClient, deadlineIn, iterateStream } from '@ser/grpc-kit';
import { RECIPE_CLASSIFIER } from '@ser/experiments';
import { serviceCaller, type Platform } from '@ser/runtime';

// The demo model registers under the inference service's default model name (config inference.defaultModelName) and is
// promoted to its default alias, so a predict that names no model gets it until a user promotes one of theirs there.
// This constant is the name under the default config; trainDemoModel reads the platform's config.
export const DEMO_MODEL_NAME = platformConfigSchema.parse({}).inference.defaultModelName;
export const DEMO_DATASET = 'demo';

/** Said wherever the demo model is announced: what it learned from, and how to get a model for real voices. */
export const DEMO_MODEL_CAVEAT =
  'demo model: it learned from synthetic speech only and is not meant for real voices. For a model of real speech, import a real corpus ' +
  '(ser corpus import --format ravdess --name ravdess DIR), train the recipe on it (ser train --dataset ravdess) and promote the version ' +
  "you trust to 'production'.";
const STATE_FILE = 'demo-model.json';
const RUN_DEADLINE_MS = 60 * 60_000;

/**
 * Small enough to finish in a few minutes on a 2-core machine even on the wasm backend (a fresh clone has no native
 * TensorFlow): the paper's structure (causal Transformer, next-frame L1, 2 layers) at a quarter of its width. The
 * classifier run reads the checkpoint's architecture.
 */
export const DEMO_PRETRAIN_CONFIG = {
  model: { dModel: 64, numHeads: 4, ffnUnits: 128, numLayers: 2, dropout: 0.1 },
  epochs: 8,
  cropFrames: 200,
  batchSize: 32,
  patience: 3,
};
// The training recipe's classifier (what `ser train` registers), on the demo corpus; the caveat goes into the model
// card too, so whoever downloads the model reads it.
export const DEMO_CLASSIFIER_CONFIG = { ...RECIPE_CLASSIFIER, repeats: 1, protocol: { kind: 'speaker-holdout' }, knownLimits: [DEMO_MODEL_CAVEAT] };

/** The model a predict without a model name gets, and the alias it is looked up at. */
type ServedModelNames = Pick<Platform['config']['inference'], 'defaultModelName' | 'defaultAlias'>;

interface DemoState {
  pretrainRunId?: string;
  classifierRunId?: string;
}

export interface DemoModelOptions {
  /** Stops waiting for the demo dataset after this long. */
  datasetTimeoutMs?: number;
  pretrainConfig?: Record<string, unknown>;
  /** Merged over DEMO_CLASSIFIER_CONFIG. */
  classifierConfig?: Record<string, unknown>;
  /** Human-readable progress lines (stdout of `npm start`). */
  report?: (line: string) => void;
}

/**
 * First run of `npm start`, after the demo corpus is ingested: FOP pre-training on it, the training recipe's classifier (hypercolumns + tuned SVM) with a
 * speaker-independent hold-out, and the model promoted to `production`, so a newcomer can predict at once. It goes
 * through the services' gRPC APIs like any client, and remembers its run ids so a restart mid-way follows the runs
 * the trainers resume instead of starting new ones.
 */
export async function trainDemoModel(platform: Platform, addresses: Record<ServiceName, string>, opts: DemoModelOptions = {}): Promise<'trained' | 'present'> {
  const proto = loadSerProto().grpc.ser.v1;
  const clientOptions = { deadlineMs: 30_000, serviceToken: serviceCaller(platform.config, 'operator') };
  const registry = createClient<ModelRegistryServiceClient>(proto.ModelRegistryService, addresses.modelRegistry, clientOptions);
  try {
    if (await hasProductionVersion(registry, platform.config.inference)) return 'present';
    return await trainAndPromote(platform, addresses, registry, opts);
  } finally {
    closeClient(registry);
  }
}

async function hasProductionVersion(registry: ModelRegistryServiceClient, names: ServedModelNames): Promise<boolean> {
  try {
    await callUnary(registry, 'GetModelVersion', { model: { name: names.defaultModelName, alias: names.defaultAlias } });
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === status.NOT_FOUND) return false;
    throw err;
  }
}

async function trainAndPromote(
  platform: Platform,
  addresses: Record<ServiceName, string>,
  registry: ModelRegistryServiceClient,
  opts: DemoModelOptions,
): Promise<'trained'> {
  const report = opts.report ?? (() => {});
  const statePath = join(platform.config.dataDir, STATE_FILE);
  const state: DemoState = existsSync(statePath) ? JSON.parse(readFileSync(statePath, 'utf8')) : {};
  const save = () => writeFileSync(statePath, JSON.stringify(state, null, 2));

  const dataset = await waitForDataset(platform, opts.datasetTimeoutMs ?? 30 * 60_000);
  const proto = loadSerProto().grpc.ser.v1;
  const clientOptions = { deadlineMs: 30_000, serviceToken: serviceCaller(platform.config, 'operator') };
  const fop = createClient<FopPretrainServiceClient>(proto.FopPretrainService, addresses.fopPretrainer, clientOptions);
  const classifier = createClient<ClassifierTrainingServiceClient>(proto.ClassifierTrainingService, addresses.classifierTrainer, clientOptions);
  try {
    if (!state.pretrainRunId || (await isFailed(platform, state.pretrainRunId))) {
      const started = await callUnary(fop, 'StartFopPretrainRun', {
        configJson: JSON.stringify({ ...DEMO_PRETRAIN_CONFIG, ...opts.pretrainConfig }),
        datasetVersionIds: [dataset],
        displayName: 'demo model: pre-training',
      });
      state.pretrainRunId = started.run!.id;
      save();
    }
    const pretrained = await follow(
      'pre-training',
      iterateStream(fop.WatchFopPretrainRun({ runId: state.pretrainRunId }, deadlineIn(RUN_DEADLINE_MS))),
      report,
    );
    if (!pretrained.outputCheckpointId) throw new Error(`demo pre-training run ${pretrained.id} saved no checkpoint`);

    if (!state.classifierRunId || (await isFailed(platform, state.classifierRunId))) {
      const started = await callUnary(classifier, 'StartClassifierRun', {
        configJson: JSON.stringify({ ...DEMO_CLASSIFIER_CONFIG, ...opts.classifierConfig }),
        datasetVersionIds: [dataset],
        checkpointId: pretrained.outputCheckpointId,
        displayName: 'demo model: classifier',
        modelName: platform.config.inference.defaultModelName,
      });
      state.classifierRunId = started.run!.id;
      save();
    }
    const trained = await follow(
      'classifier',
      iterateStream(classifier.WatchClassifierRun({ runId: state.classifierRunId }, deadlineIn(RUN_DEADLINE_MS))),
      report,
    );
    const model = trained.outputModel;
    if (!model?.version) throw new Error(`demo classifier run ${trained.id} registered no model version`);
    const alias = platform.config.inference.defaultAlias;
    await callUnary(registry, 'SetModelAlias', { name: model.name, version: model.version, alias });
    const wa = trained.metrics?.['wa'];
    report(`demo model: ${model.name} v${model.version} is now '${alias}'${wa === undefined ? '' : ` (held-out speakers WA ${wa.toFixed(2)})`}`);
    report(DEMO_MODEL_CAVEAT);
    return 'trained';
  } finally {
    closeClient(fop);
    closeClient(classifier);
  }
}

async function waitForDataset(platform: Platform, timeoutMs: number): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const version = await platform.store.datasets.latestVersion(DEMO_DATASET);
    if (version) return version.id;
    if (Date.now() > until) throw new Error(`the '${DEMO_DATASET}' dataset was not registered within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function isFailed(platform: Platform, runId: string): Promise<boolean> {
  const run = await platform.store.runs.get(runId);
  return !run || run.status === 'failed' || run.status === 'cancelled';
}

/** Follows a watched run to its end, reporting every tenth of progress; a run that does not succeed throws. */
async function follow(
  what: string,
  stream: AsyncIterable<{ run?: Run__Output | null; progress?: RunProgress__Output | null }>,
  report: (line: string) => void,
): Promise<Run__Output> {
  let last: Run__Output | null = null;
  let reportedTenth = -1;
  for await (const m of stream) {
    if (m.run) last = m.run;
    const p = m.progress;
    if (p && Math.floor(p.progress * 10) > reportedTenth) {
      reportedTenth = Math.floor(p.progress * 10);
      report(`demo model: ${what} ${Math.round(p.progress * 100)}%${p.epoch ? ` (epoch ${p.epoch})` : ''}`);
    }
  }
  if (!last || last.status !== 'RUN_STATUS_SUCCEEDED')
    throw new Error(`demo ${what} run ${last?.id ?? '?'} ended ${last?.status ?? 'without a status'}${last?.error ? `: ${last.error}` : ''}`);
  return last;
}
