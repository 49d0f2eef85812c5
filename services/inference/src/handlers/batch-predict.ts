import {
  decodeFeatureData,
  type BatchPredictRequest__Output,
  type BatchPredictResponse,
  type FeatureServiceClient,
  type UtterancePrediction,
} from '@ser/contracts';
import { evaluate } from '@ser/evaluation';
import { deadlineIn, invalidArgument, iterateStream, notFound } from '@ser/grpc-kit';
import type { MetadataStore } from '@ser/store';
import type { ModelHost } from '../models/model-host';
import { recordPrediction, toPrediction } from './prediction';

const FEATURE_KINDS = { 'log-mel': 'FEATURE_KIND_LOG_MEL', 'spectrogram-segments': 'FEATURE_KIND_SPECTROGRAM_SEGMENTS' } as const;
const BATCH_DEADLINE_MS = 60 * 60_000;

/**
 * BatchPredict: every (or every listed) utterance of a dataset version through one model version, on the
 * features the features service stored for it (the trainer's own inputs). Streams a message per forward batch
 * with its predictions, and ends with WA and UA against the dataset's labels.
 */
export async function* batchPredict(
  deps: { host: ModelHost; store: MetadataStore; features: FeatureServiceClient; maxBatchSize: number },
  req: BatchPredictRequest__Output,
): AsyncGenerator<BatchPredictResponse> {
  if (!req.datasetVersionId) throw invalidArgument('dataset_version_id is required', [{ field: 'dataset_version_id', description: 'must not be empty' }]);
  const dataset = await deps.store.datasets.getVersion(req.datasetVersionId);
  if (!dataset) throw notFound('dataset version', req.datasetVersionId);
  const total = req.utteranceIds.length ? new Set(req.utteranceIds).size : dataset.utteranceCount;
  const lease = await deps.host.acquire(req.model);
  try {
    const { version } = lease;
    const call = deps.features.ReadFeatures(
      { datasetVersionId: req.datasetVersionId, kind: FEATURE_KINDS[version.model.featureKind], utteranceIds: req.utteranceIds },
      deadlineIn(BATCH_DEADLINE_MS),
    );
    const truth: string[] = [];
    const predicted: string[] = [];
    let done = 0;
    let pending: Array<{ id: string; label: string; hash: string; input: Float32Array }> = [];
    const flush = async (): Promise<BatchPredictResponse> => {
      const startedAt = performance.now();
      const probabilities = await version.forward(pending.map((p) => p.input));
      const predictions: UtterancePrediction[] = [];
      for (const [i, p] of pending.entries()) {
        const prediction = await recordPrediction(deps.store, version, toPrediction(version, probabilities[i]!, startedAt), {
          inputHash: p.hash,
          source: 'batch',
          optOut: req.recordOptOut,
        });
        predictions.push({ utteranceId: p.id, trueLabel: p.label, prediction });
        if (p.label) {
          truth.push(p.label);
          predicted.push(prediction.label!);
        }
      }
      done += pending.length;
      pending = [];
      return { done, total, predictions };
    };
    for await (const row of iterateStream(call)) {
      // Copied out of the message buffer, which the next message may reuse.
      pending.push({
        id: row.utterance!.id,
        label: row.utterance!.label,
        hash: row.utterance!.contentHash,
        input: decodeFeatureData(row.features!.data).slice(),
      });
      if (pending.length >= deps.maxBatchSize) yield await flush();
    }
    if (pending.length) yield await flush();
    // Labels the model does not know count as errors and as classes of their own (recall 0) in UA.
    const classes = [...version.model.labels, ...[...new Set(truth)].filter((l) => !version.model.labels.includes(l)).sort()];
    const report = truth.length ? evaluate(truth, predicted, classes) : null;
    yield { done, total, predictions: [], summary: { count: done, weightedAccuracy: report?.wa ?? 0, unweightedAccuracy: report?.ua ?? 0 } };
  } finally {
    lease.release();
  }
}
