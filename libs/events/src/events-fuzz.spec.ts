// Property-based tests of the consumer's error policy (fast-check): malformed, unknown-type, wrong-schema,
// oversized and binary-mode CloudEvents, mutated good events and random bytes, in streams. Every message is
// handled or dead-lettered with a reason (the dead letter itself a valid event), and the consumer goes on to
// handle the good event that follows. Seeded and bounded in runs and time.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '@ser/logging';
import { deliver, type ConsumedMessage, type DeliveryContext, type Outcome } from './delivery';
import { createEnvelope, decodeEnvelope, encodeEnvelope, MAX_EVENT_BYTES, type MessageHeaders } from './envelope';
import { CORPUS_FORMATS, dataSchemaUri, EVENT_TYPES, TOPIC_SCHEMAS, TOPICS, type TopicData } from './topics';

const SEED = 20261203;
const RUN_LIMIT_MS = 30_000; // a safety bound per property on a loaded machine; the run counts are what normally ends them
const TOPIC = TOPICS.corpusPublished;
type Corpus = TopicData<typeof TOPIC>;

const counts = { messages: 0, handled: 0, deadLettered: 0, binary: 0, oversized: 0 };
afterAll(() => {
  console.log(
    `events fuzz: ${counts.messages} messages, ${counts.handled} handled, ${counts.deadLettered} dead-lettered (${counts.binary} binary mode, ${counts.oversized} oversized)`,
  );
});

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
const corpusData = fc.record(
  {
    corpusName: word,
    format: fc.constantFrom(...CORPUS_FORMATS),
    uri: word.map((w) => `/data/corpora/${w}`),
    labelMap: fc.dictionary(word, word, { maxKeys: 3 }),
    requestedBy: fc.string(),
  },
  { requiredKeys: ['corpusName', 'format', 'uri'] },
);

/** Structured-mode bytes of a good event. */
const structured = (data: Corpus) => encodeEnvelope(createEnvelope(TOPIC, data, { source: 'fuzz' }));

/** Binary-mode headers of a good event (ce_* attributes, content-type), the data as the value. */
function binaryHeaders(id: string): Record<string, string> {
  return {
    ce_specversion: '1.0',
    ce_id: id,
    ce_source: 'fuzz',
    ce_type: EVENT_TYPES[TOPIC],
    ce_time: TIME,
    ce_dataschema: dataSchemaUri(TOPIC),
    'content-type': 'application/json',
  };
}

const TIME = '2026-12-03T10:00:00.000Z';

type Message = { value: Buffer | null; headers?: MessageHeaders };

/** Messages a producer somewhere might send: good ones, broken ones, and everything between. */
const ordinary: fc.Arbitrary<Message> = fc.oneof(
  corpusData.map((d) => ({ value: structured(d) })),
  fc.tuple(corpusData, fc.uuid()).map(([d, id]) => ({ value: Buffer.from(JSON.stringify(d)), headers: binaryHeaders(id) })),
  // Binary mode with one attribute changed, dropped or given a wrong content type.
  fc
    .tuple(
      corpusData,
      fc.uuid(),
      fc.constantFrom('ce_type', 'ce_id', 'ce_source', 'ce_dataschema', 'content-type', 'ce_specversion'),
      fc.option(fc.string({ maxLength: 40 })),
    )
    .map(([d, id, name, replacement]) => {
      const headers: MessageHeaders = binaryHeaders(id);
      if (replacement === null) delete headers[name];
      else headers[name] = replacement;
      return { value: Buffer.from(JSON.stringify(d)), headers };
    }),
  // Structured envelopes with one attribute changed: unknown type, other dataschema, missing id, wrong data.
  fc
    .tuple(corpusData, fc.constantFrom('type', 'dataschema', 'id', 'specversion', 'source', 'data'), fc.jsonValue({ maxDepth: 3 }))
    .map(([d, attribute, replacement]) => ({ value: Buffer.from(JSON.stringify({ ...JSON.parse(structured(d).toString()), [attribute]: replacement })) })),
  // Byte mutations of a good event (JSON that may or may not survive).
  fc.tuple(corpusData, fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 })).map(([d, mutations]) => {
    const bytes = Buffer.from(structured(d));
    for (const m of mutations) bytes[m.at % bytes.length] = m.byte;
    return { value: bytes };
  }),
  // Anything at all: random bytes, random JSON, nothing, random headers.
  fc.record({
    value: fc.option(fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b))),
    headers: fc.option(fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 }), { maxKeys: 4 }), { nil: undefined }),
  }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ value: Buffer.from(JSON.stringify(v) ?? '') })),
);

/** Over the size limit, in the value or in the headers. */
const oversized: fc.Arbitrary<Message> = fc.tuple(corpusData, fc.integer({ min: 1, max: 4096 }), fc.boolean()).map(([d, extra, inHeaders]) => {
  const padding = 'x'.repeat(MAX_EVENT_BYTES + extra);
  if (inHeaders) return { value: structured(d), headers: { 'x-padding': padding } };
  const envelope = { ...JSON.parse(structured(d).toString()), data: { ...d, requestedBy: padding } };
  return { value: Buffer.from(JSON.stringify(envelope)) }; // what createEnvelope refuses to publish, sent by someone else
});

// Oversized ones are rarer: quoting one in its dead letter takes ~0.2 s.
const message = fc.oneof({ weight: 40, arbitrary: ordinary }, { weight: 1, arbitrary: oversized });

/** Delivers `messages` then one good event, as a consumer reads a partition; returns each outcome. */
async function consume(messages: Message[]): Promise<{ outcomes: Outcome[]; handled: unknown[]; letters: Array<TopicData<typeof TOPICS.deadLetter>> }> {
  const handled: unknown[] = [];
  const letters: Array<TopicData<typeof TOPICS.deadLetter>> = [];
  const ctx: DeliveryContext<typeof TOPIC> = {
    groupId: 'fuzz',
    handler: async (event) => void handled.push(event),
    retry: { retries: 0, backoffMs: 0 },
    log: createLogger('events-fuzz', { level: 'silent' }),
    deadLetter: async (letter) => void letters.push(letter),
    stopping: new AbortController().signal,
    abandon: new AbortController().signal,
  };
  const outcomes: Outcome[] = [];
  const all = [...messages, { value: structured({ corpusName: 'after', format: 'urdu', uri: '/data/corpora/after' }) }];
  for (const [i, m] of all.entries()) {
    const msg: ConsumedMessage<typeof TOPIC> = { topic: TOPIC, partition: 0, offset: String(i), key: null, value: m.value, headers: m.headers };
    outcomes.push(await deliver(msg, ctx));
  }
  return { outcomes, handled, letters };
}

describe('event consumer under fuzzed messages (fast-check)', () => {
  it('handles or dead-letters every message with a reason, and keeps consuming', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 6 }), async (messages) => {
        const { outcomes, handled, letters } = await consume(messages);
        messages.forEach((m, i) => {
          const decoded = decodeEnvelope(TOPIC, m.value, m.headers);
          counts.messages++;
          if (m.headers && 'ce_specversion' in m.headers) counts.binary++;
          if ((m.value?.length ?? 0) > MAX_EVENT_BYTES || Object.values(m.headers ?? {}).some((h) => String(h).length > MAX_EVENT_BYTES)) counts.oversized++;
          expect(outcomes[i]).toBe(decoded.ok ? 'handled' : 'dead-lettered');
          if (decoded.ok) counts.handled++;
          else counts.deadLettered++;
        });
        expect(outcomes.at(-1), 'the good event after the fuzzed ones').toBe('handled');
        for (const event of handled) expect(TOPIC_SCHEMAS[TOPIC].safeParse((event as { data: unknown }).data).success).toBe(true);
        expect(letters).toHaveLength(outcomes.filter((o) => o === 'dead-lettered').length);
        for (const letter of letters) {
          expect(letter.reason.length).toBeGreaterThan(0);
          // A dead letter is itself an event a consumer can read: valid and under the size limit.
          expect(() => createEnvelope(TOPICS.deadLetter, letter, { source: 'fuzz' })).not.toThrow();
        }
      }),
      { seed: SEED, numRuns: 600, interruptAfterTimeLimit: RUN_LIMIT_MS, markInterruptAsFailure: false },
    );
  }, 120_000);

  it('decodes binary mode as structured mode: the same event either way', async () => {
    await fc.assert(
      fc.property(corpusData, fc.uuid(), (data, id) => {
        counts.messages += 2;
        counts.binary++;
        counts.handled += 2;
        const fromBinary = decodeEnvelope(TOPIC, Buffer.from(JSON.stringify(data)), binaryHeaders(id));
        const fromStructured = decodeEnvelope(
          TOPIC,
          Buffer.from(JSON.stringify({ specversion: '1.0', id, source: 'fuzz', type: EVENT_TYPES[TOPIC], time: TIME, dataschema: dataSchemaUri(TOPIC), data })),
        );
        expect(fromBinary).toEqual(fromStructured);
        expect(fromBinary.ok).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
