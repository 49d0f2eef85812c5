import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import { Counter, Histogram, type Registry } from 'prom-client';

/** success: no errors; partial: data and errors; error: no data (refused, invalid, or failed at the root). */
export type OperationOutcome = 'success' | 'partial' | 'error';
type Labels = 'operation_name' | 'operation_type' | 'outcome';

/**
 * Operation names come from clients, so a label per name could grow without bound: past this many distinct
 * names, new ones are counted as `(other)`. Apps send a fixed set of named operations, far fewer than this.
 */
const MAX_OPERATION_NAMES = 500;
const MAX_NAME_LENGTH = 100;

export interface OperationMetrics {
  /** Counts one finished operation and observes its duration (a subscription's: its lifetime). */
  observe(operation: { name?: string | null; type?: string }, outcome: OperationOutcome, seconds: number): void;
}

const byRegistry = new WeakMap<Registry, OperationMetrics>();

/** The GraphQL operation counter and duration histogram on `registry`, created once per registry. */
export function operationMetrics(registry: Registry): OperationMetrics {
  const existing = byRegistry.get(registry);
  if (existing) return existing;
  const total = new Counter<Labels>({
    name: 'graphql_operations_total',
    help: 'GraphQL operations the gateway finished, by operation name, type and outcome.',
    labelNames: ['operation_name', 'operation_type', 'outcome'],
    registers: [registry],
  });
  const seconds = new Histogram<Labels>({
    name: 'graphql_operation_duration_seconds',
    help: 'Time from a GraphQL request arriving to its response (seconds); subscriptions: their lifetime.',
    labelNames: ['operation_name', 'operation_type', 'outcome'],
    // Store reads take milliseconds, predictions on an upload seconds, subscriptions minutes.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120, 600],
    registers: [registry],
  });
  const names = new Set<string>();
  const nameLabel = (name: string | null | undefined) => {
    if (!name) return '(anonymous)';
    const label = name.slice(0, MAX_NAME_LENGTH);
    if (names.has(label)) return label;
    if (names.size >= MAX_OPERATION_NAMES) return '(other)';
    names.add(label);
    return label;
  };
  const metrics: OperationMetrics = {
    observe(operation, outcome, duration) {
      const labels = { operation_name: nameLabel(operation.name), operation_type: operation.type ?? 'unknown', outcome };
      total.inc(labels);
      seconds.observe(labels, duration);
    },
  };
  byRegistry.set(registry, metrics);
  return metrics;
}

/** The outcome of a result with these errors and data. */
export function outcomeOf(result: { errors?: readonly unknown[]; data?: unknown }): OperationOutcome {
  if (!result.errors?.length) return 'success';
  return result.data ? 'partial' : 'error';
}

export const secondsSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/** Observes every HTTP GraphQL request when its response is sent; one that never resolves an operation is type `unknown`. */
export function operationMetricsPlugin<C extends BaseContext>(metrics: OperationMetrics): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ request }) {
      const started = process.hrtime.bigint();
      let operation: OperationDefinitionNode | undefined;
      return {
        async didResolveOperation(ctx) {
          operation = ctx.operation;
        },
        async willSendResponse({ response, operationName }) {
          const body = response.body;
          const result = body.kind === 'single' ? body.singleResult : body.initialResult;
          metrics.observe({ name: operationName ?? request.operationName, type: operation?.operation }, outcomeOf(result), secondsSince(started));
        },
      };
    },
  };
}
