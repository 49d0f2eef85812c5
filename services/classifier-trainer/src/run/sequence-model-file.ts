// The model a sequence-model run keeps for serving, self-contained under models/<runId>/:
//   weights.bin   the trained network's variables (float32 LE), names `cnn.*`, `fusion.*`, `classifier.*`
//   vqvae.bin     the frozen VQ-VAE's weights as the latents were taken (after fold fine-tuning), 'fusion' only
//   model.json    written last, so it only exists beside complete weights:
//     kind          'sequence-model'
//     classes       class names in output order
//     sequenceModel 'tacn' | 'tcn' | 'simple-rnn' | 'gru' | 'bigru' | 'lstm' | 'bilstm'
//     features      'deep' | 'fusion'
//     segments      { frames, bins, hopSamples, maxSegments }: @ser/audio createTacnFrontEnd({ segmentHopSamples:
//                   hopSamples }) of 16 kHz audio, the whole utterance (maxSegments: the training windows' length)
//     standardizer  { mean, std } per bin, (x - mean) / std before the CNN
//     network       SequenceNetworkConfig: { sequenceModel, cnn: CnnConfig, fusion: FusionConfig | null,
//                   classifier: TacnModelConfig | TcnConfig | RnnConfig } -> createSequenceNetwork + loadVariables
//     weights       { file: 'weights.bin', manifest }
//     vqvae         null, or { config: VqvaeConfig, normalisation { mean, std } per bin (its own input z-scoring),
//                   weights { file: 'vqvae.bin', manifest } }: createVqvae(config) + loadVariables, then
//                   model.latent(segments) gives the fusion layer's latent input
//     bestEpoch, lineage { runId, datasetVersionId, vqvaeCheckpointId }
import type { ArtifactStore } from '@ser/artifacts';
import type { StandardizerState } from '@ser/classical';
import { saveVariables, type SavedTensors } from '@ser/models';
import type { SequenceModelRunConfig } from './classifier-config';
import { modelPrefix } from './fine-tune-job';
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
  const { data, manifest } = saveVariables(kept.network.variables);
  await artifacts.put(`${prefix}/weights.bin`, data);
  if (kept.vqvae) await artifacts.put(`${prefix}/vqvae.bin`, kept.vqvae.weights.data);
  const meta = {
    kind: 'sequence-model',
    classes: kept.classes,
    sequenceModel: kept.config.sequenceModel,
    features: kept.config.features,
    segments: { ...kept.shape, hopSamples: kept.config.segmentHop, maxSegments: kept.config.maxSegments },
    standardizer: kept.standardizer,
    network: kept.network.config,
    weights: { file: 'weights.bin', manifest },
    vqvae: kept.vqvae ? { config: kept.vqvae.source.config, normalisation: kept.vqvae.source.normalisation, weights: { file: 'vqvae.bin', manifest: kept.vqvae.weights.manifest } } : null,
    bestEpoch: kept.bestEpoch,
    lineage: { runId: kept.runId, datasetVersionId: kept.config.datasetVersionId, vqvaeCheckpointId: kept.config.vqvaeCheckpointId ?? null },
  };
  await artifacts.put(`${prefix}/model.json`, Buffer.from(JSON.stringify(meta, null, 2)));
  return prefix;
}
