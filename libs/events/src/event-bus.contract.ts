// The one behaviour suite every EventBus implementation must pass (the error policy on EventBus).
// Run from in-process-bus.spec.ts and kafka-bus.spec.ts.
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { busMetrics } from './bus-metrics';
import { MAX_EVENT_BYTES, type Envelope, type MessageHeaders } from './envelope';
import { InvalidEventError, PoisonMessageError } from './errors';
import type { BusOptions, EventBus, MessageMeta } from './event-bus';
import { EVENT_TYPES, TOPICS, dataSchemaUri, type Topic, type TopicData } from './topics';

export interface BusUnderTest {
  bus: EventBus;
  /** Writes bytes (and headers) to a topic the way any foreign producer could: no envelope, no validation. */
  produceRaw(topic: Topic, value: string, key: string, headers?: MessageHeaders): Promise<void>;
  /** Releases whatever makeBus opened besides the bus. */
  dispose?(): Promise<void>;
}

/** Builds a bus with exactly these options (each test gets its own topicPrefix). */
export type MakeBus = (opts: BusOptions) => Promise<BusUnderTest>;

const CORPUS = TOPICS.corpusPublished;
type Corpus = typeof CORPUS;
type Received = { event: Envelope<Corpus>; meta: MessageMeta<Corpus> };

const corpus = (corpusName: string): TopicData<Corpus> => ({ corpusName, format: 'urdu', uri: `file:///corpora/${corpusName}` });
const unique = (what: string) => `${what}-${randomUUID().slice(0, 8)}`;

async function waitFor(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// Explicit, because vitest projects do not inherit the root config's timeouts; waits inside the
// tests are bounded by waitFor's own limit, so these only catch a hang.
const TEST_TIMEOUT_MS = 60_000;

export function eventBusContract(name: string, makeBus: MakeBus): void {
  describe(`EventBus contract: ${name}`, { timeout: TEST_TIMEOUT_MS }, () => {
    let underTest: BusUnderTest;
    let bus: EventBus;
    let toClose: BusUnderTest | null = null; // null when makeBus failed: nothing to clean up
    let registry: Registry;

    beforeEach(async () => {
      toClose = null;
      registry = new Registry();
      underTest = await makeBus({
        metrics: busMetrics(registry),
        topicPrefix: `${unique('contract')}.`,
        partitions: 3,
        handlerRetry: { retries: 2, backoffMs: 10 },
        shutdownGraceMs: 300,
      });
      bus = underTest.bus;
      toClose = underTest;
    }, TEST_TIMEOUT_MS);

    afterEach(async () => {
      await toClose?.bus.close();
      await toClose?.dispose?.();
    }, TEST_TIMEOUT_MS);

    /** Subscribes a member that records what it handles (after `handle`, when given, resolves). */
    async function member(groupId: string, handle?: (event: Envelope<Corpus>) => Promise<void>) {
      const received: Received[] = [];
      const subscription = await bus.subscribe({
        groupId,
        topics: [CORPUS],
        fromBeginning: true,
        handler: async (event, meta) => {
          await handle?.(event);
          received.push({ event, meta });
        },
      });
      return { received, subscription, names: () => received.map((r) => r.event.data.corpusName) };
    }

    async function deadLetters(): Promise<Array<Envelope<typeof TOPICS.deadLetter>>> {
      const letters: Array<Envelope<typeof TOPICS.deadLetter>> = [];
      await bus.subscribe({ groupId: unique('dead-letters'), topics: [TOPICS.deadLetter], fromBeginning: true, handler: async (e) => void letters.push(e) });
      return letters;
    }

    it('wraps published data in a CloudEvents envelope and delivers it to a group member', async () => {
      const { received, subscription } = await member(unique('group'));
      const published = await bus.publish(CORPUS, { ...corpus('iemocap-s1'), labelMap: { exc: 'happy' } }, { key: 'iemocap', subject: 'iemocap-s1' });

      expect(published).toMatchObject({
        specversion: '1.0',
        type: EVENT_TYPES[CORPUS],
        datacontenttype: 'application/json',
        dataschema: dataSchemaUri(CORPUS),
        subject: 'iemocap-s1',
      });
      expect(published.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(published.time).toISOString()).toBe(published.time);
      await waitFor('the event', () => received.length === 1);
      expect(received[0]!.event).toEqual(published);
      expect(received[0]!.meta).toMatchObject({ topic: CORPUS, offset: '0' });

      await subscription.stop();
      await expect(subscription.done).resolves.toBeUndefined();
    });

    it('delivers every message to each of two groups', async () => {
      const a = await member(unique('group-a'));
      const b = await member(unique('group-b'));
      const ids = [];
      for (const n of ['one', 'two', 'three']) ids.push((await bus.publish(CORPUS, corpus(n))).id);

      await waitFor('both groups to get 3 events', () => a.received.length === 3 && b.received.length === 3);
      expect(new Set(a.received.map((r) => r.event.id))).toEqual(new Set(ids));
      expect(new Set(b.received.map((r) => r.event.id))).toEqual(new Set(ids));
    });

    it('splits partitions between two members of a group, without duplicates, in order per key', async () => {
      const groupId = unique('group');
      const first = await member(groupId);
      const second = await member(groupId);
      const keys = Array.from({ length: 10 }, (_, k) => `key-${k}`);
      for (let seq = 0; seq < 3; seq++) for (const key of keys) await bus.publish(CORPUS, corpus(`${key}.${seq}`), { key });

      await waitFor('30 events', () => first.received.length + second.received.length === 30);
      await Promise.all([first.subscription.stop(), second.subscription.stop()]);
      const all = [...first.names(), ...second.names()];
      expect(all).toHaveLength(30);
      expect(new Set(all).size).toBe(30);
      expect(first.received.length).toBeGreaterThan(0);
      expect(second.received.length).toBeGreaterThan(0);
      const partitionsOf = (m: { received: Received[] }) => new Set(m.received.map((r) => r.meta.partition));
      expect([...partitionsOf(first)].filter((p) => partitionsOf(second).has(p))).toEqual([]);
      for (const m of [first, second]) {
        for (const key of keys) {
          const seen = m.names().filter((n) => n.startsWith(`${key}.`));
          if (seen.length) expect(seen).toEqual([0, 1, 2].map((seq) => `${key}.${seq}`));
        }
      }
    });

    it('redelivers to the next member a message whose handler had not finished when its consumer stopped', async () => {
      const groupId = unique('group');
      let hung = false;
      const dying = await member(groupId, async (event) => {
        if (event.data.corpusName !== 'second') return;
        hung = true;
        await new Promise(() => {}); // never settles: the consumer stops mid-message
      });
      await bus.publish(CORPUS, corpus('first'), { key: 'same' });
      await waitFor('the first event to be handled', () => dying.received.length === 1);
      await bus.publish(CORPUS, corpus('second'), { key: 'same' });
      await waitFor('the second event to reach the handler', () => hung);
      await dying.subscription.stop();

      const next = await member(groupId);
      await waitFor('the redelivered event', () => next.received.length >= 1);
      expect(next.names()[0]).toBe('second'); // 'first' was committed, 'second' was not
    });

    it('commits a message whose handler finishes during the shutdown grace period', async () => {
      const groupId = unique('group');
      let release: () => void = () => {};
      let started = false;
      const stopping = await member(groupId, async () => {
        started = true;
        await new Promise<void>((r) => (release = r));
      });
      await bus.publish(CORPUS, corpus('finished-late'), { key: 'same' });
      await waitFor('the handler to start', () => started);
      const stopped = stopping.subscription.stop();
      release();
      await stopped;
      expect(stopping.names()).toEqual(['finished-late']);

      await bus.publish(CORPUS, corpus('after'), { key: 'same' });
      const next = await member(groupId);
      await waitFor('the next event', () => next.received.length >= 1);
      expect(next.names()[0]).toBe('after');
    });

    it('dead-letters malformed messages with the reason and keeps consuming the ones after them', async () => {
      const letters = await deadLetters();
      const groupId = unique('group');
      const consumer = await member(groupId);
      const wrongType = {
        specversion: '1.0',
        id: randomUUID(),
        source: '/test',
        type: EVENT_TYPES[TOPICS.runStatus],
        time: new Date().toISOString(),
        data: corpus('x'),
      };
      const badData = { ...wrongType, id: randomUUID(), type: EVENT_TYPES[CORPUS], data: { format: 'mp3' } };
      await underTest.produceRaw(CORPUS, 'not json {', 'same');
      await underTest.produceRaw(CORPUS, JSON.stringify(wrongType), 'same');
      await underTest.produceRaw(CORPUS, JSON.stringify(badData), 'same');
      const good = await bus.publish(CORPUS, corpus('good'), { key: 'same' });

      await waitFor('the good event', () => consumer.received.length === 1);
      expect(consumer.received[0]!.event.id).toBe(good.id);
      await waitFor('3 dead letters', () => letters.length === 3);
      const data = letters.map((l) => l.data);
      for (const d of data) expect(d).toMatchObject({ originalTopic: CORPUS, groupId, partition: consumer.received[0]!.meta.partition });
      expect(data.map((d) => d.offset)).toEqual(['0', '1', '2']);
      expect(data.map((d) => d.payload)).toEqual(['not json {', JSON.stringify(wrongType), JSON.stringify(badData)]);
      expect(data[0]!.reason).toMatch(/not valid JSON/);
      expect(data[1]!.reason).toMatch(/unexpected event type 'ser\.run\.status\.v1'/);
      expect(data[2]!.reason).toMatch(/corpusName/);
      expect(data[2]!.reason).toMatch(/format/);
    });

    it('decodes binary-mode events (attributes in ce_* headers, data in the value) next to structured ones', async () => {
      const consumer = await member(unique('group'));
      const time = new Date().toISOString();
      const full = {
        specversion: '1.0',
        id: randomUUID(),
        source: '/pipelines/python',
        type: EVENT_TYPES[CORPUS],
        time,
        subject: 'full',
        dataschema: dataSchemaUri(CORPUS),
      };
      const headers = (attrs: Record<string, string>): MessageHeaders => Object.fromEntries(Object.entries(attrs).map(([k, v]) => [`ce_${k}`, Buffer.from(v)]));
      await underTest.produceRaw(CORPUS, JSON.stringify(corpus('binary-full')), 'same', {
        'content-type': 'application/json; charset=utf-8',
        ...headers(full),
      });
      // The least the binding allows: no content-type, no dataschema, no subject; unknown ce_ extensions are ignored.
      const { subject: _s, dataschema: _d, ...minimal } = { ...full, id: randomUUID() };
      await underTest.produceRaw(CORPUS, JSON.stringify(corpus('binary-minimal')), 'same', headers({ ...minimal, partitionkey: 'same' }));
      const structured = await bus.publish(CORPUS, corpus('structured'), { key: 'same' });

      await waitFor('3 events', () => consumer.received.length === 3);
      expect(consumer.names()).toEqual(['binary-full', 'binary-minimal', 'structured']);
      const filledIn = { datacontenttype: 'application/json', dataschema: dataSchemaUri(CORPUS) };
      expect(consumer.received[0]!.event).toEqual({ ...full, ...filledIn, data: corpus('binary-full') });
      expect(consumer.received[1]!.event).toEqual({ ...minimal, ...filledIn, data: corpus('binary-minimal') });
      expect(consumer.received[2]!.event).toEqual(structured);
    });

    it('dead-letters binary-mode events that break the contract, with the reason and their headers', async () => {
      const letters = await deadLetters();
      const consumer = await member(unique('group'));
      const attrs = { specversion: '1.0', source: '/pipelines/python', type: EVENT_TYPES[CORPUS], time: new Date().toISOString() };
      const send = (data: unknown, over: Record<string, string | undefined>, contentType = 'application/json') => {
        const ce = Object.entries({ ...attrs, id: randomUUID(), ...over }).filter(([, v]) => v !== undefined);
        return underTest.produceRaw(CORPUS, typeof data === 'string' ? data : JSON.stringify(data), 'same', {
          'content-type': contentType,
          ...Object.fromEntries(ce.map(([k, v]) => [`ce_${k}`, v!])),
        });
      };
      await send(corpus('x'), { type: 'com.example.unknown.v1' });
      await send(corpus('x'), { id: undefined });
      await send({ corpusName: 'x', format: 'mp3', uri: '/x' }, {});
      await send(corpus('x'), { dataschema: 'urn:ser:schema:ser.corpus.published.v0' });
      await send('corpusName=x', {}, 'text/plain');
      await send('{"corpusName":', {});
      await send(corpus('good'), {});

      await waitFor('the good event', () => consumer.received.length === 1);
      expect(consumer.names()).toEqual(['good']);
      await waitFor('6 dead letters', () => letters.length === 6);
      const reasons = letters.map((l) => l.data.reason);
      expect(reasons[0]).toMatch(/unexpected event type 'com\.example\.unknown\.v1'/);
      expect(reasons[1]).toMatch(/binary mode[\s\S]*id/);
      expect(reasons[2]).toMatch(/does not match its schema[\s\S]*format/);
      expect(reasons[3]).toMatch(/dataschema 'urn:ser:schema:ser\.corpus\.published\.v0' is not the schema/);
      expect(reasons[4]).toMatch(/content-type 'text\/plain'/);
      expect(reasons[5]).toMatch(/data is not valid JSON/);
      expect(letters[0]!.data.headers).toMatchObject({ ce_type: 'com.example.unknown.v1', ce_specversion: '1.0', 'content-type': 'application/json' });
      expect(letters[4]!.data.payload).toBe('corpusName=x');
    });

    it('dead-letters an oversized message, quoting its start, and refuses to publish one', async () => {
      const letters = await deadLetters();
      const consumer = await member(unique('group'));
      const huge = JSON.stringify({
        specversion: '1.0',
        id: randomUUID(),
        source: '/test',
        type: EVENT_TYPES[CORPUS],
        time: new Date().toISOString(),
        data: corpus('x'.repeat(MAX_EVENT_BYTES)),
      });
      await underTest.produceRaw(CORPUS, huge, 'same');
      await expect(bus.publish(CORPUS, corpus('y'.repeat(MAX_EVENT_BYTES)), { key: 'same' })).rejects.toThrow(/larger than the 262144-byte limit/);
      await bus.publish(CORPUS, corpus('after'), { key: 'same' });

      await waitFor('the event after it', () => consumer.received.length === 1);
      expect(consumer.names()).toEqual(['after']);
      await waitFor('1 dead letter', () => letters.length === 1);
      const letter = letters[0]!.data;
      expect(letter.reason).toMatch(/message of \d+ bytes is larger than the 262144-byte limit/);
      expect(letter.payloadTruncated).toBe(true);
      expect(letter.payload.length).toBeGreaterThan(1000);
      expect(huge.startsWith(letter.payload)).toBe(true);
    });

    it('retries a failing handler with backoff, dead-letters it when retries run out, and poison at once', async () => {
      const letters = await deadLetters();
      const attempts = new Map<string, number>();
      const consumer = await member(unique('group'), async (event) => {
        const name = event.data.corpusName;
        const attempt = (attempts.get(name) ?? 0) + 1;
        attempts.set(name, attempt);
        if (name === 'flaky' && attempt < 3) throw new Error('transient');
        if (name === 'broken') throw new Error('boom');
        if (name === 'poison') throw new PoisonMessageError('format cannot be read');
      });
      for (const name of ['flaky', 'broken', 'poison', 'fine']) await bus.publish(CORPUS, corpus(name), { key: 'same' });

      await waitFor('the last event', () => consumer.names().includes('fine'));
      await waitFor('2 dead letters', () => letters.length === 2);
      expect(Object.fromEntries(attempts)).toEqual({ flaky: 3, broken: 3, poison: 1, fine: 1 });
      expect(consumer.names()).toEqual(['flaky', 'fine']);
      // Same key, same dead-letter partition, in order: had 'flaky' been dead-lettered it would come first.
      expect(letters.map((l) => JSON.parse(l.data.payload).data.corpusName)).toEqual(['broken', 'poison']);
      expect(letters[0]!.data.reason).toMatch(/failed 3 times.*boom/);
      expect(letters[1]!.data.reason).toMatch(/poison: format cannot be read/);
    });

    it('counts dead letters by topic and reason, and reports consumer lag by topic and group', async () => {
      const letters = await deadLetters();
      const group = unique('group');
      const consumer = await member(group, async (event) => {
        if (event.data.corpusName === 'broken') throw new Error('boom');
        if (event.data.corpusName === 'poison') throw new PoisonMessageError('format cannot be read');
      });
      await underTest.produceRaw(CORPUS, 'not json', 'same');
      for (const name of ['broken', 'poison', 'fine']) await bus.publish(CORPUS, corpus(name), { key: 'same' });
      await waitFor('the last event', () => consumer.names().includes('fine'));
      await waitFor('3 dead letters', () => letters.length === 3);

      const sample = async (name: string, labels: Record<string, string>) => {
        const values = (await registry.getSingleMetric(name)!.get()).values;
        return values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value;
      };
      for (const reason of ['invalid-event', 'poison', 'retries-exhausted']) {
        expect(await sample('ser_events_dead_letters_total', { topic: CORPUS, reason })).toBe(1);
      }
      // Everything handled and committed: nothing left behind on the partition.
      await expect.poll(() => sample('ser_events_consumer_lag_messages', { topic: CORPUS, group }), { timeout: 10_000 }).toBe(0);
    });

    it('rejects publishing invalid data and sends nothing', async () => {
      const consumer = await member(unique('group'));
      const invalid = { corpusName: '', format: 'mp3', uri: 'x' } as unknown as TopicData<Corpus>;
      await expect(bus.publish(CORPUS, invalid, { key: 'same' })).rejects.toThrow(InvalidEventError);
      await expect(bus.publish(CORPUS, invalid, { key: 'same' })).rejects.toThrow(/corpusName[\s\S]*format|format[\s\S]*corpusName/);
      await bus.publish(CORPUS, corpus('valid'), { key: 'same' });

      await waitFor('the valid event', () => consumer.received.length === 1);
      expect(consumer.received[0]!.meta.offset).toBe('0');
    });
  });
}
