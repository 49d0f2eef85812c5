// FOP transfer by hypercolumns (FOP paper Table 2): the frozen pre-trained FOP's layers as features of an SVM,
// a random forest or an attention-LSTM.
import { asSavedTensors, prepareFopRun, resolveFopModel } from '../fop-prepare';
import type { ClassifierMethod } from '../method';
import { runHypercolumnJob } from './hypercolumn-job';

export const hypercolumnsMethod: ClassifierMethod<'fop-hypercolumns'> = {
  async lineage(store, config) {
    // The checkpoint's FOP is used as it is (the kept model's model.json records it): only checked here.
    const { pretrainRunId } = await resolveFopModel(store, config);
    return { checkpointId: config.pretrainedCheckpointId, runId: pretrainRunId ?? '', config };
  },
  prepare: (deps, config) => prepareFopRun(deps, config),
  run: ({ runId, config, data, artifacts }, events) =>
    runHypercolumnJob({ runId, config, ...data, pretrained: data.pretrained && asSavedTensors(data.pretrained), artifacts }, events),
};
