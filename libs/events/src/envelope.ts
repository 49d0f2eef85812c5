// CloudEvents 1.0 envelopes. The buses publish in structured JSON mode (the whole event is the Kafka
// message value); consumers also decode binary mode (attributes in `ce_*` headers, the data alone in
// the value), which other languages' SDKs and kcat-style tools often produce. See the CloudEvents Kafka
// protocol binding, sections 3.2 (binary) and 3.3 (structured).
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
import { EVENT_TYPES, TOPIC_SCHEMAS, dataSchemaUri, type EventType, type Topic, type TopicData } from './topics';

/** Kafka `content-type` header for structured-mode CloudEvents. */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

/**
 * Largest message (value plus headers) a consumer decodes; a bigger one is dead-lettered, and publish
 * refuses to send one. Events carry references, never bulk data, so the biggest real ones are a few KB;
 * the limit stays well under Kafka's default 1 MB so that a dead letter quoting the message still fits.
 */
export const MAX_EVENT_BYTES = 256 * 1024;

/** Kafka message headers as kafkajs hands them out (a repeated header comes as an array). */
export type MessageHeaders = Record<string, Buffer | string | Array<Buffer | string> | undefined>;

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
      /** URI of the data's JSON Schema (`$id` of its file under schemas/); see dataSchemaUri. */
      dataschema: string;
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
  dataschema: z.string().min(1).optional(),
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
    dataschema: dataSchemaUri(topic),
    ...(opts.subject !== undefined && { subject: opts.subject }),
    data: parsed.data,
  };
  const bytes = Buffer.byteLength(JSON.stringify(envelope));
  if (bytes > MAX_EVENT_BYTES) throw new InvalidEventError(`${topic} event of ${bytes} bytes is larger than the ${MAX_EVENT_BYTES}-byte limit on events`);
  return envelope as Envelope<T>;
}

export type Decoded<T extends Topic> = { ok: true; event: Envelope<T> } | { ok: false; reason: string };

/**
 * Parses a message read from `topic`: binary mode when a `ce_specversion` header is present, else
 * structured mode (the `content-type` header is not required: older producers of ours set none).
 * Never throws; explains what is wrong instead.
 */
export function decodeEnvelope<T extends Topic>(topic: T, value: Buffer | null, headers: MessageHeaders = {}): Decoded<T> {
  const size = (value?.length ?? 0) + headerBytes(headers);
  if (size > MAX_EVENT_BYTES) return { ok: false, reason: `message of ${size} bytes is larger than the ${MAX_EVENT_BYTES}-byte limit on events` };
  const strings = headerStrings(headers);
  if (!strings.ok) return strings;
  const attributes = strings.headers;
  if (BINARY_MODE_MARKER in attributes) return decodeBinary(topic, value, attributes);
  if (value === null || value.length === 0) return { ok: false, reason: 'empty message value (expected a CloudEvents JSON envelope)' };
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch (err) {
    return { ok: false, reason: `message value is not valid JSON: ${(err as Error).message}` };
  }
  return validate(topic, json, 'CloudEvents 1.0 envelope');
}

const BINARY_MODE_MARKER = 'ce_specversion';
const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/** Binary mode: each `ce_<attribute>` header is an attribute, `content-type` is datacontenttype, the value is the data. */
function decodeBinary<T extends Topic>(topic: T, value: Buffer | null, headers: Record<string, string>): Decoded<T> {
  const contentType = headers['content-type'] ?? headers.ce_datacontenttype;
  if (contentType !== undefined && !JSON_MEDIA_TYPE.test(contentType)) {
    return { ok: false, reason: `binary-mode event with content-type '${contentType}' (expected application/json)` };
  }
  if (value === null || value.length === 0) return { ok: false, reason: 'binary-mode event without data (empty message value)' };
  let data: unknown;
  try {
    data = JSON.parse(value.toString('utf8'));
  } catch (err) {
    return { ok: false, reason: `binary-mode event data is not valid JSON: ${(err as Error).message}` };
  }
  const attributes: Record<string, string> = {};
  for (const [name, text] of Object.entries(headers)) if (name.startsWith('ce_')) attributes[name.slice(3)] = text;
  delete attributes.datacontenttype; // checked above; the envelope's is always application/json
  return validate(topic, { ...attributes, data }, 'CloudEvents 1.0 event (binary mode, ce_* headers)');
}

/** The checks both modes share: envelope attributes, type of the topic, dataschema, data schema. */
function validate<T extends Topic>(topic: T, json: unknown, what: string): Decoded<T> {
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: `not a ${what}:\n${z.prettifyError(envelope.error)}` };
  const expectedType = EVENT_TYPES[topic];
  if (envelope.data.type !== expectedType) {
    return { ok: false, reason: `unexpected event type '${envelope.data.type}' on ${topic} (expected '${expectedType}')` };
  }
  // Absent is fine (the type names the version); a different one means the producer followed another contract.
  const dataschema = dataSchemaUri(topic);
  if (envelope.data.dataschema !== undefined && envelope.data.dataschema !== dataschema) {
    return { ok: false, reason: `dataschema '${envelope.data.dataschema}' is not the schema of ${expectedType} ('${dataschema}')` };
  }
  const data = TOPIC_SCHEMAS[topic].safeParse(envelope.data.data);
  if (!data.success) return { ok: false, reason: `${expectedType} data does not match its schema:\n${z.prettifyError(data.error)}` };
  const event = { ...envelope.data, datacontenttype: 'application/json', dataschema, data: data.data };
  return { ok: true, event: event as Envelope<T> };
}

function headerBytes(headers: MessageHeaders): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(headers)) {
    for (const v of Array.isArray(value) ? value : [value]) bytes += name.length + (v === undefined ? 0 : Buffer.byteLength(v));
  }
  return bytes;
}

/** Header values as UTF-8 strings; a repeated CloudEvents header is ambiguous and refused. */
function headerStrings(headers: MessageHeaders): { ok: true; headers: Record<string, string> } | { ok: false; reason: string } {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    if (Array.isArray(value)) {
      if (key.startsWith('ce_') || key === 'content-type') return { ok: false, reason: `header ${name} appears ${value.length} times` };
      continue;
    }
    out[key] = Buffer.isBuffer(value) ? value.toString('utf8') : value;
  }
  return { ok: true, headers: out };
}

export function encodeEnvelope(envelope: Envelope): Buffer {
  return Buffer.from(JSON.stringify(envelope), 'utf8');
}
