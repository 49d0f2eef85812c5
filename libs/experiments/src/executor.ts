import type { CallOptions } from '@grpc/grpc-js';
import type { Run__Output } from '@ser/contracts';
import type { RunKind } from '@ser/events';
import { callUnary, deadlineIn } from '@ser/grpc-kit';
import type { ExperimentBackend } from './backend';
import { pretrainedCheckpointId, vqvaeClient } from './checkpoint';
import { CurveRecorder } from './curves';
import { resolveDatasets, type DatasetRef } from './datasets';
import { ExperimentError } from './errors';
import { pretrainDatasetNames, type ClassifierStep, type ExperimentPlan, type PretrainStep } from './plan';
import { reusableCell, reusablePretraining } from './reuse';
import { measuredCell, METRIC_DEFINITIONS, type CellResult, type ExperimentResults, type PretrainResult } from './results';
import { startRun } from './start-run';
import { followRun, isSucceeded, whyNotSucceeded } from './watch';

/** How an experiment reports what it is doing; labels name the run ("[2/4] pre-training on urdu"). */
export interface ExperimentHooks {
  onNote?(line: string): void;
  /** A run was started (not reused): its label, the id its service gave it, and which trainer runs it. */
  onRunStart?(label: string, runId: string, kind: RunKind): void;
  onRunProgress?(label: string, fraction: number, note: string): void;
  onRunEnd?(label: string, outcome: string): void;
  /**
   * After each pre-training and cell: the results so far (`finishedAt` null), so a caller can keep them where a
   * later --reuse finds them if the experiment is stopped before its end.
   */
  onPartialResults?(results: ExperimentResults): void | Promise<void>;
}

export interface ExecuteOptions {
  /** The command line, recorded in the results. */
  command: string;
  hooks?: ExperimentHooks;
  /** How long one run may take before the watch gives up. */
  runDeadlineMs?: number;
  /** Earlier results whose identical pre-trainings and succeeded cells are taken over instead of trained again. */
  reuse?: readonly ExperimentResults[];
}

const DEFAULT_RUN_DEADLINE_MS = 7 * 24 * 3600_000; // training on a laptop may take days; a deadline must still exist

const parseJson = (text: string | undefined): Record<string, unknown> => (text ? (JSON.parse(text) as Record<string, unknown>) : {});

/** The version ids of a pre-training's datasets, '+'-joined like its name (what --reuse compares). */
const joinedVersionIds = (data: readonly DatasetRef[]) => data.map((d) => d.versionId).join('+');

/**
 * Runs a plan against the services: resolves each dataset's latest version by name, pre-trains (one run after
 * another, followed with progress), then starts and follows every classifier run and collects its evaluation. A
 * failed pre-training ends the experiment (ExperimentError); a failed classifier run is recorded in its cell and
 * the others go on.
 */
export async function runExperiment(plan: ExperimentPlan, backend: ExperimentBackend, options: ExecuteOptions): Promise<ExperimentResults> {
  const startedAt = new Date().toISOString();
  const hooks = options.hooks ?? {};
  const runDeadlineMs = options.runDeadlineMs ?? DEFAULT_RUN_DEADLINE_MS;
  const { trainAlso, test } = crossCorpusNames(plan.protocol);
  const datasets = await resolveDatasets(backend.features, [
    plan.dataset,
    ...trainAlso,
    ...test,
    ...plan.pretraining.flatMap((p) => pretrainDatasetNames(p.datasetName)),
  ]);
  const versionIdOf = (name: string) => datasets.get(name)!.versionId;
  const versionsOf = (step: PretrainStep) => pretrainDatasetNames(step.datasetName).map((name) => datasets.get(name)!);
  const dataset = datasets.get(plan.dataset)!;
  if (test.length)
    assertSameClassNames(
      [dataset, ...trainAlso.map((n) => datasets.get(n)!)],
      test.map((n) => datasets.get(n)!),
    );
  hooks.onNote?.(
    `${test.length ? 'training' : 'evaluating'} on ${dataset.name} (version ${dataset.versionId}, ${dataset.utteranceCount} utterances, ${dataset.speakers} speakers)${test.length ? `, testing on ${test.join(', ')}` : ''}`,
  );
  const total = plan.pretraining.length + plan.classifierRuns.length;
  let index = 0;
  const label = (what: string) => `[${++index}/${total}] ${what}`;

  const earlier = options.reuse ?? [];
  const pretraining: PretrainResult[] = [];
  const cells: CellResult[] = [];
  const savePartial = async () => hooks.onPartialResults?.(collect(null));
  await reusedFirst(
    plan.pretraining.map((step) => ({ step, what: label(`pre-training on ${step.datasetName}`) })),
    ({ step }) => {
      const reused = reusablePretraining(step, joinedVersionIds(versionsOf(step)), earlier);
      return reused && { ...reused, reused: true };
    },
    ({ step, what }) => pretrain(step, versionsOf(step), backend, what, hooks, runDeadlineMs),
    (result) => pretraining.push(result),
    savePartial,
    hooks,
  );
  const cellSteps = plan.classifierRuns.map((step) => {
    const pretrained = step.pretrainKey ? pretraining.find((p) => p.key === step.pretrainKey) : undefined;
    if (step.pretrainKey && !pretrained)
      throw new Error(`plan ${plan.name}: cell ${step.row}/${step.column} needs pre-training '${step.pretrainKey}', which the plan lacks`);
    return {
      step,
      pretrained,
      what: label(`${plan.name} ${step.row} × ${step.column}`),
      config: withVersionIds(cellConfig(step, dataset, pretrained), versionIdOf),
    };
  });
  await reusedFirst(
    cellSteps,
    ({ step, config }) => reusableCell(step, config, earlier),
    ({ step, config, pretrained, what }) => classify(step, config, dataset, pretrained, backend, what, hooks, runDeadlineMs),
    (result) => cells.push(result),
    savePartial,
    hooks,
  );
  return collect(new Date().toISOString());

  function collect(finishedAt: string | null): ExperimentResults {
    return {
      experiment: plan.name,
      title: plan.title,
      command: options.command,
      startedAt,
      finishedAt,
      dataset,
      pretrainDatasets: [...new Set(plan.pretraining.flatMap((p) => pretrainDatasetNames(p.datasetName)))].map((name) => datasets.get(name)!),
      ...(test.length ? { crossCorpus: { trainAlso: trainAlso.map((n) => datasets.get(n)!), test: test.map((n) => datasets.get(n)!) } } : {}),
      protocol: plan.protocol,
      repeats: plan.repeats,
      seed: plan.seed,
      modelSize: plan.modelSize,
      rowHeading: plan.rowHeading,
      rows: plan.rows,
      columns: plan.columns,
      pretraining: [...pretraining],
      cells: [...cells],
      definitions: METRIC_DEFINITIONS,
    };
  }
}

/** A pre-trainer's Watch…Run RPC, bound to its client. */
type WatchRun = (runId: string, options: CallOptions) => Parameters<typeof followRun>[0];

/** The pre-trainer a step names; the VQ-VAE one is looked up first, so a backend without it fails before any run starts. */
function pretrainerOf(
  service: PretrainStep['service'],
  backend: ExperimentBackend,
): { kind: 'fop-pretrain' | 'vqvae-pretrain'; name: string; watch: WatchRun } {
  if (service === 'vqvae') {
    const client = vqvaeClient(backend);
    return { kind: 'vqvae-pretrain', name: 'vqvae-pretrainer', watch: (runId, options) => client.WatchVqvaePretrainRun({ runId }, options) };
  }
  return { kind: 'fop-pretrain', name: 'fop-pretrainer', watch: (runId, options) => backend.fop.WatchFopPretrainRun({ runId }, options) };
}

/** Starts a pre-training run on the step's pre-trainer, follows it with progress, and answers the checkpoint it hands on. */
async function pretrain(
  step: PretrainStep,
  data: readonly DatasetRef[],
  backend: ExperimentBackend,
  label: string,
  hooks: ExperimentHooks,
  deadlineMs: number,
): Promise<PretrainResult> {
  const pretrainer = pretrainerOf(step.service, backend);
  const runId = await startRun(backend, pretrainer.kind, {
    configJson: JSON.stringify(step.config),
    datasetVersionIds: data.map((d) => d.versionId),
    // No display_name: the fop-pretrainer stores it inside the config and its worker then rejects the config.
  }).catch((err: Error) => {
    throw new ExperimentError(`${label}: the ${pretrainer.name} refused the run: ${grpcMessage(err)}`);
  });
  hooks.onRunStart?.(label, runId, pretrainer.kind);
  const final = await followRun(pretrainer.watch(runId, deadlineIn(deadlineMs)), (p) =>
    hooks.onRunProgress?.(label, p.progress, p.message || (p.epoch ? `epoch ${p.epoch}/${p.totalEpochs}` : '')),
  );
  hooks.onRunEnd?.(label, whyNotSucceeded(final));
  if (!isSucceeded(final)) throw new ExperimentError(`${label}: pre-training run ${final.id} ${whyNotSucceeded(final)}`);
  return {
    key: step.key,
    datasetName: step.datasetName,
    datasetVersionId: joinedVersionIds(data),
    runId: final.id,
    checkpointId: await pretrainedCheckpointId(backend, final.id, step.service),
    config: step.config,
    resolvedConfig: parseJson(final.configJson),
    metrics: { ...final.metrics },
  };
}

/** The config a cell's run is started with: the plan's, the dataset version and the pre-trained checkpoint. */
function cellConfig(step: ClassifierStep, data: DatasetRef, pretrained: PretrainResult | undefined): Record<string, unknown> {
  // A sequence-model (TACN) run names its VQ-VAE checkpoint under its own key.
  const checkpointKey = step.config.method === 'sequence-model' ? 'vqvaeCheckpointId' : 'pretrainedCheckpointId';
  return { ...step.config, datasetVersionId: data.versionId, ...(pretrained ? { [checkpointKey]: pretrained.checkpointId } : {}) };
}

async function classify(
  step: ClassifierStep,
  config: Record<string, unknown>,
  data: DatasetRef,
  pretrained: PretrainResult | undefined,
  backend: ExperimentBackend,
  label: string,
  hooks: ExperimentHooks,
  deadlineMs: number,
): Promise<CellResult> {
  const cell: CellResult = {
    row: step.row,
    column: step.column,
    status: 'failed',
    runId: null,
    config,
    resolvedConfig: null,
    pretrainRunId: pretrained?.runId ?? null,
    checkpointId: pretrained?.checkpointId ?? null,
    protocol: null,
    labels: [],
    perRepeat: [],
    wa: null,
    ua: null,
    macroF1: null,
    confusion: null,
  };
  let final: Run__Output;
  const curves = new CurveRecorder();
  try {
    const request = {
      configJson: JSON.stringify(config),
      datasetVersionIds: [data.versionId],
      displayName: label,
      ...(step.modelName ? { modelName: step.modelName } : {}),
    };
    const runId = await startRun(backend, 'classifier', request);
    cell.runId = runId;
    hooks.onRunStart?.(label, runId, 'classifier');
    final = await followRun(backend.classifier.WatchClassifierRun({ runId }, deadlineIn(deadlineMs)), (p) => {
      curves.record(p);
      hooks.onRunProgress?.(label, p.progress, p.message);
    });
  } catch (err) {
    cell.error = `the classifier-trainer refused or lost the run: ${grpcMessage(err as Error)}`;
    hooks.onRunEnd?.(label, `failed: ${cell.error}`);
    return cell;
  }
  cell.resolvedConfig = parseJson(final.configJson);
  cell.curves = curves.curve;
  hooks.onRunEnd?.(label, whyNotSucceeded(final));
  if (!isSucceeded(final)) return { ...cell, error: `run ${final.id} ${whyNotSucceeded(final)}` };
  const { evaluation } = await callUnary(backend.classifier, 'GetClassifierRunEvaluation', { runId: final.id });
  const model = step.modelName && final.outputModel ? { model: { name: final.outputModel.name, version: Number(final.outputModel.version) } } : {};
  return { ...cell, status: 'succeeded', ...measuredCell(evaluation!), ...model };
}

/** The dataset names a cross-corpus protocol trains also and tests on (none for the other protocols). */
function crossCorpusNames(protocol: ExperimentPlan['protocol']): { trainAlso: string[]; test: string[] } {
  return protocol.kind === 'cross-corpus' ? { trainAlso: protocol.trainAlsoDatasets ?? [], test: protocol.testDatasets } : { trainAlso: [], test: [] };
}

/** Cross-corpus labels are matched by name: refused before any training when a class is on one side only. */
function assertSameClassNames(train: readonly DatasetRef[], test: readonly DatasetRef[]): void {
  const classes = (refs: readonly DatasetRef[]) => new Set(refs.flatMap((r) => Object.keys(r.classCounts).filter((c) => r.classCounts[c]! > 0)));
  const [trained, tested] = [classes(train), classes(test)];
  const missing = (from: Set<string>, where: Set<string>) => [...from].filter((c) => !where.has(c)).sort();
  const [notTrained, notTested] = [missing(tested, trained), missing(trained, tested)];
  if (notTrained.length + notTested.length === 0) return;
  const names = (refs: readonly DatasetRef[]) => refs.map((r) => `'${r.name}'`).join(' + ');
  throw new ExperimentError(
    `cross-corpus: labels are matched by name, and ${[
      ...(notTrained.length ? [`${names(test)} has classes ${notTrained.join(', ')} that ${names(train)} lacks`] : []),
      ...(notTested.length ? [`${names(train)} has classes ${notTested.join(', ')} that ${names(test)} lacks`] : []),
    ].join('; ')}: import the corpora with the same class names (e.g. RAVDESS as its 4 classes)`,
  );
}

/** A plan names a cross-corpus run's datasets; the run's config names their versions, like its own datasetVersionId. */
function withVersionIds(config: Record<string, unknown>, versionIdOf: (name: string) => string): Record<string, unknown> {
  const protocol = config.protocol as ExperimentPlan['protocol'] | undefined;
  if (protocol?.kind !== 'cross-corpus') return config;
  const trainAlso = protocol.trainAlsoDatasets?.map(versionIdOf);
  return { ...config, protocol: { ...protocol, testDatasets: protocol.testDatasets.map(versionIdOf), ...(trainAlso ? { trainAlsoDatasets: trainAlso } : {}) } };
}

/** A gRPC error's details without the "3 INVALID_ARGUMENT:" prefix. */
function grpcMessage(err: Error): string {
  return (err as { details?: string }).details || err.message;
}

/**
 * Takes over every reusable result first and saves the partial results at once, then trains the rest in plan order.
 * OUT is often the --reuse folder too: taking results over only when their turn came would drop them from
 * OUT/results.partial.json if the run were stopped again before that.
 */
async function reusedFirst<S extends { what: string }, R extends { runId: string | null }>(
  steps: readonly S[],
  findReused: (step: S) => R | undefined,
  train: (step: S) => Promise<R>,
  keep: (result: R) => void,
  savePartial: () => Promise<void>,
  hooks: ExperimentHooks,
): Promise<void> {
  const toTrain: S[] = [];
  for (const step of steps) {
    const reused = findReused(step);
    if (!reused) toTrain.push(step);
    else {
      hooks.onRunEnd?.(step.what, `reused run ${reused.runId}`);
      keep(reused);
    }
  }
  if (toTrain.length < steps.length) await savePartial();
  for (const step of toTrain) {
    keep(await train(step));
    await savePartial();
  }
}
