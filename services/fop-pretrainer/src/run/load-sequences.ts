import { decodeFeatureData, type FeatureServiceClient } from '@ser/contracts';
import { deadlineIn, iterateStream } from '@ser/grpc-kit';

/** Every utterance's log-mel features of the given dataset versions, read from the features service. */
export async function loadSequences(features: FeatureServiceClient, datasetVersionIds: string[]): Promise<Float32Array[]> {
  const sequences: Float32Array[] = [];
  for (const datasetVersionId of datasetVersionIds) {
    const call = features.ReadFeatures({ datasetVersionId, kind: 'FEATURE_KIND_LOG_MEL' }, deadlineIn(30 * 60_000));
    for await (const row of iterateStream(call)) {
      // Copy out of the message buffer: the worker takes these by transfer.
      sequences.push(decodeFeatureData(row.features!.data).slice());
    }
  }
  return sequences;
}
