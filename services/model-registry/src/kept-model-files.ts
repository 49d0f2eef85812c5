// A registered version's card and kept-model files, read through the artifact store so the directory and the
// object store serve them alike.
import type { ArtifactStore } from '@ser/artifacts';
import type { DownloadModelArtifactResponse } from '@ser/contracts';
import { fileChunks, notFound } from '@ser/grpc-kit';
import { MODEL_CARD_JSON, readModelCard, renderModelCard } from '@ser/model-artifacts';
import { KEPT_MODEL_EXPORTS_FOLDER, keptModelFolderOf } from '@ser/onnx-export';
import type { ModelVersion } from '@ser/store';

/** The version's model card as JSON (as written) and as Markdown; NOT_FOUND for versions registered without one. */
export async function modelCardOf(artifacts: ArtifactStore, version: ModelVersion): Promise<{ cardJson: string; cardMarkdown: string }> {
  const card = await readModelCard(artifacts, version.artifactKey);
  if (!card) throw notFound(`model card (${MODEL_CARD_JSON}) of model ${version.modelName}`, String(version.version));
  return { cardJson: JSON.stringify(card, null, 2), cardMarkdown: renderModelCard(card) };
}

/** Every file of the kept model (its folder but the exports), in key order, each in chunks of at most @ser/grpc-kit's FILE_CHUNK_BYTES. */
export async function* keptModelChunks(artifacts: ArtifactStore, version: ModelVersion): AsyncGenerator<DownloadModelArtifactResponse> {
  const folder = keptModelFolderOf(version.artifactKey);
  const keys = (await artifacts.list(folder)).filter((key) => !key.startsWith(folder + KEPT_MODEL_EXPORTS_FOLDER));
  if (keys.length === 0) throw notFound(`kept-model files of model ${version.modelName}`, String(version.version));
  for (const key of keys) {
    const path = key.slice(folder.length);
    for (const chunk of fileChunks(await artifacts.get(key))) yield { path, ...chunk };
  }
}
