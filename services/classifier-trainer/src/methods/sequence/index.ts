// Sequence models (TACN paper Tables 1 and 2): a CNN over spectrogram segments, optionally fused with a frozen
// pre-trained VQ-VAE's latents, and a TACN or baseline sequence model, trained end to end per fold.
import { asSavedTensors } from '../fop-prepare';
import type { ClassifierMethod } from '../method';
import { runSequenceJob } from './sequence-job';
import { prepareSequenceRun } from './sequence-prepare';

export const sequenceMethod: ClassifierMethod<'sequence-model'> = {
  prepare: (deps, config) => prepareSequenceRun(deps, config),
  run: ({ runId, config, data, artifacts }, events) =>
    runSequenceJob({ runId, config, ...data, vqvae: data.vqvae && { ...data.vqvae, weights: asSavedTensors(data.vqvae.weights) }, artifacts }, events),
};
