import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { sequenceModelRunConfigSchema } from '../../run/classifier-config';
import { createSequenceNetwork, padSequences, resolveNetworkConfig } from './sequence-network';

const BASE = { method: 'sequence-model', datasetVersionId: 'dv1', sequenceModel: 'tacn', features: 'deep' } as const;

describe('sequence-model config and network', () => {
  it("fills the paper's defaults and refuses inconsistent VQ-VAE settings", () => {
    expect(sequenceModelRunConfigSchema.parse(BASE)).toMatchObject({
      optimizer: 'adam',
      batchSize: 32,
      segmentHop: 2120,
      vqvaeFineTuneEpochs: 3,
      classWeights: 'none',
    });
    expect(() => sequenceModelRunConfigSchema.parse({ ...BASE, features: 'fusion' })).toThrow(/vqvaeCheckpointId/);
    expect(() => sequenceModelRunConfigSchema.parse({ ...BASE, vqvaeCheckpointId: 'ck' })).toThrow(/vqvaeCheckpointId/);
    expect(() => sequenceModelRunConfigSchema.parse({ ...BASE, segmentHop: 3000 })).toThrow(/segmentHop/);
    expect(() => sequenceModelRunConfigSchema.parse({ ...BASE, model: { heads: 2 } })).toThrow();
    expect(() => sequenceModelRunConfigSchema.parse({ ...BASE, model: { representationUnits: 12, numHeads: 8 } })).toThrow(
      /representationUnits \(12\) divisible by numHeads \(8\)/,
    );
  });

  it('pads per-utterance rows into [utterances, longest, units] with zeros after each one', () => {
    const features = tf.tensor2d([1, 1, 2, 2, 3, 3], [3, 2]);
    const padded = padSequences(features, [1, 2]);
    expect(padded.shape).toEqual([2, 2, 2]);
    expect(Array.from(padded.dataSync())).toEqual([1, 1, 0, 0, 2, 2, 3, 3]);
    tf.dispose([features, padded]);
  });

  it('a fusion BiLSTM network maps each utterance to class logits, padding not changing a prediction', () => {
    const config = sequenceModelRunConfigSchema.parse({
      ...BASE,
      sequenceModel: 'bilstm',
      features: 'fusion',
      vqvaeCheckpointId: 'ck',
      model: { cnnFilters: [2], representationUnits: 4, fusionUnits: 4, rnnUnits: 3 },
    });
    const network = createSequenceNetwork(resolveNetworkConfig(config, 3, 6), 1);
    expect(network.config.fusion).toMatchObject({ deepUnits: 4, latentUnits: 6, outputUnits: 4 });
    const segments = tf.randomNormal([3, 32, 129], 0, 1, 'float32', 2) as tf.Tensor3D;
    const latent = tf.randomNormal([3, 6], 0, 1, 'float32', 3) as tf.Tensor2D;
    const both = network.forward(segments, [1, 2], latent, { training: false }); // [2, 3]
    const alone = network.forward(tf.slice(segments, [0, 0, 0], [1, 32, 129]), [1], tf.slice(latent, [0, 0], [1, 6]), { training: false });
    expect(both.shape).toEqual([2, 3]);
    const first = Array.from(both.dataSync()).slice(0, 3);
    Array.from(alone.dataSync()).forEach((v, i) => expect(first[i]).toBeCloseTo(v, 4));
    tf.dispose([segments, latent, both, alone]);
    network.dispose();
  });

  it("represents each utterance by the mean of its segments' deep and fused rows (fused only for 'fusion')", () => {
    const config = sequenceModelRunConfigSchema.parse({
      ...BASE,
      sequenceModel: 'tcn',
      features: 'fusion',
      vqvaeCheckpointId: 'ck',
      model: { cnnFilters: [2], representationUnits: 4, fusionUnits: 5, channels: 4, layers: 1 },
    });
    const network = createSequenceNetwork(resolveNetworkConfig(config, 3, 6), 1);
    const segments = tf.randomNormal([3, 32, 129], 0, 1, 'float32', 2) as tf.Tensor3D;
    const latent = tf.randomNormal([3, 6], 0, 1, 'float32', 3) as tf.Tensor2D;
    const { deep, fused } = network.represent(segments, [1, 2], latent);
    expect(deep.shape).toEqual([2, 4]);
    expect(fused!.shape).toEqual([2, 5]);
    // The second utterance's deep row is the mean of its two segments' lone representations.
    const second = network.represent(tf.slice(segments, [1, 0, 0], [1, 32, 129]), [1], tf.slice(latent, [1, 0], [1, 6])).deep.dataSync();
    const third = network.represent(tf.slice(segments, [2, 0, 0], [1, 32, 129]), [1], tf.slice(latent, [2, 0], [1, 6])).deep.dataSync();
    Array.from(deep.dataSync())
      .slice(4)
      .forEach((v, i) => expect(v).toBeCloseTo((second[i]! + third[i]!) / 2, 5));
    const deepOnly = createSequenceNetwork(
      resolveNetworkConfig(
        sequenceModelRunConfigSchema.parse({ ...BASE, model: { cnnFilters: [2], representationUnits: 4, numHeads: 4, channels: 8 } }),
        3,
        null,
      ),
      1,
    );
    expect(deepOnly.represent(segments, [3], undefined).fused).toBeNull();
    tf.dispose([segments, latent, deep, fused!]);
    network.dispose();
    deepOnly.dispose();
  });
});
