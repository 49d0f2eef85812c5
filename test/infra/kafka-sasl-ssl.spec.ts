// Kafka with SASL_SSL (SCRAM-SHA-512 over TLS), as managed clusters run it: a real broker with a second listener,
// a CA and a certificate made here with openssl and a SCRAM user created when the storage is formatted. The platform's
// bus, configured only through its SER_KAFKA_* settings, publishes and consumes through it; a wrong password, an
// untrusted certificate or plaintext are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '@ser/config';
import { KafkaEventBus, TOPICS, type Envelope } from '@ser/events';
import { createLogger } from '@ser/logging';
import { startKafka, type RunningKafka, type SaslSslListener } from './kafka';

const silent = createLogger('kafka-sasl-ssl', { level: 'silent' });

/** A bus made exactly as a service makes it (openPlatform): from the platform config's bus section. */
async function busFrom(env: Record<string, string>, connectRetries = 0) {
  const { bus } = loadPlatformConfig({ env });
  return KafkaEventBus.fromConfig({
    brokers: bus.brokers,
    clientId: 'sasl-ssl-test',
    topicPrefix: `sasl-${Date.now()}.`,
    security: { tls: bus.tls, sasl: bus.sasl },
    connectRetries,
    logger: silent,
  });
}

describe('Kafka over SASL_SSL (SCRAM-SHA-512)', () => {
  let kafka: RunningKafka | undefined;
  let env: Record<string, string>;
  beforeAll(async () => {
    // The broker scripts/run-tests.ts starts has the listener already; on its own this spec starts one.
    const shared = process.env.SER_TEST_KAFKA_SASL_SSL;
    if (!shared) kafka = await startKafka({ saslSsl: { username: 'ser-test', password: 'scram-secret-of-the-test' }, heapMb: 512 });
    const listener: SaslSslListener = shared ? JSON.parse(shared) : kafka!.saslSsl!;
    env = {
      SER_BUS: 'kafka',
      SER_KAFKA_BROKERS: listener.brokers,
      SER_KAFKA_TLS: 'true',
      SER_KAFKA_TLS_CA_FILE: listener.caFile,
      SER_KAFKA_SASL_MECHANISM: 'scram-sha-512',
      SER_KAFKA_SASL_USERNAME: listener.username,
      SER_KAFKA_SASL_PASSWORD: listener.password,
    };
  }, 180_000);
  afterAll(() => kafka?.stop());

  it('publishes and consumes through the platform bus configured from SER_KAFKA_* settings', async () => {
    const bus = await busFrom(env, 5); // a TLS handshake and SCRAM's round trips can outlast one 1 s connect timeout on a busy machine
    try {
      const received: Envelope[] = [];
      const subscription = await bus.subscribe({
        groupId: 'sasl-ssl-test',
        topics: [TOPICS.corpusPublished],
        fromBeginning: true,
        handler: async (event) => void received.push(event),
      });
      const sent = await bus.publish(TOPICS.corpusPublished, { corpusName: 'over-tls', format: 'urdu', uri: '/data/corpora/over-tls' });
      await expect.poll(() => received.map((e) => e.id), { timeout: 60_000 }).toEqual([sent.id]);
      expect(received[0]!.data).toMatchObject({ corpusName: 'over-tls' });
      await subscription.stop();
    } finally {
      await bus.close();
    }
  }, 120_000);

  it('is refused with a wrong password, without the CA, and in plaintext', async () => {
    await expect(busFrom({ ...env, SER_KAFKA_SASL_PASSWORD: 'wrong' })).rejects.toThrow(/SASL|[Aa]uthentication/);
    await expect(busFrom({ ...env, SER_KAFKA_TLS_CA_FILE: '' })).rejects.toThrow(/certificate/);
    await expect(busFrom({ ...env, SER_KAFKA_TLS: 'false', SER_KAFKA_SASL_MECHANISM: '' })).rejects.toThrow(/cannot connect to Kafka/);
  }, 120_000);
});
