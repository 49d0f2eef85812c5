import { Counter, type Registry } from 'prom-client';

/**
 * The model registry's Prometheus instruments: what changed in the registry, not how its RPCs did (the gRPC
 * interceptor counts those). A promotion or a rollback is an alias move, so `increase(..._alias_moves_total)`
 * shows when production changed model.
 */
export interface RegistryMetrics {
  /** New model versions, by model name (a run registering again gets its version back and is not counted). */
  versionsRegistered: Counter<'model_name'>;
  /** Aliases pointed at another version (promote, roll back), by model name and alias; a no-op move is not counted. */
  aliasMoves: Counter<'model_name' | 'alias'>;
}

const byRegistry = new WeakMap<Registry, RegistryMetrics>();

/** The registry instruments on `registry`, created once per registry (the all-in-one starts the service once). */
export function registryMetrics(registry: Registry): RegistryMetrics {
  const existing = byRegistry.get(registry);
  if (existing) return existing;
  const metrics: RegistryMetrics = {
    versionsRegistered: new Counter({
      name: 'ser_model_registry_versions_registered_total',
      help: 'Model versions registered (a run kept model), by model name.',
      labelNames: ['model_name'],
      registers: [registry],
    }),
    aliasMoves: new Counter({
      name: 'ser_model_registry_alias_moves_total',
      help: 'Model aliases moved to another version (promotions and rollbacks), by model name and alias.',
      labelNames: ['model_name', 'alias'],
      registers: [registry],
    }),
  };
  byRegistry.set(registry, metrics);
  return metrics;
}
