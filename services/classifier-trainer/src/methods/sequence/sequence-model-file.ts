// The model a sequence-model run keeps for serving, self-contained under models/<runId>/ (the schema, with what
// each field means, is @ser/model-artifacts' sequenceModelSchema):
//   weights.safetensors  the trained network's variables, names `cnn.*`, `fusion.*`, `classifier.*`
//   vqvae.safetensors    the frozen VQ-VAE's weights as the latents were taken (after fold fine-tuning), 'fusion' only
//   model.json           written last, so it only exists beside complete weights: the classes, the front end
//                        (segments), the z-scoring, the network config (createSequenceNetwork + loadVariables) and
//                        the VQ-VAE's config and input z-scoring (createVqvae + loadVariables, then latent(segments))
import type { ArtifactStore } from '@ser/artifacts';
import type { StandardizerState } from '@ser/classical';
import { writeKeptModel } from '@ser/model-artifacts';
import { saveVariables, type SavedTensors } from '@ser/models';
import type { SequenceModelRunConfig } from '../../run/classifier-config';
import { modelPrefix } from '../../run/job-events';
import type { SequenceNetwork } from './sequence-network';
import type { SegmentShape } from './sequence-segments';
import type { VqvaeSource } from './sequence-vqvae';

export interface KeptSequenceModel {
  runId: string;
  config: SequenceModelRunConfig;
  classes: string[];
  shape: SegmentShape;
  standardizer: StandardizerState;
  network: SequenceNetwork;
  bestEpoch: number;
  /** 'fusion' runs: the VQ-VAE source and the weights its latents came from. */
  vqvae?: { source: VqvaeSource; weights: SavedTensors };
}

/** Writes models/<runId>/… (see above) and returns the prefix. */
export async function saveSequenceModel(artifacts: ArtifactStore, kept: KeptSequenceModel): Promise<string> {
  const prefix = modelPrefix(kept.runId);
  await writeKeptModel(artifacts, prefix, {
    kind: 'sequence-model',
    classes: kept.classes,
    sequenceModel: kept.config.sequenceModel,
    features: kept.config.features,
    segments: { ...kept.shape, hopSamples: kept.config.segmentHop, maxSegments: kept.config.maxSegments },
    standardizer: kept.standardizer,
    network: kept.network.config,
    weights: saveVariables(kept.network.variables),
    vqvae: kept.vqvae ? { config: kept.vqvae.source.config, normalisation: kept.vqvae.source.normalisation, weights: kept.vqvae.weights } : null,
    bestEpoch: kept.bestEpoch,
    lineage: { runId: kept.runId, datasetVersionId: kept.config.datasetVersionId, vqvaeCheckpointId: kept.config.vqvaeCheckpointId ?? null },
  });
  return prefix;
}
