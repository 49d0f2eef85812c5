// The trainable network of a sequence-model run: CNN over each 32x129 segment (its deep representation), the
// fusion layer with the frozen VQ-VAE's latent (features 'fusion'), and the sequence model over an utterance's
// segments. Built from a resolved config (stored in model.json), so the kept model can be rebuilt exactly; the
// network itself (createSequenceNetwork) lives in @ser/models, shared with the inference service.
import {
  DEFAULT_CNN_CONFIG,
  DEFAULT_FUSION_CONFIG,
  DEFAULT_RNN_CONFIG,
  DEFAULT_TACN_MODEL_CONFIG,
  DEFAULT_TCN_CONFIG,
  type CnnConfig,
  type FusionConfig,
  type SequenceNetworkConfig,
} from '@ser/models';
import type { SequenceModelRunConfig } from '../../run/classifier-config';

export { createSequenceNetwork, padSequences, type SequenceNetwork, type SequenceNetworkConfig } from '@ser/models';

const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The network config a run trains: the model library's defaults under the run's `model` sizes. */
export function resolveNetworkConfig(config: SequenceModelRunConfig, numClasses: number, latentUnits: number | null): SequenceNetworkConfig {
  const m = config.model;
  const layers = m.cnnFilters ? m.cnnFilters.map((filters, i) => ({ filters, kernel: DEFAULT_CNN_CONFIG.layers[i]!.kernel })) : DEFAULT_CNN_CONFIG.layers;
  const cnn: CnnConfig = { ...DEFAULT_CNN_CONFIG, ...defined({ representationUnits: m.representationUnits, dropout: m.dropout }), layers };
  const fusion: FusionConfig | null =
    config.features === 'fusion'
      ? { ...DEFAULT_FUSION_CONFIG, deepUnits: cnn.representationUnits, latentUnits: latentUnits!, ...defined({ outputUnits: m.fusionUnits }) }
      : null;
  const inputUnits = fusion ? fusion.outputUnits : cnn.representationUnits;
  const common = { inputUnits, numClasses, ...defined({ dropout: m.dropout }) };
  let classifier: Record<string, unknown>;
  if (config.sequenceModel === 'tacn')
    classifier = { ...DEFAULT_TACN_MODEL_CONFIG, ...common, ...defined({ channels: m.channels, layers: m.layers, numHeads: m.numHeads }) };
  else if (config.sequenceModel === 'tcn') classifier = { ...DEFAULT_TCN_CONFIG, ...common, ...defined({ channels: m.channels, levels: m.layers }) };
  else classifier = { ...DEFAULT_RNN_CONFIG, ...common, variant: config.sequenceModel, ...defined({ units: m.rnnUnits }) };
  return { sequenceModel: config.sequenceModel, cnn, fusion, classifier };
}
