// A registered version's card and kept-model files, read through the artifact store so the directory and the
// object store serve them alike.
import type { ArtifactStore } from '@ser/artifacts';
import type { DownloadModelArtifactResponse } from '@ser/contracts';
import { FILE_CHUNK_BYTES, fileChunks, notFound } from '@ser/grpc-kit';
import { MODEL_CARD_JSON, readModelCard, renderModelCard } from '@ser/model-artifacts';
import { KEPT_MODEL_EXPORTS_FOLDER, keptModelFolderOf } from '@ser/onnx-export';
import type { ModelVersion } from '@ser/store';

/** Largest chunk DownloadModelArtifact sends: far under gRPC's 4 MiB default message limit. */
export const DOWNLOAD_CHUNK_BYTES = FILE_CHUNK_BYTES;

/** The version's model card as JSON (as written) and as Markdown; NOT_FOUND for versions registered without one. */
export async function modelCardOf(artifacts: ArtifactStore, version: ModelVersion): Promise<{ cardJson: string; cardMarkdown: string }> {
  const card = await readModelCard(artifacts, version.artifactKey);
  if (!card) throw notFound(`model card (${MODEL_CARD_JSON}) of model ${version.modelName}`, String(version.version));
  return { cardJson: JSON.stringify(card, null, 2), cardMarkdown: renderModelCard(card) };
}

/** The kept model's folder, with one trailing slash (a plain prefix would also match `models/run10/`). */
export const keptModelFolder = (version: ModelVersion): string => keptModelFolderOf(version.artifactKey);

/** Sub-folder of a kept model holding its exports (model-exports.ts): derived files, not part of the kept model. */
export const EXPORTS_FOLDER = KEPT_MODEL_EXPORTS_FOLDER;

/** Every file of the kept model (its folder but the exports), in key order, each in chunks of at most DOWNLOAD_CHUNK_BYTES. */
export async function* keptModelChunks(artifacts: ArtifactStore, version: ModelVersion): AsyncGenerator<DownloadModelArtifactResponse> {
  const folder = keptModelFolder(version);
  const keys = (await artifacts.list(folder)).filter((key) => !key.startsWith(folder + EXPORTS_FOLDER));
  if (keys.length === 0) throw notFound(`kept-model files of model ${version.modelName}`, String(version.version));
  for (const key of keys) {
    const path = key.slice(folder.length);
    for (const chunk of fileChunks(await artifacts.get(key))) yield { path, ...chunk };
  }
}
