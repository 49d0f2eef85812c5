// FOP fine-tuning (FOP paper Table 1): the whole FOP, from a pre-training checkpoint or from scratch, under a
// softmax head, per fold with early stopping.
import { asSavedTensors, prepareFopRun, resolveFopModel } from '../fop-prepare';
import type { ClassifierMethod } from '../method';
import { runFineTuneJob } from './fine-tune-job';

export const fineTuneMethod: ClassifierMethod<'fop-fine-tune'> = {
  async lineage(store, config) {
    const { fopConfig, pretrainRunId } = await resolveFopModel(store, config);
    // The resolved model is saved with the run, so what was trained never depends on later defaults.
    return { checkpointId: config.pretrainedCheckpointId ?? '', runId: pretrainRunId ?? '', config: { ...config, model: { ...fopConfig } } };
  },
  prepare: (deps, config) => prepareFopRun(deps, config),
  run: ({ runId, config, data, artifacts }, events) =>
    runFineTuneJob({ runId, config, ...data, pretrained: data.pretrained && asSavedTensors(data.pretrained), artifacts }, events),
};
