// Two platforms sharing one broker with different topic prefixes, each running the features service's
// consumer group ('features'): each must consume its own events, all of them, independently. Before groups were
// prefixed both joined one broker-side group, and kafkajs' round-robin assignor handed each member partitions of the
// other's topics (it assigns the union of the members' topics), so neither platform got all of its events.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { createLogger } from '@ser/logging';
import { KafkaEventBus, TOPICS, type Envelope, type KafkaBusConfig } from '@ser/events';

const CORPUS = TOPICS.corpusPublished;
const EVENTS_PER_PLATFORM = 6;

function brokers(): string[] {
  const value = process.env.SER_TEST_KAFKA_BROKERS;
  if (!value) throw new Error('SER_TEST_KAFKA_BROKERS is not set: run `npm test` (it starts Kafka) or point it at a broker');
  return value.split(',');
}

const logger = createLogger('events', { level: process.env.SER_LOG_LEVEL ?? 'silent' });
// Short timings so joins and leaves take well under a second.
const consumer = { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 300, rebalanceTimeoutMs: 6_000, maxWaitTimeMs: 200 };
const buses: KafkaEventBus[] = [];

async function platformBus(config: Partial<KafkaBusConfig> & { topicPrefix: string }): Promise<KafkaEventBus> {
  const bus = await KafkaEventBus.fromConfig({ brokers: brokers(), clientId: 'group-prefix-spec', logger, consumer, partitions: 3, ...config });
  buses.push(bus);
  return bus;
}

/** Joins `groupId` on the platform's bus and records the corpus names it handles. */
async function consume(bus: KafkaEventBus, groupId: string): Promise<string[]> {
  const names: string[] = [];
  await bus.subscribe({ groupId, topics: [CORPUS], fromBeginning: true, handler: async (e: Envelope<typeof CORPUS>) => void names.push(e.data.corpusName) });
  return names;
}

async function publish(bus: KafkaEventBus, platform: string): Promise<string[]> {
  const names = Array.from({ length: EVENTS_PER_PLATFORM }, (_, i) => `${platform}-corpus-${i}`);
  // Distinct keys spread the events over all three partitions.
  for (const name of names) await bus.publish(CORPUS, { corpusName: name, format: 'urdu', uri: `file:///corpora/${name}` }, { key: name });
  return names;
}

/** Offsets the broker holds for `groupId` on `topic`, summed over partitions (-1, none yet, counts as 0). */
async function committed(groupId: string, topic: string): Promise<number> {
  const admin = new Kafka({ clientId: 'group-prefix-spec-admin', brokers: brokers(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return (offsets?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  } finally {
    await admin.disconnect();
  }
}

afterAll(async () => {
  await Promise.allSettled(buses.map((b) => b.close()));
}, 60_000);

describe('consumer groups are prefixed like topics', { timeout: 120_000 }, () => {
  const run = randomUUID().slice(0, 8);

  it('lets two platforms with different prefixes run the same group on one broker, each consuming all of its own events', async () => {
    const a = await platformBus({ topicPrefix: `pa-${run}.` });
    const b = await platformBus({ topicPrefix: `pb-${run}.` });
    const group = `features-${run}`; // one logical name on both platforms, as the features service's 'features'
    const [receivedA, receivedB] = [await consume(a, group), await consume(b, group)];

    const [sentA, sentB] = [await publish(a, 'a'), await publish(b, 'b')];

    await expect.poll(() => receivedA.length + receivedB.length, { timeout: 60_000, interval: 100 }).toBe(2 * EVENTS_PER_PLATFORM);
    expect([...receivedA].sort()).toEqual([...sentA].sort());
    expect([...receivedB].sort()).toEqual([...sentB].sort());
    // Each platform's group lives under its own prefix on the broker, with its own committed offsets.
    await expect.poll(() => committed(`pa-${run}.${group}`, `pa-${run}.${CORPUS}`), { timeout: 10_000 }).toBe(EVENTS_PER_PLATFORM);
    await expect.poll(() => committed(`pb-${run}.${group}`, `pb-${run}.${CORPUS}`), { timeout: 10_000 }).toBe(EVENTS_PER_PLATFORM);
    expect(await committed(group, `pa-${run}.${CORPUS}`)).toBe(0);
  });

  it('keeps the unprefixed group of an older platform when groupIdPrefix is set to empty', async () => {
    const legacy = await platformBus({ topicPrefix: `pc-${run}.`, groupIdPrefix: '' });
    const group = `legacy-${run}`;
    const received = await consume(legacy, group);
    await publish(legacy, 'c');
    await expect.poll(() => received.length, { timeout: 60_000, interval: 100 }).toBe(EVENTS_PER_PLATFORM);
    await expect.poll(() => committed(group, `pc-${run}.${CORPUS}`), { timeout: 10_000 }).toBe(EVENTS_PER_PLATFORM);
  });
});
