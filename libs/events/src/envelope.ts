// CloudEvents 1.0 envelopes in structured JSON mode (the whole event is the Kafka message value).
//
// Why not the `cloudevents` SDK's CloudEvent class: it validates with its own ajv schema and hands
// out frozen class instances whose `data` is `unknown`, so we would validate twice and still need zod
// for the data. A small zod envelope gives one validation pass, plain objects, and an Envelope type
// narrowed per topic. Conformance with the spec's attribute set is still checked at compile time
// against the SDK's `CloudEventV1` interface below.
import { randomUUID } from 'node:crypto';
import type { CloudEventV1 } from 'cloudevents';
import { z } from 'zod';
import { InvalidEventError } from './errors';
import { EVENT_TYPES, TOPIC_SCHEMAS, type EventType, type Topic, type TopicData } from './topics';

/** Kafka `content-type` header for structured-mode CloudEvents. */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

/** A validated event of topic T; a union over topics when T is left open, narrowed by `type`. */
export type Envelope<T extends Topic = Topic> = T extends Topic
  ? {
      specversion: '1.0';
      /** Unique per event; consumers use it to drop redeliveries (delivery is at-least-once). */
      id: string;
      /** Who emitted it, e.g. `/ser/features`. */
      source: string;
      type: EventType<T>;
      /** RFC 3339 timestamp of when the event was created. */
      time: string;
      datacontenttype: 'application/json';
      /** What the event is about, e.g. a run id; optional. */
      subject?: string;
      data: TopicData<T>;
    }
  : never;

// Compile-time proof that every Envelope is a CloudEvents 1.0 event.
const _conformsToCloudEvents = (e: Envelope): CloudEventV1<unknown> => e;
void _conformsToCloudEvents;

const envelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal('application/json').optional(),
  subject: z.string().optional(),
  data: z.unknown(),
});

export interface EnvelopeOptions {
  id?: string;
  source: string;
  subject?: string;
}

/** Validates `data` against the topic schema and wraps it; throws InvalidEventError when it does not fit. */
export function createEnvelope<T extends Topic>(topic: T, data: TopicData<T>, opts: EnvelopeOptions): Envelope<T> {
  const parsed = TOPIC_SCHEMAS[topic].safeParse(data);
  if (!parsed.success) throw new InvalidEventError(`invalid ${topic} event data:\n${z.prettifyError(parsed.error)}`);
  const envelope = {
    specversion: '1.0',
    id: opts.id ?? randomUUID(),
    source: opts.source,
    type: EVENT_TYPES[topic],
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    ...(opts.subject !== undefined && { subject: opts.subject }),
    data: parsed.data,
  };
  return envelope as Envelope<T>;
}

export type Decoded<T extends Topic> = { ok: true; event: Envelope<T> } | { ok: false; reason: string };

/** Parses a message value read from `topic`; never throws, explains what is wrong instead. */
export function decodeEnvelope<T extends Topic>(topic: T, value: Buffer | null): Decoded<T> {
  if (value === null || value.length === 0) return { ok: false, reason: 'empty message value (expected a CloudEvents JSON envelope)' };
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch (err) {
    return { ok: false, reason: `message value is not valid JSON: ${(err as Error).message}` };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: `not a CloudEvents 1.0 envelope:\n${z.prettifyError(envelope.error)}` };
  const expectedType = EVENT_TYPES[topic];
  if (envelope.data.type !== expectedType) {
    return { ok: false, reason: `unexpected event type '${envelope.data.type}' on ${topic} (expected '${expectedType}')` };
  }
  const data = TOPIC_SCHEMAS[topic].safeParse(envelope.data.data);
  if (!data.success) return { ok: false, reason: `${expectedType} data does not match its schema:\n${z.prettifyError(data.error)}` };
  const event = { ...envelope.data, datacontenttype: 'application/json', data: data.data };
  return { ok: true, event: event as Envelope<T> };
}

export function encodeEnvelope(envelope: Envelope): Buffer {
  return Buffer.from(JSON.stringify(envelope), 'utf8');
}
