// The recurrent baselines of the TACN paper: SimpleRNN, GRU, BiGRU, LSTM, BiLSTM over per-segment feature
// vectors, classifying from the final state (forwards: the last real segment; backwards: the first).
import * as tf from '@tensorflow/tfjs';
import { createDense, dense } from './layers/dense';
import { dropout } from './layers/dropout';
import { createRecurrentCell, runRecurrent, type CellKind, type RecurrentCellParams } from './layers/recurrent';
import { VariableFactory, disposeVariables } from './layers/variables';
import { dropoutSeedsFor, type SequenceClassifier } from './tcn';

export type RnnVariant = 'simple-rnn' | 'gru' | 'bigru' | 'lstm' | 'bilstm';

export interface RnnConfig {
  variant: RnnVariant;
  inputUnits: number;
  units: number;
  layers: number;
  dropout: number;
  numClasses: number;
}

export const DEFAULT_RNN_CONFIG: RnnConfig = {
  variant: 'lstm',
  inputUnits: 256, // DEFAULT_FUSION_CONFIG.outputUnits: the fused segment features
  units: 128, // 128: hidden units per direction, project choice
  layers: 1, // 1: one recurrent layer, project choice
  dropout: 0.2, // 0.2: between layers and before the head, project choice
  numClasses: 4, // IEMOCAP's 4 classes (angry, happy+excited, sad, neutral)
};

const CELL: Record<RnnVariant, CellKind> = { 'simple-rnn': 'simple', gru: 'gru', bigru: 'gru', lstm: 'lstm', bilstm: 'lstm' };
const isBidirectional = (v: RnnVariant) => v === 'bigru' || v === 'bilstm';

interface RnnLayerParams {
  forward: RecurrentCellParams;
  backward?: RecurrentCellParams;
}

export function createRnnClassifier(overrides: Partial<RnnConfig> = {}, seed = 0): SequenceClassifier<RnnConfig> {
  const config: RnnConfig = { ...DEFAULT_RNN_CONFIG, ...overrides };
  tf.util.assert(config.variant in CELL, () => `unknown RNN variant '${config.variant}'`);
  const kind = CELL[config.variant];
  const directions = isBidirectional(config.variant) ? 2 : 1;
  const factory = new VariableFactory(config.variant, seed);
  const layers: RnnLayerParams[] = Array.from({ length: config.layers }, (_, i) => {
    const inUnits = i === 0 ? config.inputUnits : directions * config.units;
    return {
      forward: createRecurrentCell(factory, `layer${i}.forward`, kind, inUnits, config.units),
      backward: directions === 2 ? createRecurrentCell(factory, `layer${i}.backward`, kind, inUnits, config.units) : undefined,
    };
  });
  const head = createDense(factory, 'head', directions * config.units, config.numClasses);

  return {
    config,
    variables: factory.variables,
    forward: (x, options) =>
      tf.tidy(() => {
        tf.util.assert(x.shape[2] === config.inputUnits, () => `${config.variant} expects ${config.inputUnits} features per segment, got ${x.shape[2]}`);
        const seeds = dropoutSeedsFor(options);
        let h: tf.Tensor3D = x;
        let finals: tf.Tensor2D[] = [];
        layers.forEach((layer, i) => {
          if (i > 0) h = dropout(h, config.dropout, seeds);
          const fw = runRecurrent(layer.forward, h, { lengths: options.lengths });
          const bw = layer.backward ? runRecurrent(layer.backward, h, { lengths: options.lengths, reverse: true }) : undefined;
          h = bw ? (tf.concat([fw.outputs, bw.outputs], 2) as tf.Tensor3D) : fw.outputs; // [batch, time, directions * units]
          finals = bw ? [fw.final.h, bw.final.h] : [fw.final.h];
        });
        const summary = finals.length > 1 ? (tf.concat(finals, 1) as tf.Tensor2D) : finals[0]!; // [batch, directions * units]
        return dense(head, dropout(summary, config.dropout, seeds)); // [batch, classes]
      }),
    dispose: () => disposeVariables(factory.variables),
  };
}
