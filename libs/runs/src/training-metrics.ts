import type { RunProgress } from '@ser/contracts';
import { Gauge, type Registry } from 'prom-client';

/** A trainer's Prometheus gauges, set from the progress its runs report (what WatchXRun streams). */
export interface TrainingMetrics {
  /** Records one progress update of a run of `runKind` (fop-pretrain, vqvae-pretrain, classifier). */
  observe(runKind: string, progress: Pick<RunProgress, 'epoch' | 'losses'>): void;
}

const byRegistry = new WeakMap<Registry, TrainingMetrics>();

/**
 * The training gauges on `registry`, created once per registry. Labelled by run kind, not run id, so series do not
 * pile up run after run; a replica trains one run at a time, so per replica (pod) the kind names the run.
 */
export function trainingMetrics(registry: Registry): TrainingMetrics {
  const existing = byRegistry.get(registry);
  if (existing) return existing;
  const epoch = new Gauge<'run_kind'>({
    name: 'ser_training_epoch',
    help: 'Epoch of the latest progress a run of this kind reported (as its watchers see it; a classifier run restarts it per fold).',
    labelNames: ['run_kind'],
    registers: [registry],
  });
  const loss = new Gauge<'run_kind' | 'loss'>({
    name: 'ser_training_loss',
    help: 'Latest loss a run of this kind reported, by loss name (loss, train, validation, reconstruction, ...).',
    labelNames: ['run_kind', 'loss'],
    registers: [registry],
  });
  const metrics: TrainingMetrics = {
    observe(runKind, p) {
      if (typeof p.epoch === 'number') epoch.set({ run_kind: runKind }, p.epoch);
      for (const [name, value] of Object.entries(p.losses ?? {})) {
        if (Number.isFinite(Number(value))) loss.set({ run_kind: runKind, loss: name }, Number(value));
      }
    },
  };
  byRegistry.set(registry, metrics);
  return metrics;
}
