import type { DatasetVersion__Output, FeatureServiceClient } from '@ser/contracts';
import { callUnary } from '@ser/grpc-kit';
import { ExperimentError } from './errors';

/** The dataset version an experiment used, as results.json records it. */
export interface DatasetRef {
  name: string;
  datasetId: string;
  versionId: string;
  versionHash: string;
  utteranceCount: number;
  classCounts: Record<string, number>;
  speakers: number;
}

function toRef(v: DatasetVersion__Output): DatasetRef {
  return {
    name: v.name,
    datasetId: v.datasetId,
    versionId: v.id,
    versionHash: v.versionHash,
    utteranceCount: v.utteranceCount,
    classCounts: { ...v.classCounts },
    speakers: Object.keys(v.speakerCounts).length,
  };
}

/** Every registered dataset name with its latest version, walking the pages of ListDatasets. */
async function latestVersions(features: FeatureServiceClient): Promise<Map<string, DatasetVersion__Output | null>> {
  const found = new Map<string, DatasetVersion__Output | null>();
  let pageToken = '';
  do {
    const res = await callUnary(features, 'ListDatasets', { page: { pageSize: 100, pageToken } });
    for (const d of res.datasets) found.set(d.name, d.latestVersion ?? null);
    pageToken = res.page?.nextPageToken ?? '';
  } while (pageToken);
  return found;
}

/**
 * The latest version of each named dataset (an experiment always reads a fixed version, recorded with it).
 * Unknown names fail with one message naming them all, the registered ones, and how to import a corpus.
 */
export async function resolveDatasets(features: FeatureServiceClient, names: readonly string[]): Promise<Map<string, DatasetRef>> {
  const all = await latestVersions(features);
  const out = new Map<string, DatasetRef>();
  const missing: string[] = [];
  for (const name of new Set(names)) {
    const version = all.get(name);
    if (version) out.set(name, toRef(version));
    else missing.push(name);
  }
  if (missing.length > 0) {
    const known = [...all.keys()].sort();
    throw new ExperimentError(
      `unknown dataset${missing.length > 1 ? 's' : ''} ${missing.map((n) => `'${n}'`).join(', ')}: ` +
        `registered datasets are ${known.length ? known.map((n) => `'${n}'`).join(', ') : 'none'}; ` +
        `import a corpus first with 'ser corpus import --format F --name N DIR'`,
    );
  }
  return out;
}
