import { CloudEvent, Kafka } from 'cloudevents';
import { describe, expect, it } from 'vitest';
import { createEnvelope, decodeEnvelope, type MessageHeaders } from './envelope';
import { InvalidEventError } from './errors';
import { EVENT_TYPES, TOPICS, dataSchemaUri, type Topic, type TopicData } from './topics';

const samples: { [T in Topic]: TopicData<T> } = {
  [TOPICS.corpusPublished]: { corpusName: 'emodb', format: 'emodb', uri: '/data/emodb', labelMap: { W: 'angry' }, requestedBy: 'data-eng' },
  [TOPICS.featuresReady]: { datasetId: 'ds-1', datasetVersion: 'sha256-ab12', corpusName: 'emodb', utteranceCount: 535, skippedCount: 0 },
  [TOPICS.featuresWork]: { planId: 'p1', shardIndex: 0, shardCount: 4, corpusName: 'emodb', datasetVersion: 'sha256-ab12' },
  [TOPICS.checkpointSaved]: { runId: 'r1', runKind: 'fop-pretrain', checkpointId: 'c1', epoch: 3, artifactKey: 'runs/r1/e3', metrics: { loss: 0.42 } },
  [TOPICS.runStatus]: { runId: 'r1', runKind: 'classifier', status: 'running', progress: 0.5, metrics: { uar: 0.61 } },
  [TOPICS.modelAliasMoved]: { modelName: 'tacn', alias: 'production', version: 3, previousVersion: 2 },
  [TOPICS.deadLetter]: { originalTopic: TOPICS.runStatus, partition: 0, offset: '7', reason: 'bad', payload: '{}' },
};

describe('envelopes', () => {
  it.each(Object.keys(samples) as Topic[])('round-trips a %s event through its JSON encoding', (topic) => {
    const envelope = createEnvelope(topic, samples[topic], { source: '/test', subject: 's' });
    expect(envelope.type).toBe(EVENT_TYPES[topic]);
    const decoded = decodeEnvelope(topic, Buffer.from(JSON.stringify(envelope)));
    expect(decoded).toEqual({ ok: true, event: envelope });
  });

  it('keeps a caller-chosen id and drops fields the schema does not know', () => {
    const data = { ...samples[TOPICS.modelAliasMoved], extra: 'x' } as TopicData<typeof TOPICS.modelAliasMoved>;
    const envelope = createEnvelope(TOPICS.modelAliasMoved, data, { id: 'evt-1', source: '/test' });
    expect(envelope.id).toBe('evt-1');
    expect(envelope.data).toEqual(samples[TOPICS.modelAliasMoved]);
  });

  it('refuses data outside the schema, naming the field', () => {
    const bad = { ...samples[TOPICS.runStatus], progress: 1.5 };
    expect(() => createEnvelope(TOPICS.runStatus, bad, { source: '/test' })).toThrow(InvalidEventError);
    expect(() => createEnvelope(TOPICS.runStatus, bad, { source: '/test' })).toThrow(/progress/);
  });

  it('explains why a consumed value is not an event', () => {
    const valid = createEnvelope(TOPICS.featuresReady, samples[TOPICS.featuresReady], { source: '/test' });
    const reason = (topic: Topic, value: Buffer | null) => {
      const decoded = decodeEnvelope(topic, value);
      return decoded.ok ? 'ok' : decoded.reason;
    };
    expect(reason(TOPICS.featuresReady, null)).toMatch(/empty message/);
    expect(reason(TOPICS.featuresReady, Buffer.from('{'))).toMatch(/not valid JSON/);
    expect(reason(TOPICS.featuresReady, Buffer.from(JSON.stringify({ ...valid, specversion: '0.3' })))).toMatch(
      /not a CloudEvents 1.0 envelope[\s\S]*specversion/,
    );
    expect(reason(TOPICS.corpusPublished, Buffer.from(JSON.stringify(valid)))).toMatch(/unexpected event type 'ser.features.ready.v1'/);
    const badData = { ...valid, data: { ...valid.data, utteranceCount: -1 } };
    expect(reason(TOPICS.featuresReady, Buffer.from(JSON.stringify(badData)))).toMatch(/utteranceCount/);
  });

  it('names the data schema of the topic in dataschema, and refuses another one', () => {
    const envelope = createEnvelope(TOPICS.runStatus, samples[TOPICS.runStatus], { source: '/test' });
    expect(envelope.dataschema).toBe('urn:ser:schema:ser.run.status.v1');
    const other = { ...envelope, dataschema: dataSchemaUri(TOPICS.checkpointSaved) };
    const decoded = decodeEnvelope(TOPICS.runStatus, Buffer.from(JSON.stringify(other)));
    expect(decoded).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/dataschema 'urn:ser:schema:ser.checkpoint.saved.v1' is not the schema of ser.run.status.v1/),
    });
  });

  it('decodes a binary-mode message made by the CloudEvents SDK (Kafka binding)', () => {
    const topic = TOPICS.corpusPublished;
    const sdkEvent = new CloudEvent({
      type: EVENT_TYPES[topic],
      source: '/sdk',
      subject: 'emodb',
      datacontenttype: 'application/json',
      dataschema: dataSchemaUri(topic),
      data: samples[topic],
    });
    const message = Kafka.binary(sdkEvent);
    expect(message.headers).toMatchObject({ ce_type: EVENT_TYPES[topic], 'content-type': 'application/json' });
    const decoded = decodeEnvelope(topic, Buffer.from(JSON.stringify(message.value)), message.headers as MessageHeaders);
    expect(decoded).toEqual({
      ok: true,
      event: {
        specversion: '1.0',
        id: sdkEvent.id,
        source: '/sdk',
        type: EVENT_TYPES[topic],
        time: sdkEvent.time,
        subject: 'emodb',
        datacontenttype: 'application/json',
        dataschema: dataSchemaUri(topic),
        data: samples[topic],
      },
    });
  });

  it('refuses a repeated CloudEvents header as ambiguous', () => {
    const headers = { ce_specversion: '1.0', ce_id: ['a', 'b'], ce_source: '/x', ce_type: EVENT_TYPES[TOPICS.runStatus], ce_time: new Date().toISOString() };
    expect(decodeEnvelope(TOPICS.runStatus, Buffer.from(JSON.stringify(samples[TOPICS.runStatus])), headers)).toEqual({
      ok: false,
      reason: 'header ce_id appears 2 times',
    });
  });
});
