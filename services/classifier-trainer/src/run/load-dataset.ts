import { decodeFeatureData, type FeatureServiceClient } from '@ser/contracts';
import type { EvaluationItem } from '@ser/evaluation';
import { deadlineIn, iterateStream } from '@ser/grpc-kit';
import type { MetadataStore, Utterance } from '@ser/store';

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
  store: MetadataStore,
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
