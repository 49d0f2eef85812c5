import type { ReadUtteranceAudioRequest__Output, ReadUtteranceAudioResponse } from '@ser/contracts';
import { fileChunks, invalidArgument, notFound } from '@ser/grpc-kit';
import type { MetadataStore } from '@ser/store';
import { readCorpusFile, type CorpusSources } from '../ingest/corpus-file';

/**
 * ReadUtteranceAudio: the audio file of one stored utterance, read from its version's corpus source by this
 * service, which owns corpora (the gateway, predicting on a dataset utterance, never touches the corpus itself).
 */
export async function* readUtteranceAudio(
  store: MetadataStore,
  sources: CorpusSources,
  req: ReadUtteranceAudioRequest__Output,
): AsyncGenerator<ReadUtteranceAudioResponse> {
  const violations = Object.entries({ dataset_version_id: req.datasetVersionId, utterance_id: req.utteranceId })
    .filter(([, value]) => !value)
    .map(([field]) => ({ field, description: 'must not be empty' }));
  if (violations.length) throw invalidArgument(`${violations.map((v) => v.field).join(' and ')} required`, violations);
  const version = await store.datasets.getVersion(req.datasetVersionId);
  if (!version) throw notFound('dataset version', req.datasetVersionId);
  const utterance = await store.datasets.findUtterance(version.id, req.utteranceId);
  if (!utterance) throw notFound(`utterance of dataset version ${version.id}`, req.utteranceId);
  const audio = await readCorpusFile(sources, version.sourceUri, utterance.path);
  for (const chunk of fileChunks(audio)) yield { path: utterance.path, ...chunk };
}
