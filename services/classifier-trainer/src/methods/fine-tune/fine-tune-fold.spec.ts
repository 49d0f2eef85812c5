import { describe, expect, it } from 'vitest';
import { createFop, DEFAULT_FOP_CONFIG, saveVariables } from '@ser/models';
import { fineTuneRunConfigSchema } from '../../run/classifier-config';
import { disposeClassifier, trainFold, type LabelledSet } from './fine-tune-fold';

const FOP = { ...DEFAULT_FOP_CONFIG, nMels: 8, dModel: 8, numHeads: 2, ffnUnits: 16, numLayers: 1 };

function set(n: number, offset: number): LabelledSet {
  return {
    sequences: Array.from({ length: n }, (_, k) => Float32Array.from({ length: 12 * FOP.nMels }, (_, i) => Math.sin((k + offset) * 1.3 + i * 0.21))),
    labels: Array.from({ length: n }, (_, k) => k % 2),
  };
}

describe('trainFold', () => {
  const config = fineTuneRunConfigSchema.parse({
    method: 'fop-fine-tune',
    datasetVersionId: 'dv',
    epochs: 2,
    batchSize: 4,
    cropFrames: 8,
    learningRate: 1e-9,
    seed: 5,
  });

  it('starts the trunk from the pre-trained weights and reports every epoch', async () => {
    const donor = createFop(FOP, 99);
    const pretrained = saveVariables(donor.variables);
    const donorW = donor.variables['input.kernel']!.dataSync().slice();
    donor.dispose();
    const epochs: number[] = [];
    const run = (withWeights: boolean) =>
      trainFold(
        {
          config,
          fopConfig: FOP,
          numClasses: 2,
          pretrained: withWeights ? pretrained : undefined,
          classWeights: [1, 1],
          train: set(8, 0),
          validation: set(4, 50),
          seed: 5,
        },
        { onEpoch: (e) => epochs.push(e.epoch), shouldCancel: () => false },
      );
    const transferred = await run(true);
    const scratch = await run(false);
    try {
      expect(Object.keys(transferred.classifier.fop.variables)).toContain('input.kernel');
      const w = (t: typeof transferred) => t.classifier.fop.variables['input.kernel']!.dataSync();
      // lr 1e-9: training moves nothing measurable, so the weights are the donor's, not the seed's initialisation.
      w(transferred).forEach((v, i) => expect(v).toBeCloseTo(donorW[i]!, 5));
      expect(Array.from(w(scratch)).some((v, i) => Math.abs(v - donorW[i]!) > 1e-3)).toBe(true);
      expect(epochs).toEqual([0, 1, 0, 1]);
      expect(transferred.history.every((h) => Number.isFinite(h.validationLoss))).toBe(true);
      expect(transferred.bestEpoch).toBeGreaterThanOrEqual(0);
    } finally {
      disposeClassifier(transferred.classifier);
      disposeClassifier(scratch.classifier);
    }
  });

  it('stops at once when cancelled', async () => {
    const trained = await trainFold(
      { config, fopConfig: FOP, numClasses: 2, classWeights: [1, 1], train: set(8, 0), validation: set(4, 50), seed: 5 },
      { onEpoch: () => {}, shouldCancel: () => true },
    );
    expect(trained.status).toBe('cancelled');
    expect(trained.history).toEqual([]);
    disposeClassifier(trained.classifier);
  });
});
