// Creates the platform's Kafka topics (@ser/events TOPICS) with the partitions and replication a cluster wants,
// before any service starts: the services' own on-demand creation would use the bus defaults instead. Existing
// topics are kept; one with fewer partitions than asked is grown (never shrunk, Kafka cannot), a different
// replication factor is reported, not changed. The Helm chart's pre-install/pre-upgrade Job runs it.
//   SER_KAFKA_BROKERS=kafka:9092 SER_TOPIC_PARTITIONS=6 SER_TOPIC_REPLICATION_FACTOR=3 npx tsx scripts/create-topics.ts
import { pathToFileURL } from 'node:url';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { z } from 'zod';
import { loadConfig, loadPlatformConfig } from '@ser/config';
import { kafkaSecurityOptions, TOPICS, type KafkaSecuritySettings } from '@ser/events';
import { createLogger, type Logger } from '@ser/logging';

export interface CreateTopicsOptions {
  brokers: string[];
  partitions: number;
  replicationFactor: number;
  /** Prepended to every topic name: the bus's topicPrefix (SER_KAFKA_TOPIC_PREFIX). */
  topicPrefix?: string;
  clientId?: string;
  /** TLS and SASL, as the services use them (bus.tls, bus.sasl). */
  security?: KafkaSecuritySettings;
  logger?: Logger;
}

export interface CreateTopicsResult {
  created: string[];
  grown: string[];
  unchanged: string[];
}

const topicSettingsSchema = z
  .object({
    partitions: z.number().int().positive().default(6),
    replicationFactor: z.number().int().positive().default(3),
  })
  .strict();

/** Makes every platform topic exist with at least `partitions` partitions. */
export async function createTopics(opts: CreateTopicsOptions): Promise<CreateTopicsResult> {
  const log = opts.logger ?? createLogger('create-topics');
  const kafka = new Kafka({
    clientId: opts.clientId ?? 'ser-create-topics',
    brokers: opts.brokers,
    ...kafkaSecurityOptions(opts.security),
    logLevel: logLevel.WARN,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = Object.values(TOPICS).map((t) => (opts.topicPrefix ?? '') + t);
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        topics: missing.map((topic) => ({ topic, numPartitions: opts.partitions, replicationFactor: opts.replicationFactor })),
        waitForLeaders: false,
      });
    }
    const result: CreateTopicsResult = { created: missing, grown: [], unchanged: [] };
    const present = wanted.filter((t) => existing.has(t));
    const { topics } = present.length ? await admin.fetchTopicMetadata({ topics: present }) : { topics: [] };
    for (const { name, partitions } of topics) {
      const replicas = partitions[0]?.replicas.length ?? 0;
      if (replicas !== opts.replicationFactor) {
        log.warn({ topic: name, replicas, wanted: opts.replicationFactor }, 'topic keeps its replication factor (reassign partitions to change it)');
      }
      if (partitions.length < opts.partitions) {
        await admin.createPartitions({ topicPartitions: [{ topic: name, count: opts.partitions }] });
        result.grown.push(name);
      } else {
        result.unchanged.push(name);
      }
    }
    await waitForPartitions(admin, wanted, opts.partitions);
    log.info({ ...result, partitions: opts.partitions, replicationFactor: opts.replicationFactor }, 'kafka topics ready');
    return result;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Polls metadata until every topic shows `count` partitions, each with a leader: a KRaft broker answers with the
 * old layout (or UNKNOWN_TOPIC_OR_PARTITION) for a moment after a create, so the Job ends only once it is usable.
 */
async function waitForPartitions(admin: Admin, topics: string[], count: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no metadata yet';
  while (Date.now() < deadline) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics });
      const behind = metadata.topics.filter((t) => t.partitions.length < count || t.partitions.some((p) => p.leader < 0));
      if (behind.length === 0 && metadata.topics.length === topics.length) return;
      last = `waiting for ${behind.map((t) => t.name).join(', ')}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`topics not ready after ${timeoutMs / 1000} s: ${last}`);
}

async function main(): Promise<void> {
  const platform = loadPlatformConfig({ overrides: process.argv.slice(2) });
  const topics = loadConfig(topicSettingsSchema, {
    envMap: { partitions: 'SER_TOPIC_PARTITIONS', replicationFactor: 'SER_TOPIC_REPLICATION_FACTOR' },
  });
  await createTopics({
    brokers: platform.bus.brokers,
    security: { tls: platform.bus.tls, sasl: platform.bus.sasl },
    topicPrefix: platform.bus.topicPrefix,
    clientId: `${platform.bus.clientId}-create-topics`,
    ...topics,
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: Error) => {
    process.stderr.write(`create-topics: ${err.message}\n`);
    process.exit(1);
  });
}
