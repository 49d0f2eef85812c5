// The start-time checks of a cross-corpus classifier run (issue 13): every dataset it names exists and the training
// and test corpora hold the same class names, so a mislabelled import fails when the run is queued, not hours later.
import { DomainError, invalidArgument } from '@ser/grpc-kit';
import type { ReadOnlyStore } from '@ser/store';
import type { ClassifierRunConfig } from './classifier-config';

/** Every dataset version a run reads: its own, then (cross-corpus) the ones also trained on and the test ones. */
export function runDatasetVersionIds(config: Pick<ClassifierRunConfig, 'datasetVersionId' | 'protocol'>): string[] {
  const p = config.protocol;
  return p.kind === 'cross-corpus' ? [config.datasetVersionId, ...(p.trainAlsoDatasets ?? []), ...p.testDatasets] : [config.datasetVersionId];
}

/** NOT_FOUND for an unknown version; INVALID_ARGUMENT when a test dataset is also trained on or the classes differ. */
export async function checkCrossCorpus(store: ReadOnlyStore, config: Pick<ClassifierRunConfig, 'datasetVersionId' | 'protocol'>): Promise<void> {
  const p = config.protocol;
  if (p.kind !== 'cross-corpus') return;
  const field = 'config_json.protocol';
  if (p.testDatasets.includes(config.datasetVersionId))
    throw invalidArgument(`cross-corpus: dataset version '${config.datasetVersionId}' is both trained and tested on`, [
      { field, description: 'a test dataset is never trained on' },
    ]);
  const classes = async (ids: readonly string[]) => {
    const names = new Set<string>();
    for (const id of ids) {
      const version = await store.datasets.getVersion(id);
      if (!version) throw new DomainError('NOT_FOUND', `dataset version '${id}' not found`, { violations: [{ field, description: id }] });
      for (const [name, count] of Object.entries(version.classCounts)) if (count > 0) names.add(name);
    }
    return names;
  };
  const train = await classes([config.datasetVersionId, ...(p.trainAlsoDatasets ?? [])]);
  const test = await classes(p.testDatasets);
  const onlyTrain = [...train].filter((c) => !test.has(c)).sort();
  const onlyTest = [...test].filter((c) => !train.has(c)).sort();
  if (onlyTrain.length + onlyTest.length === 0) return;
  const parts = [
    ...(onlyTest.length ? [`test classes ${onlyTest.join(', ')} are missing from the training data`] : []),
    ...(onlyTrain.length ? [`training classes ${onlyTrain.join(', ')} are missing from the test data`] : []),
  ];
  throw invalidArgument(`cross-corpus: labels are matched by name and ${parts.join('; ')}`, [{ field, description: 'the same class names on both sides' }]);
}
