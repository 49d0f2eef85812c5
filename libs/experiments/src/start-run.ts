import type { RunKind } from '@ser/events';
import { callUnary } from '@ser/grpc-kit';
import type { ExperimentBackend, StartRunRequest } from './backend';
import { vqvaeClient } from './checkpoint';

/**
 * Starts a run and answers its id: queued by the backend when it queues runs itself (trainers scaled to zero),
 * else through the trainer's Start RPC, whose errors reach the caller as they are.
 */
export async function startRun(backend: ExperimentBackend, kind: RunKind, request: StartRunRequest): Promise<string> {
  if (backend.queueRun) return backend.queueRun(kind, request);
  if (kind === 'classifier') return (await callUnary(backend.classifier, 'StartClassifierRun', request)).run!.id;
  if (kind === 'fop-pretrain') return (await callUnary(backend.fop, 'StartFopPretrainRun', request)).run!.id;
  return (await callUnary(vqvaeClient(backend), 'StartVqvaePretrainRun', request)).run!.id;
}

/**
 * Cancels a run of this experiment's (a stopped experiment's runs must not stay queued: the trainer would recover
 * them at its next start and train them ahead of the resumed experiment's own). Answers the status the trainer gives.
 */
export async function cancelRun(backend: ExperimentBackend, kind: RunKind, runId: string, reason: string, deadlineMs: number): Promise<string> {
  const request = { runId, reason };
  const options = { deadlineMs };
  const run =
    kind === 'classifier'
      ? (await callUnary(backend.classifier, 'CancelClassifierRun', request, options)).run
      : kind === 'fop-pretrain'
        ? (await callUnary(backend.fop, 'CancelFopPretrainRun', request, options)).run
        : (await callUnary(vqvaeClient(backend), 'CancelVqvaePretrainRun', request, options)).run;
  return run?.status ?? 'unknown';
}
