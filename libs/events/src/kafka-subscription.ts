// One consumer-group member on Kafka: kafkajs `eachMessage` with autoCommit off, an explicit commit
// after each delivered message, and the graceful stop described on EventBus.
import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import type { Logger } from '@ser/logging';
import type { BusMetrics } from './bus-metrics';
import { deliver, shutdownSignals, unlessAbandoned, type DeliveryContext } from './delivery';
import type { SubscribeOptions, Subscription } from './event-bus';
import type { Topic } from './topics';

/** Consumer timing; kafkajs defaults when absent. Tests shorten them to rebalance in well under a second. */
export interface ConsumerTuning {
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  rebalanceTimeoutMs?: number;
  /** Longest a fetch waits for new data; bounds how long leaving the group takes. */
  maxWaitTimeMs?: number;
}

export interface KafkaSubscriptionDeps {
  kafka: Kafka;
  log: Logger;
  physicalTopic(topic: Topic): string;
  logicalTopic(physical: string): Topic;
  /** The group's name on the broker (the bus's prefix + opts.groupId); letters, logs and metrics keep opts.groupId. */
  physicalGroupId(groupId: string): string;
  delivery: Pick<DeliveryContext<Topic>, 'retry' | 'deadLetter' | 'metrics'>;
  shutdownGraceMs: number;
  /** Partitions handled at the same time (one message at a time within each). */
  concurrency: number;
  tuning: ConsumerTuning;
}

const JOIN_TIMEOUT_MS = 60_000;
const KAFKAJS_HEARTBEAT_MS = 3_000;

export async function startKafkaSubscription<T extends Topic>(deps: KafkaSubscriptionDeps, opts: SubscribeOptions<T>): Promise<Subscription> {
  const { tuning, log } = deps;
  const groupId = deps.physicalGroupId(opts.groupId);
  const consumer = deps.kafka.consumer({
    groupId,
    sessionTimeout: tuning.sessionTimeoutMs,
    heartbeatInterval: tuning.heartbeatIntervalMs,
    rebalanceTimeout: tuning.rebalanceTimeoutMs,
    maxWaitTimeInMs: tuning.maxWaitTimeMs,
    allowAutoTopicCreation: false, // the bus creates topics with the intended partition count
  });
  const signals = shutdownSignals(deps.shutdownGraceMs);
  const context: DeliveryContext<T> = {
    ...deps.delivery,
    groupId: opts.groupId,
    handler: opts.handler,
    log,
    stopping: signals.stopping,
    abandon: signals.abandon,
  };
  const inFlight = new Set<Promise<unknown>>();
  const heartbeatMs = tuning.heartbeatIntervalMs ?? KAFKAJS_HEARTBEAT_MS;

  const eachMessage = async ({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> => {
    if (signals.stopping.aborted) return; // not handled, not committed: the partition's next owner gets it
    const logical = deps.logicalTopic(topic) as T;
    const where = { topic: logical, partition, offset: message.offset, groupId: opts.groupId };
    // kafkajs heartbeats only between messages; a long handler must not cost the member its partitions.
    const beating = setInterval(() => heartbeat().catch(() => {}), heartbeatMs);
    const work = (async () => {
      const consumed = { ...where, key: message.key?.toString('utf8') ?? null, value: message.value, headers: message.headers };
      const outcome = await unlessAbandoned(deliver(consumed, context), signals.abandon);
      if (outcome === 'abandoned') {
        log.warn(where, 'message left uncommitted at shutdown; it will be delivered again');
        return;
      }
      await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
    })();
    const settled = work.catch(() => {});
    inFlight.add(settled);
    try {
      await work; // a throw (dead-letter or commit failed) makes kafkajs seek back and deliver it again
    } catch (err) {
      log.error({ ...where, err }, 'message not committed; kafkajs will deliver it again');
      throw err;
    } finally {
      clearInterval(beating);
      inFlight.delete(settled);
    }
  };

  let failDone: (err: Error) => void = () => {};
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((resolve, reject) => ((resolveDone = resolve), (failDone = reject)));
  done.catch(() => {}); // a service that ignores `done` must not crash on an unhandled rejection

  const join = watchFirstJoin(consumer);
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: opts.topics.map(deps.physicalTopic), fromBeginning: opts.fromBeginning ?? false });
    await consumer.run({ autoCommit: false, partitionsConsumedConcurrently: deps.concurrency, eachMessage });
    await join.joined;
  } catch (err) {
    join.cancel();
    await consumer.disconnect().catch(() => {});
    throw new Error(`consumer group '${groupId}' could not join Kafka: ${(err as Error).message}`, { cause: err });
  }

  if (deps.delivery.metrics) reportLag(consumer, deps, opts.groupId, deps.delivery.metrics);

  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (payload.restart || signals.stopping.aborted) return; // kafkajs restarts it by itself
    log.error({ groupId, err: payload.error }, 'Kafka consumer crashed and will not restart');
    failDone(payload.error);
  });

  let stopped: Promise<void> | null = null;
  const stop = async () => {
    signals.begin();
    consumer.pause(opts.topics.map((t) => ({ topic: deps.physicalTopic(t) })));
    await Promise.all(inFlight); // finished ones commit here; the consumer is still running
    signals.finish();
    await consumer.disconnect(); // leaves the group: its partitions move to the other members now
    resolveDone();
  };
  return { done, stop: () => (stopped ??= stop()) };
}

/**
 * Consumer lag from what kafkajs already knows, without asking the broker: after each batch, the partition's high
 * watermark minus the next offset to handle. Summed over the partitions this member owns (forgotten on a rebalance).
 */
function reportLag(consumer: Consumer, deps: KafkaSubscriptionDeps, groupId: string, metrics: BusMetrics): void {
  const byPartition = new Map<string, Map<number, number>>();
  const publish = (physical: string) => {
    const lags = byPartition.get(physical);
    let total = 0;
    for (const lag of lags?.values() ?? []) total += lag;
    metrics.consumerLag(deps.logicalTopic(physical), groupId, total);
  };
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    let lags = byPartition.get(payload.topic);
    if (!lags) byPartition.set(payload.topic, (lags = new Map()));
    lags.set(payload.partition, Math.max(0, Number(payload.offsetLag)));
    publish(payload.topic);
  });
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    for (const [physical, lags] of byPartition) {
      const owned = new Set(payload.memberAssignment[physical] ?? []);
      for (const partition of lags.keys()) if (!owned.has(partition)) lags.delete(partition);
      publish(physical);
    }
  });
}

/** `joined` resolves on the member's first join; rejects when the consumer crashes for good first. */
function watchFirstJoin(consumer: Consumer): { joined: Promise<void>; cancel(): void } {
  let finish: (err?: Error) => void = () => {};
  const joined = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no group join within ${JOIN_TIMEOUT_MS / 1000} s`)), JOIN_TIMEOUT_MS);
    const offJoin = consumer.on(consumer.events.GROUP_JOIN, () => finish());
    const offCrash = consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) finish(payload.error);
    });
    finish = (err) => {
      clearTimeout(timer);
      offJoin();
      offCrash();
      if (err) reject(err);
      else resolve();
    };
  });
  joined.catch(() => {}); // observed by the caller's await; this only avoids an early unhandled rejection
  return { joined, cancel: () => finish() };
}
