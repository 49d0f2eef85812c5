// Shared by the ONNX serving specs (onnx-runtime, onnx-runtime-classical): one kept model loaded the way inference
// serves it on TensorFlow.js and on ONNX Runtime, so a spec can compare the two answers.
import type { ArtifactStore } from '@ser/artifacts';
import { loadServableModel, type ServableModel } from '../models/model-kinds';

export interface BothRuntimes {
  tfjs: ServableModel;
  onnx: ServableModel;
}

/**
 * Loads the kept model at `key` under SER_INFERENCE_RUNTIME=tfjs, then =onnx (the variable is read at load), and puts
 * the variable back as it was. The caller disposes both.
 */
export async function loadBothRuntimes(artifacts: ArtifactStore, key: string): Promise<BothRuntimes> {
  const saved = process.env.SER_INFERENCE_RUNTIME;
  const loadOn = async (runtime: 'tfjs' | 'onnx') => {
    process.env.SER_INFERENCE_RUNTIME = runtime;
    return loadServableModel(artifacts, key);
  };
  try {
    const tfjs = await loadOn('tfjs');
    const onnx = await loadOn('onnx').catch((error: unknown) => {
      tfjs.dispose();
      throw error;
    });
    return { tfjs, onnx };
  } finally {
    if (saved === undefined) delete process.env.SER_INFERENCE_RUNTIME;
    else process.env.SER_INFERENCE_RUNTIME = saved;
  }
}
