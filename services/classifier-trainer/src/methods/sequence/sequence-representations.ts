// The per-utterance representations a sequence-model run keeps of its first repeat's test utterances (the CNN's
// deep one, and the fused one for 'fusion' runs, each the mean over the utterance's segments): the TACN paper's
// t-SNE figure compares them. Stored beside the evaluation as `representations/<runId>.json`.
import * as tf from '@tensorflow/tfjs';
import type { ArtifactStore } from '@ser/artifacts';
import type { EvaluationItem } from '@ser/evaluation';
import { chunked } from '@ser/models';
import { latentBatch, segmentBatch } from './sequence-segments';
import type { SequenceData } from './sequence-fold';
import type { SequenceNetwork } from './sequence-network';

export const representationsKey = (runId: string) => `representations/${runId}.json`;

export interface UtteranceRepresentation {
  utteranceId: string;
  label: string;
  deep: number[];
  /** Absent for 'deep' runs. */
  fused?: number[];
}

export interface StoredRepresentations {
  runId: string;
  features: 'deep' | 'fusion';
  /** The repeat they come from (0: the first). */
  repeat: number;
  utterances: UtteranceRepresentation[];
}

// 6 significant digits: float32 carries ~7, and the file stays a third the size of full doubles.
const compact = (row: number[]) => row.map((v) => Number(v.toPrecision(6)));

/** Representations of `items` (at `rows` of the data), in batches of `batchSize` utterances. */
export function representSequences(
  network: SequenceNetwork,
  data: SequenceData,
  items: readonly EvaluationItem[],
  rows: readonly number[],
  batchSize: number,
): UtteranceRepresentation[] {
  const out: UtteranceRepresentation[] = [];
  for (const chunk of chunked(
    rows.map((_, i) => i),
    batchSize,
  )) {
    const batchRows = chunk.map((i) => rows[i]!);
    let deep: number[][] = [];
    let fused: number[][] | null = null;
    tf.tidy(() => {
      const { segments, lengths } = segmentBatch(data.sequences, batchRows, data.shape, data.stats);
      const latent = data.latents ? latentBatch(data.latents, batchRows, data.latentUnits!) : undefined;
      const r = network.represent(segments, lengths, latent);
      deep = r.deep.arraySync();
      fused = r.fused?.arraySync() ?? null;
    });
    chunk.forEach((i, j) => {
      const item = items[i]!;
      const fusedRow = (fused as number[][] | null)?.[j];
      out.push({ utteranceId: item.utteranceId, label: item.label, deep: compact(deep[j]!), ...(fusedRow ? { fused: compact(fusedRow) } : {}) });
    });
  }
  return out;
}

export async function saveRepresentations(artifacts: ArtifactStore, stored: StoredRepresentations): Promise<void> {
  await artifacts.put(representationsKey(stored.runId), Buffer.from(JSON.stringify(stored)));
}
