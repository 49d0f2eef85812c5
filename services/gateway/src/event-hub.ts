import { randomUUID } from 'node:crypto';
import { TOPICS, type EventBus, type Subscription, type TopicData } from '@ser/events';
import type { Logger } from '@ser/logging';

/** The topics GraphQL subscriptions follow. */
export const HUB_TOPICS = [TOPICS.runStatus, TOPICS.corpusPublished, TOPICS.featuresReady, TOPICS.modelAliasMoved] as const;
export type HubTopic = (typeof HUB_TOPICS)[number];
export type HubEvent = { [T in HubTopic]: { topic: T; data: TopicData<T> } }[HubTopic];

// A subscriber that stops reading loses its oldest events past this many, rather than growing without bound.
const MAX_BUFFERED = 1000;

/**
 * Fans bus events out to GraphQL subscriptions: one bus consumer per gateway process, not one per subscriber
 * (a Kafka consumer group per browser tab would not scale). The group id is unique per process so every gateway
 * replica sees every event; a new group starts at the topic's end, which is what a live feed wants.
 */
export class EventHub {
  /** Listener -> its finisher, so stop() can end every open iterator. */
  private readonly listeners = new Map<(e: HubEvent) => void, () => void>();
  private subscription: Subscription | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.subscription = await this.bus.subscribe<HubTopic>({
      groupId: `gateway-${randomUUID()}`,
      topics: [...HUB_TOPICS],
      handler: async (event, meta) => {
        const e = { topic: meta.topic, data: event.data } as HubEvent;
        for (const listener of this.listeners.keys()) listener(e);
      },
    });
  }

  /** Events matching `accept`, until the consumer of the iterator returns (graphql-ws does on unsubscribe). */
  listen<E extends HubEvent>(accept: (e: HubEvent) => e is E): AsyncIterableIterator<E> {
    const buffered: E[] = [];
    let wake: (() => void) | undefined;
    let done = false;
    const listener = (e: HubEvent) => {
      if (!accept(e)) return;
      if (buffered.length >= MAX_BUFFERED) {
        buffered.shift();
        this.logger.warn({ topic: e.topic }, 'a subscriber fell behind; dropped its oldest event');
      }
      buffered.push(e);
      wake?.();
    };
    const finish = () => {
      done = true;
      this.listeners.delete(listener);
      wake?.();
    };
    this.listeners.set(listener, finish);
    const iterator: AsyncIterableIterator<E> = {
      [Symbol.asyncIterator]: () => iterator,
      async next() {
        while (!done && buffered.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        if (done) return { done: true, value: undefined };
        return { done: false, value: buffered.shift()! };
      },
      async return() {
        finish();
        return { done: true, value: undefined };
      },
    };
    return iterator;
  }

  /**
   * Announces a run status the gateway set itself (a queued run it cancelled with no trainer up) on the bus, where
   * every watcher of the run (this and other replicas' subscriptions, trainers' Watch streams) follows runs.
   */
  async publishRunStatus(data: TopicData<typeof TOPICS.runStatus>): Promise<void> {
    await this.bus.publish(TOPICS.runStatus, data, { key: data.runId });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    for (const finish of [...this.listeners.values()]) finish();
  }
}

export const isTopic =
  <T extends HubTopic>(topic: T) =>
  (e: HubEvent): e is Extract<HubEvent, { topic: T }> =>
    e.topic === topic;
