import { describe, expect, it } from 'vitest';
import { createLogger } from '@ser/logging';
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
