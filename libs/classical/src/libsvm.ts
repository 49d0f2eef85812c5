import { createRequire } from 'node:module';

/** The part of libsvm-js's SVM class used here (the package ships no TypeScript types). */
export interface LibSvm {
  train(samples: number[][], labels: number[]): void;
  predict(samples: number[][]): number[];
  predictProbability(samples: number[][]): { prediction: number; estimates: { label: number; probability: number }[] }[];
  serializeModel(): string;
  free(): void;
}

export interface LibSvmConstructor {
  new (options: Record<string, unknown>): LibSvm;
  load(serialized: string): LibSvm;
  KERNEL_TYPES: { LINEAR: string; RBF: string; PRECOMPUTED: string };
  SVM_TYPES: { C_SVC: string };
}

// The asm build loads synchronously (the default wasm entry is a Promise) and is CommonJS, hence require.
const require = createRequire(import.meta.url);
export const LibSvmClass = require('libsvm-js/asm') as LibSvmConstructor;

/**
 * Class weights limited to the labels `y` holds. libsvm warns on stderr for every weighted label missing from the
 * training rows ("class label 0 specified in weight is not found"), which an inner search fold of training speakers
 * who never speak one emotion hits; the weight of an absent class changes nothing.
 */
export function weightsOfPresentLabels(weights: Record<number, number> | undefined, y: readonly number[]): Record<number, number> | undefined {
  if (!weights) return undefined;
  const present = new Set(y);
  return Object.fromEntries(Object.entries(weights).filter(([label]) => present.has(Number(label))));
}
