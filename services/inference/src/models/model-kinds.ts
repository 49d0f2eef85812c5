import type { ArtifactStore } from '@ser/artifacts';
import { failedPrecondition } from '@ser/grpc-kit';
import { readKeptModel, UnknownKeptModelKindError, type KeptModel, type KeptModelKind, type KeptModelOfKind } from '@ser/model-artifacts';
import type { FrontEndSpec } from '../audio/front-ends';
import { inferenceRuntime, loadOnnxServable, servedByOnnx } from './onnx-runtime';

/** Which stored features a model reads (BatchPredict asks the features service for this kind). */
export type ModelFeatureKind = 'log-mel' | 'spectrogram-segments';

/** A model ready to serve: its classes, its front end, and a batched forward pass. */
export interface ServableModel {
  /** model.json `kind`. */
  readonly kind: KeptModelKind;
  /** Class labels in output order. */
  readonly labels: readonly string[];
  readonly featureKind: ModelFeatureKind;
  /** Its front end as data: what a front-end worker thread builds to compute featurize's features off the event loop. */
  readonly frontEnd: FrontEndSpec;
  /** The features the model was trained on, from 16 kHz mono samples in [-1, 1]: frontEndOf(frontEnd). */
  featurize(samples: Float32Array): Float32Array;
  /** Class probabilities of each input (as featurize returns them, any lengths), one row per input; ONNX Runtime answers async. */
  predict(inputs: readonly Float32Array[]): number[][] | Promise<number[][]>;
  dispose(): void;
}

/** Builds a servable model of one kind from the files under `artifactKey` (model.json already read and checked). */
export type ModelLoader<K extends KeptModelKind = KeptModelKind> = (
  artifacts: ArtifactStore,
  artifactKey: string,
  model: KeptModelOfKind<K>,
) => Promise<ServableModel>;

const loaders = new Map<KeptModelKind, ModelLoader>();

/**
 * Registers how to load one model.json kind. Each model family adds its own (fop-classifier here; hypercolumn
 * and TACN models from their owners), so the host never branches on kinds.
 */
export function registerModelKind<K extends KeptModelKind>(kind: K, loader: ModelLoader<K>): void {
  loaders.set(kind, (artifacts, artifactKey, model) => {
    // The map forgets which kind each loader takes; this check restores it.
    if (model.kind !== kind) throw new Error(`the ${kind} loader was handed a ${model.kind} model`);
    return loader(artifacts, artifactKey, model as KeptModelOfKind<K>);
  });
}

export const registeredModelKinds = (): string[] => [...loaders.keys()].sort();

/** Reads `<artifactKey>/model.json` (any format version, @ser/model-artifacts) and hands it to the loader of its kind. */
export async function loadServableModel(artifacts: ArtifactStore, artifactKey: string): Promise<ServableModel> {
  const unsupported = (kind: string) =>
    failedPrecondition(`model kind '${kind}' cannot be served (known: ${registeredModelKinds().join(', ')})`, 'MODEL_KIND_UNSUPPORTED', { kind });
  let model: KeptModel;
  try {
    model = await readKeptModel(artifacts, artifactKey);
  } catch (err) {
    throw err instanceof UnknownKeptModelKindError ? unsupported(err.kind) : err;
  }
  if (servedByOnnx(model, inferenceRuntime())) return loadOnnxServable(artifacts, artifactKey, model);
  const loader = loaders.get(model.kind);
  if (!loader) throw unsupported(model.kind);
  return loader(artifacts, artifactKey, model);
}
