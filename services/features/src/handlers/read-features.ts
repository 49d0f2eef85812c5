import type { ArtifactStore } from '@ser/artifacts';
import type { ReadFeaturesRequest__Output, ReadFeaturesResponse } from '@ser/contracts';
import { invalidArgument, notFound } from '@ser/grpc-kit';
import type { MetadataStore, Utterance } from '@ser/store';
import { parseFeatureRef } from '../ingest/shard-writer';

interface StoredFeatures {
  'log-mel': string;
  tacn: string;
  dims: { 'log-mel': number; tacn: [number, number] };
}

const GENDERS = { female: 'GENDER_FEMALE', male: 'GENDER_MALE' } as const;

/** ReadFeatures: streams each utterance with its features, read from the shards by byte range. */
export async function* readFeatures(store: MetadataStore, artifacts: ArtifactStore, req: ReadFeaturesRequest__Output): AsyncGenerator<ReadFeaturesResponse> {
  if (!req.datasetVersionId) throw invalidArgument('dataset_version_id is required', [{ field: 'dataset_version_id', description: 'must not be empty' }]);
  const version = await store.datasets.getVersion(req.datasetVersionId);
  if (!version) throw notFound('dataset version', req.datasetVersionId);
  const wanted = req.utteranceIds.length ? new Set(req.utteranceIds) : null;
  const kind = req.kind === 'FEATURE_KIND_SPECTROGRAM_SEGMENTS' ? 'tacn' : 'log-mel';
  let after: string | undefined;
  let found = 0;
  do {
    const page = await store.datasets.listUtterances(version.id, { first: 200, after });
    for (const { node } of page.edges) {
      if (wanted && !wanted.has(node.utteranceId)) continue;
      found++;
      yield { utterance: utteranceToProto(node), features: await readOne(artifacts, node, kind) };
    }
    after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
  } while (after);
  if (wanted && found < wanted.size) throw notFound('utterances of dataset version', `${wanted.size - found} of ${wanted.size} requested`);
}

async function readOne(artifacts: ArtifactStore, u: Utterance, kind: 'log-mel' | 'tacn'): Promise<ReadFeaturesResponse['features']> {
  if (!u.featuresKey) throw notFound('features of utterance', u.utteranceId);
  const stored = JSON.parse(u.featuresKey) as StoredFeatures;
  const ref = parseFeatureRef(stored[kind]);
  // One range read per utterance: a file read on a directory, a ranged GET on object storage.
  const bytes = await artifacts.getRange(ref.shardKey, ref.byteOffset, ref.floats * 4);
  if (kind === 'log-mel') {
    const dims = stored.dims['log-mel'];
    return { kind: 'FEATURE_KIND_LOG_MEL', frames: ref.floats / dims, dims, segmentFrames: 0, data: bytes };
  }
  const [frames, bins] = stored.dims.tacn;
  return { kind: 'FEATURE_KIND_SPECTROGRAM_SEGMENTS', frames: ref.floats / bins, dims: bins, segmentFrames: frames, data: bytes };
}

function utteranceToProto(u: Utterance) {
  return {
    id: u.utteranceId,
    path: u.path,
    durationSeconds: u.durationS,
    label: u.label ?? '',
    speaker: u.speaker ?? '',
    session: u.session ?? '',
    gender: GENDERS[u.gender as keyof typeof GENDERS] ?? 'GENDER_UNSPECIFIED',
    contentHash: u.contentHash,
  };
}
