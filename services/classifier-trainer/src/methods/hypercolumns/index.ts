// FOP transfer by hypercolumns (FOP paper Table 2): the frozen pre-trained FOP's layers as features of an SVM,
// a random forest or an attention-LSTM.
import { asSavedTensors, prepareFopRun } from '../fop-prepare';
import type { ClassifierMethod } from '../method';
import { runHypercolumnJob } from './hypercolumn-job';

export const hypercolumnsMethod: ClassifierMethod<'fop-hypercolumns'> = {
  prepare: (deps, config) => prepareFopRun(deps, config),
  run: ({ runId, config, data, artifacts }, events) =>
    runHypercolumnJob({ runId, config, ...data, pretrained: data.pretrained && asSavedTensors(data.pretrained), artifacts }, events),
};
