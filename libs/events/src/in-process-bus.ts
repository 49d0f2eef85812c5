// The embedded EventBus (`npm start` on one machine): Kafka's model in memory — partitioned
// append-only logs, consumer groups that share partitions, committed offsets per group and
// partition, redelivery of what was not committed, dead-letter. Nothing survives a restart: the
// logs and offsets live only as long as the process (acceptable for the single-machine default;
// the cluster uses KafkaEventBus).
import { createLogger, type Logger } from '@ser/logging';
import { deliver, shutdownSignals, unlessAbandoned, type DeliveryContext } from './delivery';
import { createEnvelope, encodeEnvelope, type Envelope, type MessageHeaders } from './envelope';
import { BUS_DEFAULTS, type BusOptions, type EventBus, type PublishOptions, type SubscribeOptions, type Subscription } from './event-bus';
import { TOPICS, type Topic, type TopicData } from './topics';

/** `topicPrefix` has nothing to isolate here (each bus is its own world) and is ignored. */
export interface InProcessBusOptions extends BusOptions {
  logger?: Logger;
}

/** An in-process bus; `appendRaw` writes arbitrary bytes and headers, as any foreign Kafka producer could. */
export interface InProcessBus extends EventBus {
  appendRaw(topic: Topic, value: string | Buffer, key?: string, headers?: MessageHeaders): void;
}

export function createInProcessBus(opts: InProcessBusOptions = {}): InProcessBus {
  return new MemoryBus(opts);
}

interface StoredMessage {
  key: string | null;
  value: Buffer;
  headers?: MessageHeaders;
}

interface Member {
  topics: ReadonlySet<Topic>;
  fromBeginning: boolean;
  context: DeliveryContext<Topic>;
  signals: ReturnType<typeof shutdownSignals>;
  inFlight: Set<Promise<void>>;
}

/** One group's progress on one partition. Only one message per cursor is in flight at a time. */
interface Cursor {
  topic: Topic;
  partition: number;
  /** Next offset to deliver once committed; null until the group commits anything here. */
  committed: number | null;
  /** Where an owner without a committed offset starts (its fromBeginning, like auto.offset.reset). */
  resetTo: number;
  owner: Member | null;
  busy: boolean;
}

interface Group {
  id: string;
  members: Member[];
  cursors: Map<string, Cursor>;
}

class MemoryBus implements InProcessBus {
  private readonly logs = new Map<Topic, StoredMessage[][]>();
  private readonly groups = new Map<string, Group>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly partitions: number;
  private readonly source: string;
  private readonly log: Logger;
  private roundRobin = 0;
  private closed = false;

  constructor(private readonly opts: InProcessBusOptions) {
    this.partitions = opts.partitions ?? BUS_DEFAULTS.partitions;
    this.source = opts.source ?? '/ser/in-process';
    this.log = opts.logger ?? createLogger('events');
  }

  async publish<T extends Topic>(topic: T, data: TopicData<T>, opts: PublishOptions = {}): Promise<Envelope<T>> {
    this.assertOpen();
    const envelope = createEnvelope(topic, data, { id: opts.id, source: opts.source ?? this.source, subject: opts.subject });
    this.append(topic, encodeEnvelope(envelope), opts.key ?? null);
    return envelope;
  }

  appendRaw(topic: Topic, value: string | Buffer, key?: string, headers?: MessageHeaders): void {
    this.assertOpen();
    this.append(topic, Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8'), key ?? null, headers);
  }

  async subscribe<T extends Topic>(opts: SubscribeOptions<T>): Promise<Subscription> {
    this.assertOpen();
    const group = this.group(opts.groupId);
    const signals = shutdownSignals(this.opts.shutdownGraceMs ?? BUS_DEFAULTS.shutdownGraceMs);
    const context: DeliveryContext<T> = {
      groupId: opts.groupId,
      handler: opts.handler,
      retry: this.opts.handlerRetry ?? BUS_DEFAULTS.handlerRetry,
      log: this.log,
      deadLetter: (data, key) => this.publish(TOPICS.deadLetter, data, key === null ? {} : { key }),
      stopping: signals.stopping,
      abandon: signals.abandon,
      metrics: this.opts.metrics,
    };
    const member: Member = {
      topics: new Set(opts.topics),
      fromBeginning: opts.fromBeginning ?? false,
      // Safe widening: rebalance() only hands a member partitions of its own topics (T).
      context: context as unknown as DeliveryContext<Topic>,
      signals,
      inFlight: new Set(),
    };
    let resolveDone: () => void = () => {};
    let stopped: Promise<void> | null = null;
    const subscription: Subscription = {
      done: new Promise((resolve) => (resolveDone = resolve)),
      stop: () =>
        (stopped ??= this.leave(group, member).then(() => {
          this.subscriptions.delete(subscription);
          resolveDone();
        })),
    };
    group.members.push(member);
    this.subscriptions.add(subscription);
    this.rebalance(group);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('event bus is closed');
  }

  private topicLog(topic: Topic): StoredMessage[][] {
    let log = this.logs.get(topic);
    if (!log) {
      log = Array.from({ length: this.partitions }, () => []);
      this.logs.set(topic, log);
    }
    return log;
  }

  private append(topic: Topic, value: Buffer, key: string | null, headers?: MessageHeaders): void {
    const partitions = this.topicLog(topic);
    const partition = key === null ? this.roundRobin++ % partitions.length : fnv1a(key) % partitions.length;
    partitions[partition]!.push({ key, value, ...(headers && { headers }) });
    for (const group of this.groups.values()) {
      const cursor = group.cursors.get(cursorKey(topic, partition));
      if (!cursor) continue;
      this.reportLag(group, topic);
      this.schedulePump(cursor);
    }
  }

  private group(id: string): Group {
    let group = this.groups.get(id);
    if (!group) {
      group = { id, members: [], cursors: new Map() };
      this.groups.set(id, group);
    }
    return group;
  }

  /** Partition i of a topic goes to the (i mod n)-th member subscribed to it, in join order. */
  private rebalance(group: Group): void {
    const topics = new Set(group.members.flatMap((m) => [...m.topics]));
    for (const topic of topics) {
      const members = group.members.filter((m) => m.topics.has(topic));
      const partitions = this.topicLog(topic).length;
      for (let partition = 0; partition < partitions; partition++) {
        const key = cursorKey(topic, partition);
        const cursor = group.cursors.get(key) ?? { topic, partition, committed: null, resetTo: 0, owner: null, busy: false };
        group.cursors.set(key, cursor);
        const owner = members[partition % members.length] ?? null;
        if (cursor.owner !== owner && owner && cursor.committed === null) {
          cursor.resetTo = owner.fromBeginning ? 0 : this.topicLog(topic)[partition]!.length;
        }
        cursor.owner = owner;
        this.schedulePump(cursor);
      }
    }
    for (const cursor of group.cursors.values()) if (!topics.has(cursor.topic)) cursor.owner = null;
  }

  private schedulePump(cursor: Cursor): void {
    setImmediate(() => this.pump(cursor));
  }

  /** Delivers the cursor's next message to its owner, commits unless abandoned, and moves on. */
  private pump(cursor: Cursor): void {
    const owner = cursor.owner;
    if (cursor.busy || !owner || owner.signals.stopping.aborted) return;
    const offset = cursor.committed ?? cursor.resetTo;
    const message = this.topicLog(cursor.topic)[cursor.partition]![offset];
    if (!message) return;
    cursor.busy = true;
    const consumed = { topic: cursor.topic, partition: cursor.partition, offset: String(offset), ...message };
    let retryDelay = 0;
    const tracked: Promise<void> = unlessAbandoned(deliver(consumed, owner.context), owner.signals.abandon)
      .then(
        (outcome) => {
          if (outcome !== 'abandoned') cursor.committed = offset + 1;
          const group = [...this.groups.values()].find((g) => g.cursors.get(cursorKey(cursor.topic, cursor.partition)) === cursor);
          if (group) this.reportLag(group, cursor.topic);
        },
        (err) => {
          // Only dead-lettering can fail here; the message stays uncommitted and is tried again.
          this.log.error({ err, topic: cursor.topic, partition: cursor.partition, offset: String(offset) }, 'delivery failed; retrying');
          retryDelay = (this.opts.handlerRetry ?? BUS_DEFAULTS.handlerRetry).backoffMs;
        },
      )
      .finally(() => {
        cursor.busy = false;
        owner.inFlight.delete(tracked);
        if (retryDelay > 0) setTimeout(() => this.pump(cursor), retryDelay);
        else setImmediate(() => this.pump(cursor));
      });
    owner.inFlight.add(tracked);
  }

  /** Messages of `topic` past the group's position (committed, else where it would start), over all its partitions. */
  private reportLag(group: Group, topic: Topic): void {
    if (!this.opts.metrics) return;
    let lag = 0;
    for (const cursor of group.cursors.values()) {
      if (cursor.topic === topic) lag += this.topicLog(topic)[cursor.partition]!.length - (cursor.committed ?? cursor.resetTo);
    }
    this.opts.metrics.consumerLag(topic, group.id, lag);
  }

  /** Graceful leave: no new messages, in-flight ones finish or are abandoned, then partitions move on. */
  private async leave(group: Group, member: Member): Promise<void> {
    member.signals.begin();
    await Promise.all(member.inFlight);
    member.signals.finish();
    group.members = group.members.filter((m) => m !== member);
    this.rebalance(group);
  }
}

function cursorKey(topic: Topic, partition: number): string {
  return `${topic}#${partition}`;
}

/** FNV-1a: a stable, well-spread hash so one key always maps to one partition. */
function fnv1a(s: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(s, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}
