// Shared by the front-end specs (predict-stream, front-end-pool): a small FOP classifier with seeded weights and a
// one-thread front-end pool, set up once per spec file, and the gRPC error a call fails with.
import { afterAll, beforeAll, expect } from 'vitest';
import { GrpcError, readErrorDetails } from '@ser/grpc-kit';
import { createLogger, type Logger } from '@ser/logging';
import { createFop, createFopClassifier, saveVariables } from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';
import { fopClassifierFromWeights } from '../models/fop-classifier';
import type { ServableModel } from '../models/model-kinds';
import { FrontEndPool } from '../workers/front-end-pool';

export const WORKER_START_MS = 120_000; // a worker compiles its TypeScript; slow on a busy machine

/** A 4-class FOP classifier (dModel 32, 2 layers) with seeded weights, loaded the way inference loads kept weights. */
function seededFopClassifier(): ServableModel {
  const fop = createFop({ dModel: 32, numHeads: 4, ffnUnits: 64, numLayers: 2 }, 3);
  const classifier = createFopClassifier(fop, 4, 4);
  const model = fopClassifierFromWeights({ fop: fop.config, classes: ['angry', 'happy', 'neutral', 'sad'] }, saveVariables(classifier.variables));
  classifier.dispose();
  fop.dispose();
  return model;
}

export interface SeededFrontEnd {
  logger: Logger;
  model: ServableModel;
  pool: FrontEndPool;
}

/**
 * Registers the spec file's beforeAll/afterAll: the seeded classifier and a started one-thread pool, disposed and
 * closed at the end. The fields are set once beforeAll has run, so read them inside the tests.
 */
export function useSeededFrontEnd(loggerName: string): SeededFrontEnd {
  const setup = { logger: createLogger(loggerName, { level: 'silent' }) } as SeededFrontEnd;
  beforeAll(async () => {
    await initTfjs();
    setup.model = seededFopClassifier();
    setup.pool = new FrontEndPool(1, setup.logger);
    await setup.pool.ready();
  }, WORKER_START_MS);
  afterAll(async () => {
    setup.model?.dispose();
    await setup.pool?.close();
  });
  return setup;
}

/** The gRPC error a promise fails with: code, message and rich details (reason, metadata, violations), as a client sees them. */
export async function grpcFailureOf(promise: Promise<unknown>) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GrpcError);
  const grpc = err as GrpcError;
  return { code: grpc.code, details: grpc.details, rich: readErrorDetails(grpc) };
}
