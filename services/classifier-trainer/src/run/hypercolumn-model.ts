// The model a hypercolumn run keeps for serving, self-contained under models/<runId>/:
//   fop.bin       the frozen FOP's weights (the pre-training checkpoint's, output layer included), float32 LE
//   weights.bin   the attention-LSTM's weights (attention-LSTM runs only), float32 LE
//   model.json    written last, so it only exists beside complete weights:
//     kind            'fop-hypercolumn-classical' | 'fop-hypercolumn-attention-lstm'
//     classes         class names in output order
//     fop             { config: FopConfig, weights: { file: 'fop.bin', manifest } }
//     representation  'F' | 'h1' | 'h2' | 'add' | 'concat' (hypercolumn-extract.ts says what each is)
//     classical:      pooling 'mean' (over all frames), classifier: ClassicalModelJson of @ser/classical
//                     (loadClassicalClassifier; an SVM z-scores inside with its training statistics, a forest
//                     needs no scaling); its integer labels are indexes into `classes`
//     attention-LSTM: maxFrames (the frames it trained on per utterance; it classifies whole utterances),
//                     standardizer { mean, std } per frame feature (x - mean) / std, applied before the LSTM,
//                     attentionLstm { config: AttentionLstmConfig, weights: { file: 'weights.bin', manifest } }
//                     (createAttentionLstm(config) + loadVariables), bestEpoch
//     lineage         { runId, datasetVersionId, pretrainedCheckpointId }
import type { ArtifactStore } from '@ser/artifacts';
import type { ClassicalModelJson, StandardizerState } from '@ser/classical';
import { saveVariables, type AttentionLstm, type FopConfig, type SavedTensors } from '@ser/models';
import type { HypercolumnRunConfig } from './classifier-config';
import { modelPrefix } from './fine-tune-job';

export interface KeptModelContext {
  runId: string;
  config: HypercolumnRunConfig;
  fopConfig: FopConfig;
  pretrained: SavedTensors;
  classes: string[];
  artifacts: ArtifactStore;
}

export type KeptClassifier =
  | { kind: 'classical'; classifier: ClassicalModelJson }
  | { kind: 'attention-lstm'; model: AttentionLstm; standardizer: StandardizerState; bestEpoch: number };

/** Writes models/<runId>/… (see above) and returns the prefix. */
export async function saveHypercolumnModel(ctx: KeptModelContext, kept: KeptClassifier): Promise<string> {
  const prefix = modelPrefix(ctx.runId);
  await ctx.artifacts.put(`${prefix}/fop.bin`, ctx.pretrained.data);
  const base = {
    classes: ctx.classes,
    fop: { config: ctx.fopConfig, weights: { file: 'fop.bin', manifest: ctx.pretrained.manifest } },
    representation: ctx.config.representation,
    lineage: { runId: ctx.runId, datasetVersionId: ctx.config.datasetVersionId, pretrainedCheckpointId: ctx.config.pretrainedCheckpointId },
  };
  let meta: Record<string, unknown>;
  if (kept.kind === 'classical') {
    meta = { kind: 'fop-hypercolumn-classical', ...base, pooling: 'mean', classifier: kept.classifier };
  } else {
    const { data, manifest } = saveVariables(kept.model.variables);
    await ctx.artifacts.put(`${prefix}/weights.bin`, data);
    meta = {
      kind: 'fop-hypercolumn-attention-lstm',
      ...base,
      maxFrames: ctx.config.attentionLstm.maxFrames,
      standardizer: kept.standardizer,
      attentionLstm: { config: kept.model.config, weights: { file: 'weights.bin', manifest } },
      bestEpoch: kept.bestEpoch,
    };
  }
  await ctx.artifacts.put(`${prefix}/model.json`, Buffer.from(JSON.stringify(meta, null, 2)));
  return prefix;
}
