import type { Dataset, DatasetVersion, GetDatasetRequest__Output, GetDatasetResponse, ListDatasetsRequest__Output, ListDatasetsResponse } from '@ser/contracts';
import { invalidArgument, notFound } from '@ser/grpc-kit';
import { pageArgsFromRequest, pageResponse } from '@ser/runs';
import { formatToProto } from '../formats';
import type { DatasetVersion as StoredVersion, MetadataStore } from '@ser/store';

export function versionToProto(v: StoredVersion): DatasetVersion {
  return {
    id: v.id,
    datasetId: v.datasetName,
    name: v.datasetName,
    versionHash: v.version,
    format: formatToProto(v.format),
    sourceUri: v.sourceUri,
    utteranceCount: v.utteranceCount,
    classCounts: v.classCounts,
    speakerCounts: v.speakerCounts,
    labelMap: v.labelMap,
    createdAtMs: v.createdAt.getTime(),
  };
}

async function datasetToProto(store: MetadataStore, name: string, createdAt: Date): Promise<Dataset> {
  const versions = await store.datasets.listVersions(name, { first: 1 });
  const latest = versions.edges[0]?.node;
  return {
    id: name,
    name,
    format: latest ? versionToProto(latest).format : 'DATASET_FORMAT_UNSPECIFIED',
    sourceUri: latest?.sourceUri ?? '',
    latestVersion: latest ? versionToProto(latest) : null,
    versionCount: versions.totalCount,
    createdAtMs: createdAt.getTime(),
  };
}

export async function listDatasets(store: MetadataStore, req: ListDatasetsRequest__Output): Promise<ListDatasetsResponse> {
  const page = await store.datasets.list(pageArgsFromRequest(req.page));
  const datasets = await Promise.all(page.edges.map((e) => datasetToProto(store, e.node.name, e.node.createdAt)));
  return { datasets, page: pageResponse(page) };
}

/** By dataset id (its name): the dataset and its versions; by version id: that version too. */
export async function getDataset(store: MetadataStore, req: GetDatasetRequest__Output): Promise<GetDatasetResponse> {
  if (!req.datasetId && !req.datasetVersionId) {
    throw invalidArgument('dataset_id or dataset_version_id is required', [{ field: 'dataset_id', description: 'must not be empty' }]);
  }
  const version = req.datasetVersionId ? await store.datasets.getVersion(req.datasetVersionId) : null;
  if (req.datasetVersionId && !version) throw notFound('dataset version', req.datasetVersionId);
  const name = req.datasetId || version!.datasetName;
  const dataset = await store.datasets.get(name);
  if (!dataset) throw notFound('dataset', name);
  const versions = await store.datasets.listVersions(name, { first: 100 });
  return {
    dataset: await datasetToProto(store, name, dataset.createdAt),
    version: version ? versionToProto(version) : null,
    versions: versions.edges.map((e) => versionToProto(e.node)),
  };
}
