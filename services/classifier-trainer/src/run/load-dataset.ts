import { decodeFeatureData, type FeatureServiceClient } from '@ser/contracts';
import { assertSameClasses, type EvaluationItem, type EvaluationProtocol } from '@ser/evaluation';
import { deadlineIn, iterateStream } from '@ser/grpc-kit';
import type { ReadOnlyStore, Utterance } from '@ser/store';

export interface LabelledDataset {
  items: EvaluationItem[];
  /** Log-mel features [frames * nMels] of each item, same order. */
  sequences: Float32Array[];
  /** Sorted class names present in the dataset version. */
  classes: string[];
}

/**
 * The labelled utterances of a dataset version (labels, speakers, sessions from the store) with their log-mel
 * features from the features service. Unlabelled utterances are left out; a missing speaker becomes its own
 * "unknown" speaker, so speaker-independent protocols still keep it on one side.
 */
export async function loadLabelledDataset(
  store: ReadOnlyStore,
  features: FeatureServiceClient,
  datasetVersionId: string,
  // Sequence-model runs read the 32x129 spectrogram segments ([segments * frames * bins] per item) instead.
  kind: 'FEATURE_KIND_LOG_MEL' | 'FEATURE_KIND_SPECTROGRAM_SEGMENTS' = 'FEATURE_KIND_LOG_MEL',
): Promise<LabelledDataset> {
  const utterances: Utterance[] = [];
  let after: string | null = null;
  do {
    const page = await store.datasets.listUtterances(datasetVersionId, { first: 1000, after });
    utterances.push(...page.edges.map((e) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  const labelled = utterances.filter((u): u is Utterance & { label: string } => !!u.label);
  if (labelled.length === 0) throw new Error(`dataset version ${datasetVersionId} has no labelled utterances`);

  const wanted = new Set(labelled.map((u) => u.utteranceId));
  const byId = new Map<string, Float32Array>();
  // All of the version (the request stays small however many utterances it has); unlabelled rows are skipped.
  const call = features.ReadFeatures({ datasetVersionId, kind }, deadlineIn(30 * 60_000));
  for await (const row of iterateStream(call)) {
    if (!wanted.has(row.utterance!.id)) continue;
    // Copy out of the message buffer: the worker takes these by transfer.
    byId.set(row.utterance!.id, decodeFeatureData(row.features!.data).slice());
  }
  const items: EvaluationItem[] = [];
  const sequences: Float32Array[] = [];
  for (const u of labelled) {
    const sequence = byId.get(u.utteranceId);
    if (!sequence) throw new Error(`no ${kind} features for utterance ${u.utteranceId}`);
    items.push({ utteranceId: u.utteranceId, label: u.label, speaker: u.speaker ?? 'unknown', session: u.session ?? '' });
    sequences.push(sequence);
  }
  const classes = [...new Set(items.map((i) => i.label))].sort();
  if (classes.length < 2) throw new Error(`dataset version ${datasetVersionId} has ${classes.length} class; a classifier needs 2 or more`);
  return { items, sequences, classes };
}

/** The dataset versions a cross-corpus run tests on; none for the other protocols. */
export const testVersionIds = (protocol: EvaluationProtocol): string[] => (protocol.kind === 'cross-corpus' ? protocol.testDatasets : []);

/**
 * The labelled data of a run: its dataset version, or (cross-corpus) every version it trains and tests on, each item
 * tagged with its version so the protocol can tell the corpora apart. Classes are the union, matched by name; a
 * class on one side only is refused here too, before any feature is extracted.
 */
export async function loadRunDataset(
  store: ReadOnlyStore,
  features: FeatureServiceClient,
  versionIds: readonly string[],
  kind: 'FEATURE_KIND_LOG_MEL' | 'FEATURE_KIND_SPECTROGRAM_SEGMENTS' = 'FEATURE_KIND_LOG_MEL',
  testVersionIds: readonly string[] = [],
): Promise<LabelledDataset> {
  if (versionIds.length === 1) return loadLabelledDataset(store, features, versionIds[0]!, kind);
  const parts = [];
  for (const id of versionIds) parts.push({ id, data: await loadLabelledDataset(store, features, id, kind) });
  const items = parts.flatMap(({ id, data }) => data.items.map((item) => ({ ...item, dataset: id })));
  const isTest = new Set(testVersionIds);
  assertSameClasses(
    items.filter((i) => !isTest.has(i.dataset)),
    items.filter((i) => isTest.has(i.dataset)),
  );
  return { items, sequences: parts.flatMap(({ data }) => data.sequences), classes: [...new Set(items.map((i) => i.label))].sort() };
}
