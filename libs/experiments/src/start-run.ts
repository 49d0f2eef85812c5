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
