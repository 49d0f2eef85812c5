import type { ArtifactStore } from '@ser/artifacts';
import { failedPrecondition } from '@ser/grpc-kit';

/** Which stored features a model reads (BatchPredict asks the features service for this kind). */
export type ModelFeatureKind = 'log-mel' | 'spectrogram-segments';

/** A model ready to serve: its classes, its front end, and a batched forward pass. */
export interface ServableModel {
  /** model.json `kind`. */
  readonly kind: string;
  /** Class labels in output order. */
  readonly labels: readonly string[];
  readonly featureKind: ModelFeatureKind;
  /** The features the model was trained on, from 16 kHz mono samples in [-1, 1]. */
  featurize(samples: Float32Array): Float32Array;
  /** Class probabilities of each input (as featurize returns them, any lengths), one row per input. */
  predict(inputs: readonly Float32Array[]): number[][];
  dispose(): void;
}

/** The parsed model.json beside the weights: `kind` picks the loader, the rest is the loader's business. */
export interface ModelManifest {
  kind: string;
  [key: string]: unknown;
}

/** Builds a servable model from the files under `artifactKey` (model.json already parsed). */
export type ModelLoader = (artifacts: ArtifactStore, artifactKey: string, manifest: ModelManifest) => Promise<ServableModel>;

const loaders = new Map<string, ModelLoader>();

/**
 * Registers how to load one model.json kind. Each model family adds its own (fop-classifier here; hypercolumn
 * and TACN models from their owners), so the host never branches on kinds.
 */
export function registerModelKind(kind: string, loader: ModelLoader): void {
  loaders.set(kind, loader);
}

export const registeredModelKinds = (): string[] => [...loaders.keys()].sort();

/** Reads `<artifactKey>/model.json` and hands it to the loader of its kind. */
export async function loadServableModel(artifacts: ArtifactStore, artifactKey: string): Promise<ServableModel> {
  const manifest = JSON.parse((await artifacts.get(`${artifactKey}/model.json`)).toString('utf8')) as ModelManifest;
  const loader = loaders.get(manifest.kind);
  if (!loader) {
    throw failedPrecondition(`model kind '${manifest.kind}' cannot be served (known: ${registeredModelKinds().join(', ')})`, 'MODEL_KIND_UNSUPPORTED', { kind: String(manifest.kind) });
  }
  return loader(artifacts, artifactKey, manifest);
}
