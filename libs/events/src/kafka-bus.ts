// The cluster EventBus on Apache Kafka (kafkajs). Same error policy as the in-process bus (see
// EventBus); this file adds the Kafka specifics: idempotent producer, topics created on first use.
import { Kafka, Partitioners, logLevel, type Admin, type Producer } from 'kafkajs';
import { createLogger, type Logger } from '@ser/logging';
import { CLOUDEVENTS_CONTENT_TYPE, createEnvelope, encodeEnvelope, type Envelope } from './envelope';
import { BUS_DEFAULTS, type BusOptions, type EventBus, type PublishOptions, type SubscribeOptions, type Subscription } from './event-bus';
import { kafkajsLogCreator } from './kafka-logging';
import { kafkaSecurityOptions, type KafkaSecuritySettings } from './kafka-security';
import { startKafkaSubscription, type ConsumerTuning } from './kafka-subscription';
import { TOPICS, isTopic, type Topic, type TopicData } from './topics';

export interface KafkaBusConfig extends BusOptions {
  brokers: string[];
  clientId: string;
  logger?: Logger;
  /** Connection attempts (with backoff) before fromConfig / subscribe reject. Default 5. */
  connectRetries?: number;
  consumer?: ConsumerTuning;
  /** TLS and SASL (config bus.tls, bus.sasl); plaintext when absent. */
  security?: KafkaSecuritySettings;
  /**
   * Prepended to every consumer group id on the broker. Default: topicPrefix, so two platforms sharing a cluster
   * with different prefixes never share a group (a shared group would split, or misassign, their partitions).
   */
  groupIdPrefix?: string;
}

// About two minutes of backoff (0.3 s doubling, capped at 30 s), like the Java producer's
// delivery.timeout.ms: publish rejects instead of hanging forever while the cluster is down.
const PUBLISH_RETRY = { retries: 10, initialRetryTime: 300, maxRetryTime: 30_000 };

export class KafkaEventBus implements EventBus {
  private readonly topicsReady = new Map<string, Promise<void>>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly prefix: string;
  private readonly groupPrefix: string;
  private readonly source: string;
  private closed = false;

  private constructor(
    private readonly config: KafkaBusConfig,
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly admin: Admin,
    private readonly log: Logger,
  ) {
    this.prefix = config.topicPrefix ?? BUS_DEFAULTS.topicPrefix;
    this.groupPrefix = config.groupIdPrefix ?? this.prefix;
    this.source = config.source ?? `/ser/${config.clientId}`;
  }

  /** Connects the producer and the admin client; rejects (never only logs) when Kafka cannot be reached. */
  static async fromConfig(config: KafkaBusConfig): Promise<KafkaEventBus> {
    const log = config.logger ?? createLogger('events');
    const kafka = new Kafka({
      clientId: config.clientId,
      brokers: config.brokers,
      ...kafkaSecurityOptions(config.security),
      logLevel: logLevel.WARN,
      logCreator: kafkajsLogCreator(log),
      retry: { retries: config.connectRetries ?? 5 },
    });
    const producer = kafka.producer({
      idempotent: true, // broker-side dedupe of retried sends: a retry never writes an event twice
      maxInFlightRequests: 1,
      retry: PUBLISH_RETRY,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner, // Java-compatible murmur2: same key, same partition as other clients
    });
    const admin = kafka.admin();
    try {
      await producer.connect();
      await admin.connect();
    } catch (err) {
      await Promise.allSettled([producer.disconnect(), admin.disconnect()]);
      throw new Error(`cannot connect to Kafka at ${config.brokers.join(',')}: ${(err as Error).message}`, { cause: err });
    }
    log.info({ brokers: config.brokers, clientId: config.clientId }, 'connected to Kafka');
    return new KafkaEventBus(config, kafka, producer, admin, log);
  }

  async publish<T extends Topic>(topic: T, data: TopicData<T>, opts: PublishOptions = {}): Promise<Envelope<T>> {
    this.assertOpen();
    const envelope = createEnvelope(topic, data, { id: opts.id, source: opts.source ?? this.source, subject: opts.subject });
    await this.ensureTopics([topic]);
    const [meta] = await this.producer.send({
      topic: this.physicalTopic(topic),
      acks: -1,
      messages: [{ key: opts.key ?? null, value: encodeEnvelope(envelope), headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE } }],
    });
    this.log.debug({ topic, partition: meta?.partition, offset: meta?.baseOffset, eventId: envelope.id }, 'event published');
    return envelope;
  }

  async subscribe<T extends Topic>(opts: SubscribeOptions<T>): Promise<Subscription> {
    this.assertOpen();
    await this.ensureTopics([...opts.topics, TOPICS.deadLetter]);
    const subscription = await startKafkaSubscription(
      {
        kafka: this.kafka,
        log: this.log,
        physicalTopic: (t) => this.physicalTopic(t),
        logicalTopic: (t) => this.logicalTopic(t),
        physicalGroupId: (g) => this.groupPrefix + g,
        delivery: {
          retry: this.config.handlerRetry ?? BUS_DEFAULTS.handlerRetry,
          deadLetter: (data, key) => this.publish(TOPICS.deadLetter, data, key === null ? {} : { key }),
          metrics: this.config.metrics,
        },
        shutdownGraceMs: this.config.shutdownGraceMs ?? BUS_DEFAULTS.shutdownGraceMs,
        concurrency: this.partitions(),
        tuning: this.config.consumer ?? {},
      },
      opts,
    );
    const tracked: Subscription = {
      done: subscription.done,
      stop: () => subscription.stop().finally(() => this.subscriptions.delete(tracked)),
    };
    this.subscriptions.add(tracked);
    return tracked;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.allSettled([...this.subscriptions].map((s) => s.stop()));
    this.closed = true;
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('event bus is closed');
  }

  private partitions(): number {
    return this.config.partitions ?? BUS_DEFAULTS.partitions;
  }

  private physicalTopic(topic: Topic): string {
    return this.prefix + topic;
  }

  private logicalTopic(physical: string): Topic {
    const name = physical.slice(this.prefix.length);
    if (!physical.startsWith(this.prefix) || !isTopic(name)) throw new Error(`not a topic of this bus: ${physical}`);
    return name;
  }

  /** Creates missing topics once per bus (an existing topic is left as it is); a failure is retried next time. */
  private async ensureTopics(topics: Topic[]): Promise<void> {
    await Promise.all(
      topics.map((topic) => {
        const physical = this.physicalTopic(topic);
        let ready = this.topicsReady.get(physical);
        if (!ready) {
          ready = this.admin
            .createTopics({ topics: [{ topic: physical, numPartitions: this.partitions() }], waitForLeaders: false })
            .then(() => waitForLeaders(this.admin, physical));
          ready.catch(() => this.topicsReady.delete(physical));
          this.topicsReady.set(physical, ready);
        }
        return ready;
      }),
    );
  }
}

/**
 * Polls metadata until every partition of a new topic has a leader. kafkajs' own `waitForLeaders`
 * gives up on UNKNOWN_TOPIC_OR_PARTITION, which a KRaft broker answers for a moment after creation.
 */
async function waitForLeaders(admin: Admin, topic: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no metadata yet';
  while (Date.now() < deadline) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      const partitions = topics[0]?.partitions ?? [];
      if (partitions.length > 0 && partitions.every((p) => p.leader >= 0)) return;
      last = 'partitions without a leader';
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`topic ${topic} has no leaders after ${timeoutMs / 1000} s: ${last}`);
}
