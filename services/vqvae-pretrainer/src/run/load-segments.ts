import { decodeFeatureData, type FeatureServiceClient } from '@ser/contracts';
import { deadlineIn, iterateStream } from '@ser/grpc-kit';

export interface Segments {
  /** Row-major [count, frames, bins]: every segment of every utterance, in a stable order. */
  data: Float32Array;
  count: number;
  frames: number;
  bins: number;
}

/** Every spectrogram segment of the given dataset versions, read from the features service (labels ignored). */
export async function loadSegments(features: FeatureServiceClient, datasetVersionIds: string[]): Promise<Segments> {
  const parts: Float32Array[] = [];
  let shape: [number, number] | undefined;
  for (const datasetVersionId of datasetVersionIds) {
    const call = features.ReadFeatures({ datasetVersionId, kind: 'FEATURE_KIND_SPECTROGRAM_SEGMENTS' }, deadlineIn(30 * 60_000));
    for await (const row of iterateStream(call)) {
      const m = row.features!;
      shape ??= [m.segmentFrames, m.dims];
      if (m.segmentFrames !== shape[0] || m.dims !== shape[1]) throw new Error(`segments of ${m.segmentFrames}x${m.dims} mixed with ${shape[0]}x${shape[1]}`);
      parts.push(decodeFeatureData(m.data));
    }
  }
  if (!shape || parts.length === 0) throw new Error('the datasets hold no segments');
  const data = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    data.set(p, offset);
    offset += p.length;
  }
  return { data, count: data.length / (shape[0] * shape[1]), frames: shape[0], bins: shape[1] };
}
