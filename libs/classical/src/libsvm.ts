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
