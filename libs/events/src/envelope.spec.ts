import { describe, expect, it } from 'vitest';
import { createEnvelope, decodeEnvelope } from './envelope';
import { InvalidEventError } from './errors';
import { EVENT_TYPES, TOPICS, type Topic, type TopicData } from './topics';

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
    expect(reason(TOPICS.featuresReady, Buffer.from(JSON.stringify({ ...valid, specversion: '0.3' })))).toMatch(/not a CloudEvents 1.0 envelope[\s\S]*specversion/);
    expect(reason(TOPICS.corpusPublished, Buffer.from(JSON.stringify(valid)))).toMatch(/unexpected event type 'ser.features.ready.v1'/);
    const badData = { ...valid, data: { ...valid.data, utteranceCount: -1 } };
    expect(reason(TOPICS.featuresReady, Buffer.from(JSON.stringify(badData)))).toMatch(/utteranceCount/);
  });
});
