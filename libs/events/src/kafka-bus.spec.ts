import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, Partitioners, logLevel, type Producer } from 'kafkajs';
import { createLogger } from '@ser/logging';
import { eventBusContract } from './event-bus.contract';
import { KafkaEventBus } from './kafka-bus';

// `npm test` starts a real broker and exports its address; without one this suite fails, never skips.
const brokersVar = process.env.SER_TEST_KAFKA_BROKERS;
function brokers(): string[] {
  if (!brokersVar)
    throw new Error('SER_TEST_KAFKA_BROKERS is not set: run `npm test` (it starts Kafka) or point it at a broker, e.g. SER_TEST_KAFKA_BROKERS=127.0.0.1:9092');
  return brokersVar.split(',');
}

// Quiet unless asked: the contract provokes dead letters and retries on purpose.
const logger = createLogger('events', { level: process.env.SER_LOG_LEVEL ?? 'silent' });
// Short timings so joins, rebalances and leaves take well under a second.
const consumer = { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 300, rebalanceTimeoutMs: 6_000, maxWaitTimeMs: 200 };

// Same partitioner as the bus, so a raw message with key k lands where the bus puts k.
let rawProducer: Promise<Producer> | null = null;
function producer(): Promise<Producer> {
  rawProducer ??= (async () => {
    const kafka = new Kafka({ clientId: 'events-contract-raw', brokers: brokers(), logLevel: logLevel.NOTHING });
    const p = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await p.connect();
    return p;
  })();
  return rawProducer;
}

afterAll(async () => {
  await (await rawProducer?.catch(() => null))?.disconnect();
});

eventBusContract('kafka', async (opts) => {
  const bus = await KafkaEventBus.fromConfig({ ...opts, brokers: brokers(), clientId: 'events-contract', logger, consumer });
  return {
    bus,
    produceRaw: async (topic, value, key, headers) => {
      await (await producer()).send({ topic: `${opts.topicPrefix ?? ''}${topic}`, messages: [{ key, value, ...(headers && { headers }) }] });
    },
  };
});

describe('KafkaEventBus.fromConfig', () => {
  it('rejects when no broker answers, instead of only logging', async () => {
    const dead = ['127.0.0.1:1'];
    await expect(KafkaEventBus.fromConfig({ brokers: dead, clientId: 'events-dead', logger, connectRetries: 1 })).rejects.toThrow(
      /cannot connect to Kafka at 127\.0\.0\.1:1/,
    );
  });
});
