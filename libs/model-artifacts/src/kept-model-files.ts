// models/<run>/: model.json and the safetensors weight files it names. The only code that writes or reads them.
import type { ArtifactStore } from '@ser/artifacts';
import type { SavedTensors } from '@ser/models';
import { keptModelSchema, type KeptModel } from './kept-model-schema';
import { KeptModelFormatError, parseKeptModel } from './parse-kept-model';
import { decodeWeightsFile, encodeWeightsFile, type WeightsRef } from './weights-file';

export const KEPT_MODEL_FILE = 'model.json';

/** A kept model as a writer hands it over: every weights reference is the tensors themselves. */
type WithTensors<T> = T extends WeightsRef ? SavedTensors : T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]: WithTensors<T[K]> } : T;
type DraftOf<M> = M extends unknown ? Omit<WithTensors<M>, 'formatVersion'> : never;
export type KeptModelDraft = DraftOf<KeptModel>;

const isSavedTensors = (v: unknown): v is SavedTensors =>
  typeof v === 'object' && v !== null && Buffer.isBuffer((v as SavedTensors).data) && Array.isArray((v as SavedTensors).manifest);

/** `weights` -> weights.safetensors, `fop.weights` -> fop.safetensors, `vqvae.weights` -> vqvae.safetensors. */
const fileNameOf = (path: readonly string[]) => `${path.filter((p) => p !== 'weights').join('-') || 'weights'}.safetensors`;

/**
 * Writes `<prefix>/<name>.safetensors` for each set of tensors in the draft, then `<prefix>/model.json` naming
 * them, last, so a model.json only ever exists beside complete weights. The result is checked against the schema
 * before anything is written: a writer cannot store what the readers would refuse.
 */
export async function writeKeptModel(artifacts: ArtifactStore, prefix: string, draft: KeptModelDraft): Promise<KeptModel> {
  const files: Array<{ file: string; saved: SavedTensors }> = [];
  const replaceTensors = (value: unknown, path: string[]): unknown => {
    if (isSavedTensors(value)) {
      const file = fileNameOf(path);
      if (files.some((f) => f.file === file)) throw new Error(`two weight sets map to ${file}`);
      files.push({ file, saved: value });
      return { file, format: 'safetensors', manifest: value.manifest.map((e) => ({ name: e.name, shape: [...e.shape], dtype: e.dtype })) };
    }
    if (Array.isArray(value) || typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceTensors(v, [...path, k])]));
  };
  const model = keptModelSchema.parse({ formatVersion: 2, ...(replaceTensors(draft, []) as object) });
  for (const { file, saved } of files) await artifacts.put(`${prefix}/${file}`, encodeWeightsFile(saved, { kind: model.kind }));
  await artifacts.put(`${prefix}/${KEPT_MODEL_FILE}`, Buffer.from(JSON.stringify(model, null, 2)));
  return model;
}

/** `<prefix>/model.json` in the current format, whatever version wrote it (KeptModelFormatError when unreadable). */
export async function readKeptModel(artifacts: ArtifactStore, prefix: string): Promise<KeptModel> {
  const text = (await artifacts.get(`${prefix}/${KEPT_MODEL_FILE}`)).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new KeptModelFormatError(`${prefix}/${KEPT_MODEL_FILE} is not JSON: ${(err as Error).message}`);
  }
  return parseKeptModel(json);
}

/** The tensors of one weights file model.json names, ready for @ser/models loadVariables. */
export async function readKeptWeights(artifacts: ArtifactStore, prefix: string, ref: WeightsRef): Promise<SavedTensors> {
  return decodeWeightsFile(await artifacts.get(`${prefix}/${ref.file}`), ref);
}
