// The model a hypercolumn run keeps for serving, self-contained under models/<runId>/ (@ser/model-artifacts'
// hypercolumn*ModelSchema say what each field means):
//   fop.safetensors            the frozen FOP's weights (the pre-training checkpoint's, output layer included; with
//                              no checkpoint, representation F only, seeded random weights that F never reads)
//   attentionLstm.safetensors  the attention-LSTM's weights (attention-LSTM runs only)
//   model.json                 written last, so it only exists beside complete weights: the classes, the FOP config,
//                              the representation, and either the pooling and the SVM / forest (its integer labels
//                              index `classes`) or the attention-LSTM's config, frame count and z-scoring
import type { ArtifactStore } from '@ser/artifacts';
import type { ClassicalModelJson, StandardizerState } from '@ser/classical';
import { writeKeptModel } from '@ser/model-artifacts';
import { saveVariables, type AttentionLstm, type FopConfig, type SavedTensors } from '@ser/models';
import type { HypercolumnRunConfig } from '../../run/classifier-config';
import { modelPrefix } from '../../run/job-events';

export interface KeptModelContext {
  runId: string;
  config: HypercolumnRunConfig;
  fopConfig: FopConfig;
  pretrained: SavedTensors;
  classes: string[];
  artifacts: ArtifactStore;
}

export type KeptClassifier =
  { kind: 'classical'; classifier: ClassicalModelJson } | { kind: 'attention-lstm'; model: AttentionLstm; standardizer: StandardizerState; bestEpoch: number };

/** Writes models/<runId>/… (see above) and returns the prefix. */
export async function saveHypercolumnModel(ctx: KeptModelContext, kept: KeptClassifier): Promise<string> {
  const prefix = modelPrefix(ctx.runId);
  const base = {
    classes: ctx.classes,
    fop: { config: ctx.fopConfig, weights: ctx.pretrained },
    representation: ctx.config.representation,
    lineage: { runId: ctx.runId, datasetVersionId: ctx.config.datasetVersionId, pretrainedCheckpointId: ctx.config.pretrainedCheckpointId ?? null },
  };
  await writeKeptModel(
    ctx.artifacts,
    prefix,
    kept.kind === 'classical'
      ? { kind: 'fop-hypercolumn-classical', ...base, pooling: ctx.config.pooling, classifier: kept.classifier }
      : {
          kind: 'fop-hypercolumn-attention-lstm',
          ...base,
          maxFrames: ctx.config.attentionLstm.maxFrames,
          standardizer: kept.standardizer,
          attentionLstm: { config: kept.model.config, weights: saveVariables(kept.model.variables) },
          bestEpoch: kept.bestEpoch,
        },
  );
  return prefix;
}
