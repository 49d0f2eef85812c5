import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { trainingMetrics } from './training-metrics';

describe('trainingMetrics', () => {
  it('keeps the latest epoch and each named loss per run kind, ignoring updates without them', async () => {
    const registry = new Registry();
    const metrics = trainingMetrics(registry);
    expect(trainingMetrics(registry)).toBe(metrics); // once per registry: services started twice share it
    metrics.observe('fop-pretrain', { epoch: 0, losses: { loss: 2.5 } });
    expect((await registry.getSingleMetric('ser_training_epoch')!.get()).values).toEqual([{ labels: { run_kind: 'fop-pretrain' }, value: 0 }]);
    metrics.observe('fop-pretrain', { epoch: 2, losses: { loss: 1.25 } });
    metrics.observe('fop-pretrain', {}); // a status message: no epoch, no losses
    metrics.observe('classifier', { epoch: 3, losses: { train: 0.7, validation: '0.9' } });

    const values = async (name: string) => (await registry.getSingleMetric(name)!.get()).values.map((v) => ({ ...v.labels, value: v.value }));
    expect(await values('ser_training_epoch')).toEqual([
      { run_kind: 'fop-pretrain', value: 2 },
      { run_kind: 'classifier', value: 3 },
    ]);
    expect(await values('ser_training_loss')).toEqual([
      { run_kind: 'fop-pretrain', loss: 'loss', value: 1.25 },
      { run_kind: 'classifier', loss: 'train', value: 0.7 },
      { run_kind: 'classifier', loss: 'validation', value: 0.9 },
    ]);
  });
});
