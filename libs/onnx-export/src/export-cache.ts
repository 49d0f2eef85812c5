// Where a kept model's ONNX export is kept once made: the model registry writes it on the first download
// (`<artifactKey>/exports/<version id>.onnx`), and the inference service reads it instead of converting again: the
// conversion grows with the model, e.g. a log-mel baseline's 100-tree forest took about 1 s grown on 1,440 rows
// (RAVDESS's size) and 4 s on 5,000, on a busy 2-core machine. Kept models never change after registration, so neither does their export;
// several files there are exports of one and the same kept model, differing only in the version their metadata names.
import type { ArtifactStore } from '@ser/artifacts';

/** The sub-folder of a kept model's folder that holds its exports: derived files, not part of the kept model. */
export const KEPT_MODEL_EXPORTS_FOLDER = 'exports/';

/** The kept model's folder, with one trailing slash (a plain prefix would also match `models/run10/`). */
export const keptModelFolderOf = (artifactKey: string): string => `${artifactKey.replace(/\/+$/, '')}/`;

/**
 * Where the export of version `versionId` of the kept model at `artifactKey` is kept: `<artifactKey>/exports/<versionId>.onnx`.
 * Keyed by version id, not by folder alone, because the file names its version in its metadata and two versions may
 * be registered over one folder.
 */
export const keptOnnxExportKey = (artifactKey: string, versionId: string): string =>
  `${keptModelFolderOf(artifactKey)}${KEPT_MODEL_EXPORTS_FOLDER}${versionId}.onnx`;

/** An ONNX export kept beside the kept model at `artifactKey`, or null when none has been made. */
export async function keptOnnxExport(artifacts: ArtifactStore, artifactKey: string): Promise<Buffer | null> {
  const folder = keptModelFolderOf(artifactKey) + KEPT_MODEL_EXPORTS_FOLDER;
  const key = (await artifacts.list(folder)).find((k) => k.endsWith('.onnx'));
  return key ? artifacts.get(key) : null;
}
