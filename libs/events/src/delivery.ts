// What happens to one consumed message: decode, handle with bounded retries, or dead-letter.
// Shared by both buses so the error policy documented on EventBus is implemented exactly once.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@ser/logging';
import type { BusMetrics, DeadLetterReason } from './bus-metrics';
import { MAX_EVENT_BYTES, decodeEnvelope, type MessageHeaders } from './envelope';
import { PoisonMessageError } from './errors';
import type { EventHandler } from './event-bus';
import { TOPICS, type Topic, type TopicData } from './topics';

/** Everything but 'abandoned' is committed. */
export type Outcome = 'handled' | 'dead-lettered' | 'dropped' | 'abandoned';

export interface ConsumedMessage<T extends Topic> {
  topic: T;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers?: MessageHeaders;
}

export interface DeliveryContext<T extends Topic> {
  groupId: string;
  handler: EventHandler<T>;
  retry: { retries: number; backoffMs: number };
  log: Logger;
  deadLetter(data: TopicData<typeof TOPICS.deadLetter>, key: string | null): Promise<unknown>;
  /** Fires on Subscription.stop(): no further retries start. */
  stopping: AbortSignal;
  /** Fires when the shutdown grace period is over: the message is left uncommitted. */
  abandon: AbortSignal;
  metrics?: BusMetrics;
}

export async function deliver<T extends Topic>(msg: ConsumedMessage<T>, ctx: DeliveryContext<T>): Promise<Outcome> {
  const { topic, partition, offset } = msg;
  const log = ctx.log.child({ topic, partition, offset, groupId: ctx.groupId });
  const giveUp = async (reason: string, kind: DeadLetterReason): Promise<Outcome> => {
    if (ctx.abandon.aborted) return 'abandoned';
    if (topic === TOPICS.deadLetter) {
      log.error({ reason }, 'dropping a dead letter that could not be handled (dead letters are not dead-lettered again)');
      return 'dropped';
    }
    const letter = { originalTopic: topic, partition, offset, groupId: ctx.groupId, reason, ...quote(msg) };
    await ctx.deadLetter(letter, msg.key);
    ctx.metrics?.deadLettered(topic, kind);
    log.error({ reason }, 'message dead-lettered');
    return 'dead-lettered';
  };

  const decoded = decodeEnvelope(topic, msg.value, msg.headers);
  if (!decoded.ok) return giveUp(decoded.reason, 'invalid-event');

  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.handler(decoded.event, { topic, partition, offset });
      log.debug({ eventId: decoded.event.id, attempt }, 'message handled');
      return 'handled';
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      if (err instanceof PoisonMessageError) return giveUp(`handler rejected the event as poison: ${message}`, 'poison');
      if (attempt > ctx.retry.retries) return giveUp(`handler failed ${attempt} times; last error: ${message}`, 'retries-exhausted');
      const backoffMs = ctx.retry.backoffMs * 2 ** (attempt - 1);
      log.warn({ err, attempt, backoffMs }, 'handler failed; retrying');
      try {
        await sleep(backoffMs, undefined, { signal: ctx.stopping });
      } catch {
        return 'abandoned'; // stopping: the next owner of the partition retries it
      }
    }
  }
}

// A dead letter must itself fit under the event size limit, whatever it quotes: the payload gets half of
// it (JSON escaping can make a byte six), the headers a small share.
const PAYLOAD_BUDGET_BYTES = MAX_EVENT_BYTES / 2;
const HEADER_VALUE_MAX_CHARS = 1024;
const HEADERS_MAX = 32;

/** What a dead letter quotes of the message: its value (the start only, when too big) and its headers. */
function quote(msg: ConsumedMessage<Topic>): Pick<TopicData<typeof TOPICS.deadLetter>, 'payload' | 'payloadTruncated' | 'headers'> {
  const text = msg.value?.toString('utf8') ?? '';
  const jsonBytes = (s: string) => Buffer.byteLength(JSON.stringify(s));
  let payload = text;
  if (jsonBytes(text) > PAYLOAD_BUDGET_BYTES) {
    // The longest prefix that fits, by bisection (only oversized messages get here).
    let [fits, tooLong] = [0, text.length];
    while (tooLong - fits > 1) {
      const mid = Math.floor((fits + tooLong) / 2);
      if (jsonBytes(text.slice(0, mid)) <= PAYLOAD_BUDGET_BYTES) fits = mid;
      else tooLong = mid;
    }
    payload = text.slice(0, fits);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(msg.headers ?? {}).slice(0, HEADERS_MAX)) {
    if (value === undefined) continue;
    const text = (Array.isArray(value) ? value : [value]).map((v) => v.toString()).join(', ');
    headers[name.slice(0, HEADER_VALUE_MAX_CHARS)] = text.slice(0, HEADER_VALUE_MAX_CHARS);
  }
  return {
    payload,
    ...(payload.length < text.length && { payloadTruncated: true }),
    ...(Object.keys(headers).length > 0 && { headers }),
  };
}

/** The delivery's outcome, or 'abandoned' as soon as `abandon` fires (a hung handler is left behind). */
export function unlessAbandoned(work: Promise<Outcome>, abandon: AbortSignal): Promise<Outcome> {
  if (abandon.aborted) {
    work.catch(() => {}); // nobody waits for it any more
    return Promise.resolve('abandoned');
  }
  return new Promise<Outcome>((resolve, reject) => {
    const onAbandon = () => resolve('abandoned');
    abandon.addEventListener('abort', onAbandon, { once: true });
    work.then(resolve, reject).finally(() => abandon.removeEventListener('abort', onAbandon));
  });
}

/** Stop signals of one subscription: `stopping` at once, `abandon` after the grace period. */
export function shutdownSignals(graceMs: number) {
  const stopping = new AbortController();
  const abandon = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  return {
    stopping: stopping.signal,
    abandon: abandon.signal,
    begin() {
      if (stopping.signal.aborted) return;
      stopping.abort();
      timer = setTimeout(() => abandon.abort(), graceMs);
    },
    /** Everything in flight has settled: the grace timer is no longer needed. */
    finish() {
      clearTimeout(timer);
      abandon.abort();
    },
  };
}
