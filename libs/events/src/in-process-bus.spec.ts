import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@ser/logging';
import { busMetrics } from './bus-metrics';
import { eventBusContract } from './event-bus.contract';
import { createInProcessBus } from './in-process-bus';
import { TOPICS } from './topics';

// Quiet unless asked: the contract provokes dead letters and retries on purpose.
const logger = createLogger('events', { level: process.env.SER_LOG_LEVEL ?? 'silent' });

eventBusContract('in-process', async (opts) => {
  const bus = createInProcessBus({ ...opts, logger });
  return { bus, produceRaw: async (topic, value, key, headers) => bus.appendRaw(topic, value, key, headers) };
});

describe('createInProcessBus', () => {
  it('refuses to publish after close', async () => {
    const bus = createInProcessBus();
    await bus.close();
    await expect(bus.publish(TOPICS.modelAliasMoved, { modelName: 'tacn', alias: 'production', version: 2 })).rejects.toThrow(/closed/);
  });
});

describe('in-process consumer lag', () => {
  it('counts the messages a group has not handled yet, and none once it has', async () => {
    const registry = new Registry();
    const bus = createInProcessBus({ logger, metrics: busMetrics(registry) });
    const lag = async () => (await registry.getSingleMetric('ser_events_consumer_lag_messages')!.get()).values.find((v) => v.labels.group === 'slow')?.value;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    await bus.subscribe({ groupId: 'slow', topics: [TOPICS.modelAliasMoved], handler: () => gate });
    for (let version = 1; version <= 4; version++)
      await bus.publish(TOPICS.modelAliasMoved, { modelName: 'tacn', alias: 'production', version }, { key: 'tacn' });
    expect(await lag()).toBe(4); // the first is in flight, not committed
    release();
    await expect.poll(lag).toBe(0);
    await bus.close();
  });
});
