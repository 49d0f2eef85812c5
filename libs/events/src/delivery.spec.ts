import { describe, expect, it } from 'vitest';
import { createLogger } from '@ser/logging';
import { deliver, shutdownSignals, unlessAbandoned, type DeliveryContext } from './delivery';
import { createEnvelope, encodeEnvelope } from './envelope';
import { TOPICS, type Topic, type TopicData } from './topics';

const log = createLogger('events', { level: 'silent' });
const letter: TopicData<typeof TOPICS.deadLetter> = { originalTopic: TOPICS.runStatus, reason: 'bad', payload: '{}' };

function setup(handler: () => Promise<void>, graceMs = 1_000) {
  const signals = shutdownSignals(graceMs);
  const deadLettered: unknown[] = [];
  const ctx: DeliveryContext<Topic> = {
    groupId: 'g',
    handler,
    retry: { retries: 2, backoffMs: 1 },
    log,
    deadLetter: async (data) => void deadLettered.push(data),
    stopping: signals.stopping,
    abandon: signals.abandon,
  };
  return { ctx, signals, deadLettered };
}

const message = (topic: Topic, value: Buffer) => ({ topic, partition: 0, offset: '5', key: null, value });
const deadLetterMessage = message(TOPICS.deadLetter, encodeEnvelope(createEnvelope(TOPICS.deadLetter, letter, { source: '/t' })));

describe('deliver', () => {
  it('drops a dead letter whose handler keeps failing instead of dead-lettering it again', async () => {
    let attempts = 0;
    const { ctx, deadLettered } = setup(async () => {
      attempts++;
      throw new Error('store down');
    });
    expect(await deliver(deadLetterMessage, ctx)).toBe('dropped');
    expect(attempts).toBe(3);
    expect(deadLettered).toEqual([]);
  });

  it('gives up retrying once the subscription is stopping, leaving the message uncommitted', async () => {
    const { ctx, signals, deadLettered } = setup(async () => {
      signals.begin();
      throw new Error('transient');
    });
    expect(await deliver(deadLetterMessage, ctx)).toBe('abandoned');
    expect(deadLettered).toEqual([]);
    signals.finish();
  });
});

describe('unlessAbandoned', () => {
  it('answers abandoned when the grace period ends before a hung handler does', async () => {
    const { signals } = setup(async () => {}, 5);
    const outcome = unlessAbandoned(new Promise(() => {}), signals.abandon);
    signals.begin();
    expect(await outcome).toBe('abandoned');
  });

  it('passes the outcome through when the work settles first', async () => {
    const { signals } = setup(async () => {});
    expect(await unlessAbandoned(Promise.resolve('handled'), signals.abandon)).toBe('handled');
  });
});
