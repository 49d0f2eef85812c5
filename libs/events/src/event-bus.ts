import type { BusMetrics } from './bus-metrics';
import type { Envelope } from './envelope';
import type { Topic, TopicData } from './topics';

/**
 * Publishes and consumes CloudEvents on typed topics. Two implementations with the same semantics,
 * checked by one contract suite (event-bus.contract.ts): `createInProcessBus` (one process, memory)
 * and `KafkaEventBus` (Apache Kafka).
 *
 * Error policy (delivery semantics), identical in both:
 * - At-least-once. A message's offset is committed only after its handler resolves (or after it has
 *   been dead-lettered), so a consumer that stops or dies mid-message leaves it to be delivered
 *   again; handlers must be idempotent (the envelope `id` is the deduplication key).
 * - Consumer groups: the members of one group share the topic's partitions, each message goes to
 *   one member; every group sees every message. A new group starts at the end of the topic unless
 *   `fromBeginning` is set; a known group resumes at its committed offsets.
 * - Ordering per key: messages with the same key land on the same partition and are handled one
 *   at a time, in order. Different partitions are handled concurrently.
 * - Events arrive in either CloudEvents content mode: structured (the JSON envelope is the value;
 *   what the buses publish) or binary (attributes in `ce_*` headers, the JSON data alone in the value).
 * - Poison messages never stop a consumer: a message larger than MAX_EVENT_BYTES, a value that is not
 *   a valid envelope, an event whose type, dataschema or data does not match the topic's, or a handler
 *   throwing `PoisonMessageError` is published to `ser.dead-letter` with the reason, the raw payload
 *   (its start only when it is too large to quote whole) and the headers, then committed.
 * - Any other handler error is retried `handlerRetry.retries` times with exponential backoff
 *   (`backoffMs`, doubled each time), then dead-lettered with the last error as the reason.
 * - Messages on `ser.dead-letter` itself are never dead-lettered again (no loops): a failing
 *   dead-letter handler is logged and the message committed.
 * - If dead-lettering itself fails (broker down), the message is not committed and is retried.
 * - `Subscription.stop()` stops taking new messages, lets in-flight handlers finish for up to
 *   `shutdownGraceMs`, commits those that finished, and abandons the rest uncommitted (they are
 *   redelivered to the group's next owner of the partition). `stop()` then leaves the group.
 */
export interface EventBus {
  /** Validates `data` against the topic schema (throws InvalidEventError, sending nothing), wraps it, sends it. */
  publish<T extends Topic>(topic: T, data: TopicData<T>, opts?: PublishOptions): Promise<Envelope<T>>;
  /** Joins `groupId`; resolves once the member has joined and has its partitions. */
  subscribe<T extends Topic>(opts: SubscribeOptions<T>): Promise<Subscription>;
  /** Stops every subscription of this bus, then releases connections. */
  close(): Promise<void>;
}

export interface PublishOptions {
  /** Partition key: events with the same key are delivered in order. */
  key?: string;
  /** Envelope id; a random UUID when absent. */
  id?: string;
  /** Envelope source; the bus's own source when absent. */
  source?: string;
  subject?: string;
}

export interface MessageMeta<T extends Topic = Topic> {
  /** Logical topic (without the bus's topicPrefix). */
  topic: T;
  partition: number;
  /** Kafka offsets are 64-bit, hence a string. */
  offset: string;
}

export type EventHandler<T extends Topic> = (event: Envelope<T>, meta: MessageMeta<T>) => Promise<void>;

export interface SubscribeOptions<T extends Topic> {
  groupId: string;
  topics: T[];
  fromBeginning?: boolean;
  handler: EventHandler<T>;
}

export interface Subscription {
  /** Graceful: see the error policy on EventBus. Safe to call twice. */
  stop(): Promise<void>;
  /**
   * Resolves after `stop()`; rejects if the consumer dies on its own (e.g. the broker went away
   * for good), so a service can turn that into unhealthy + exit.
   */
  readonly done: Promise<void>;
}

/** Options both implementations accept, so tests can configure them identically. */
export interface BusOptions {
  /** Partitions of each topic the bus creates. Default 3. */
  partitions?: number;
  /** Prepended to every physical topic name (isolates environments or tests on one cluster). */
  topicPrefix?: string;
  /** CloudEvents `source` of published events. */
  source?: string;
  /** Retries of a failing handler before the message is dead-lettered. Default 3 retries, 200 ms first backoff. */
  handlerRetry?: { retries: number; backoffMs: number };
  /** How long `stop()` waits for in-flight handlers before abandoning them. Default 10 s. */
  shutdownGraceMs?: number;
  /** Dead letters and consumer lag for Prometheus (`busMetrics(registry)`); nothing is reported when absent. */
  metrics?: BusMetrics;
}

export const BUS_DEFAULTS = {
  partitions: 3,
  topicPrefix: '',
  handlerRetry: { retries: 3, backoffMs: 200 },
  shutdownGraceMs: 10_000,
} as const;
