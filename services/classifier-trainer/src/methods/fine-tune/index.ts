// FOP fine-tuning (FOP paper Table 1): the whole FOP, from a pre-training checkpoint or from scratch, under a
// softmax head, per fold with early stopping.
import { asSavedTensors, prepareFopRun } from '../fop-prepare';
import type { ClassifierMethod } from '../method';
import { runFineTuneJob } from './fine-tune-job';

export const fineTuneMethod: ClassifierMethod<'fop-fine-tune'> = {
  prepare: (deps, config) => prepareFopRun(deps, config),
  run: ({ runId, config, data, artifacts }, events) =>
    runFineTuneJob({ runId, config, ...data, pretrained: data.pretrained && asSavedTensors(data.pretrained), artifacts }, events),
};
