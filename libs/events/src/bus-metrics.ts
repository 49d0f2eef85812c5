import { Counter, Gauge, type Registry } from 'prom-client';
import type { Topic } from './topics';

/**
 * Why a message was dead-lettered, as a bounded label (the dead letter itself carries the full reason):
 * `invalid-event` (too large, not a CloudEvent, wrong type, dataschema or data), `poison` (the handler threw
 * PoisonMessageError), `retries-exhausted` (the handler kept failing).
 */
export type DeadLetterReason = 'invalid-event' | 'poison' | 'retries-exhausted';

/** What both buses report; a bus without metrics reports nothing. */
export interface BusMetrics {
  deadLettered(topic: Topic, reason: DeadLetterReason): void;
  /** Messages of `topic` not yet handled by this member of `group`, summed over the partitions it owns. */
  consumerLag(topic: Topic, group: string, messages: number): void;
}

const byRegistry = new WeakMap<Registry, BusMetrics>();

/** The event-bus counters and gauges on `registry`, created once per registry. */
export function busMetrics(registry: Registry): BusMetrics {
  const existing = byRegistry.get(registry);
  if (existing) return existing;
  const deadLetters = new Counter<'topic' | 'reason'>({
    name: 'ser_events_dead_letters_total',
    help: 'Messages published to ser.dead-letter, by the topic they came from and why (invalid-event, poison, retries-exhausted).',
    labelNames: ['topic', 'reason'],
    registers: [registry],
  });
  const lag = new Gauge<'topic' | 'group'>({
    name: 'ser_events_consumer_lag_messages',
    help: "Messages on a topic not yet handled by this process's member of a consumer group, over the partitions it owns.",
    labelNames: ['topic', 'group'],
    registers: [registry],
  });
  const metrics: BusMetrics = {
    deadLettered: (topic, reason) => deadLetters.inc({ topic, reason }),
    consumerLag: (topic, group, messages) => lag.set({ topic, group }, messages),
  };
  byRegistry.set(registry, metrics);
  return metrics;
}
