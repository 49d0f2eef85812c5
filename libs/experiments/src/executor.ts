import type { Run__Output } from '@ser/contracts';
import { callUnary, deadlineIn } from '@ser/grpc-kit';
import type { ExperimentBackend } from './backend';
import { pretrainedCheckpointId, vqvaeClient } from './checkpoint';
import { CurveRecorder } from './curves';
import { resolveDatasets, type DatasetRef } from './datasets';
import { ExperimentError } from './errors';
import { pretrainDatasetNames, type ClassifierStep, type ExperimentPlan, type PretrainStep } from './plan';
import { reusableCell, reusablePretraining } from './reuse';
import { measuredCell, METRIC_DEFINITIONS, type CellResult, type ExperimentResults, type PretrainResult } from './results';
import { followRun, isSucceeded, whyNotSucceeded } from './watch';

/** How an experiment reports what it is doing; labels name the run ("[2/4] pre-training on urdu"). */
export interface ExperimentHooks {
  onNote?(line: string): void;
  /** A run was started (not reused): its label and the id its service gave it. */
  onRunStart?(label: string, runId: string): void;
  onRunProgress?(label: string, fraction: number, note: string): void;
  onRunEnd?(label: string, outcome: string): void;
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
  const datasets = await resolveDatasets(backend.features, [plan.dataset, ...plan.pretraining.flatMap((p) => pretrainDatasetNames(p.datasetName))]);
  const versionsOf = (step: PretrainStep) => pretrainDatasetNames(step.datasetName).map((name) => datasets.get(name)!);
  const dataset = datasets.get(plan.dataset)!;
  hooks.onNote?.(`evaluating on ${dataset.name} (version ${dataset.versionId}, ${dataset.utteranceCount} utterances, ${dataset.speakers} speakers)`);
  const total = plan.pretraining.length + plan.classifierRuns.length;
  let index = 0;
  const label = (what: string) => `[${++index}/${total}] ${what}`;

  const earlier = options.reuse ?? [];
  const pretraining: PretrainResult[] = [];
  for (const step of plan.pretraining) {
    const what = label(`pre-training on ${step.datasetName}`);
    const reused = reusablePretraining(step, joinedVersionIds(versionsOf(step)), earlier);
    if (reused) hooks.onRunEnd?.(what, `reused run ${reused.runId}`);
    pretraining.push(reused ? { ...reused, reused: true } : await pretrain(step, versionsOf(step), backend, what, hooks, runDeadlineMs));
  }
  const cells: CellResult[] = [];
  for (const step of plan.classifierRuns) {
    const pretrained = step.pretrainKey ? pretraining.find((p) => p.key === step.pretrainKey) : undefined;
    if (step.pretrainKey && !pretrained) throw new Error(`plan ${plan.name}: cell ${step.row}/${step.column} needs pre-training '${step.pretrainKey}', which the plan lacks`);
    const what = label(`${plan.name} ${step.row} × ${step.column}`);
    const reused = reusableCell(step, cellConfig(step, dataset, pretrained), earlier);
    if (reused) hooks.onRunEnd?.(what, `reused run ${reused.runId}`);
    cells.push(reused ?? (await classify(step, dataset, pretrained, backend, what, hooks, runDeadlineMs)));
  }
  return {
    experiment: plan.name,
    title: plan.title,
    command: options.command,
    startedAt,
    finishedAt: new Date().toISOString(),
    dataset,
    pretrainDatasets: [...new Set(plan.pretraining.flatMap((p) => pretrainDatasetNames(p.datasetName)))].map((name) => datasets.get(name)!),
    protocol: plan.protocol,
    repeats: plan.repeats,
    seed: plan.seed,
    modelSize: plan.modelSize,
    rowHeading: plan.rowHeading,
    rows: plan.rows,
    columns: plan.columns,
    pretraining,
    cells,
    definitions: METRIC_DEFINITIONS,
  };
}

/** Starts and follows a VQ-VAE pre-training run (TACN experiments); its final run message. */
async function pretrainVqvae(step: PretrainStep, data: readonly DatasetRef[], backend: ExperimentBackend, label: string, hooks: ExperimentHooks, deadlineMs: number): Promise<Run__Output> {
  const client = vqvaeClient(backend);
  const { run } = await callUnary(client, 'StartVqvaePretrainRun', { configJson: JSON.stringify(step.config), datasetVersionIds: data.map((d) => d.versionId) }).catch((err: Error) => {
    throw new ExperimentError(`${label}: the vqvae-pretrainer refused the run: ${grpcMessage(err)}`);
  });
  hooks.onRunStart?.(label, run!.id);
  return followRun(client.WatchVqvaePretrainRun({ runId: run!.id }, deadlineIn(deadlineMs)), (p) => hooks.onRunProgress?.(label, p.progress, p.message || (p.epoch ? `epoch ${p.epoch}/${p.totalEpochs}` : '')));
}

async function pretrain(step: PretrainStep, data: readonly DatasetRef[], backend: ExperimentBackend, label: string, hooks: ExperimentHooks, deadlineMs: number): Promise<PretrainResult> {
  const final = step.service === 'vqvae' ? await pretrainVqvae(step, data, backend, label, hooks, deadlineMs) : await pretrainFop(step, data, backend, label, hooks, deadlineMs);
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

async function pretrainFop(step: PretrainStep, data: readonly DatasetRef[], backend: ExperimentBackend, label: string, hooks: ExperimentHooks, deadlineMs: number): Promise<Run__Output> {
  const { run } = await callUnary(backend.fop, 'StartFopPretrainRun', {
    configJson: JSON.stringify(step.config),
    datasetVersionIds: data.map((d) => d.versionId),
    // No display_name: the fop-pretrainer stores it inside the config and its worker then rejects the config.
  }).catch((err: Error) => {
    throw new ExperimentError(`${label}: the fop-pretrainer refused the run: ${grpcMessage(err)}`);
  });
  hooks.onRunStart?.(label, run!.id);
  return followRun(backend.fop.WatchFopPretrainRun({ runId: run!.id }, deadlineIn(deadlineMs)), (p) =>
    hooks.onRunProgress?.(label, p.progress, p.message || (p.epoch ? `epoch ${p.epoch}/${p.totalEpochs}` : '')),
  );
}

/** The config a cell's run is started with: the plan's, the dataset version and the pre-trained checkpoint. */
function cellConfig(step: ClassifierStep, data: DatasetRef, pretrained: PretrainResult | undefined): Record<string, unknown> {
  // A sequence-model (TACN) run names its VQ-VAE checkpoint under its own key.
  const checkpointKey = step.config.method === 'sequence-model' ? 'vqvaeCheckpointId' : 'pretrainedCheckpointId';
  return { ...step.config, datasetVersionId: data.versionId, ...(pretrained ? { [checkpointKey]: pretrained.checkpointId } : {}) };
}

async function classify(
  step: ClassifierStep,
  data: DatasetRef,
  pretrained: PretrainResult | undefined,
  backend: ExperimentBackend,
  label: string,
  hooks: ExperimentHooks,
  deadlineMs: number,
): Promise<CellResult> {
  const config = cellConfig(step, data, pretrained);
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
    const request = { configJson: JSON.stringify(config), datasetVersionIds: [data.versionId], displayName: label, ...(step.modelName ? { modelName: step.modelName } : {}) };
    const { run } = await callUnary(backend.classifier, 'StartClassifierRun', request);
    cell.runId = run!.id;
    hooks.onRunStart?.(label, run!.id);
    final = await followRun(backend.classifier.WatchClassifierRun({ runId: run!.id }, deadlineIn(deadlineMs)), (p) => {
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

/** A gRPC error's details without the "3 INVALID_ARGUMENT:" prefix. */
function grpcMessage(err: Error): string {
  return (err as { details?: string }).details || err.message;
}
