// Which ONNX Runtime execution provider serves: SER_INFERENCE_ONNX_PROVIDER=cpu (the default) or cuda. onnxruntime-node
// ships CPU binaries only unless it was installed with ONNXRUNTIME_NODE_INSTALL=cuda12 on a machine with CUDA 12, so
// asking for cuda where it cannot load falls back to the CPU provider and says so once: a GPU node without the CUDA
// build still serves, and the log tells the operator why it is slow.
import * as ort from 'onnxruntime-node';
import { envChoice } from '@ser/config';

export const ONNX_PROVIDERS = ['cpu', 'cuda'] as const;
export type OnnxProvider = (typeof ONNX_PROVIDERS)[number];

/** SER_INFERENCE_ONNX_PROVIDER, cpu when unset; any other value is a configuration error. */
export const onnxProvider = (env: NodeJS.ProcessEnv = process.env): OnnxProvider => envChoice('SER_INFERENCE_ONNX_PROVIDER', ONNX_PROVIDERS, 'cpu', env);

export interface OnnxSession {
  session: ort.InferenceSession;
  /** The provider that serves: the one asked for, or cpu after a fallback. */
  provider: OnnxProvider;
}

let warnedFallback = false;

/** A session on the asked provider; cuda that cannot start falls back to cpu with one warning per process. */
export async function createOnnxSession(
  model: Uint8Array,
  provider: OnnxProvider = onnxProvider(),
  warn: (message: string) => void = (m) => process.emitWarning(m, 'OnnxProviderFallback'),
): Promise<OnnxSession> {
  if (provider === 'cpu') return { session: await ort.InferenceSession.create(model, { executionProviders: ['cpu'] }), provider };
  try {
    return { session: await ort.InferenceSession.create(model, { executionProviders: [provider] }), provider };
  } catch (err) {
    if (!warnedFallback) {
      warnedFallback = true;
      warn(
        `SER_INFERENCE_ONNX_PROVIDER=${provider}: ONNX Runtime could not start it (${(err as Error).message.split('\n')[0]}); ` +
          'serving on the CPU provider. The CUDA provider needs onnxruntime-node installed with ONNXRUNTIME_NODE_INSTALL=cuda12 and CUDA 12 libraries.',
      );
    }
    return { session: await ort.InferenceSession.create(model, { executionProviders: ['cpu'] }), provider: 'cpu' };
  }
}
