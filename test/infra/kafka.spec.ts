import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import { startKafka, type RunningKafka } from './kafka';

function canConnect(hostPort: string): Promise<boolean> {
  const [host, port] = hostPort.split(':');
  return new Promise((resolve) => {
    const socket = connect(Number(port), host!);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

// Explicit, because vitest projects do not inherit the root config's timeouts; a JVM start on a busy
// 2-core machine can take well over vitest's 10 s hook default.
describe('startKafka', { timeout: 60_000 }, () => {
  let kafka: RunningKafka;

  beforeAll(async () => {
    kafka = await startKafka();
  }, 120_000);

  afterAll(async () => {
    await kafka?.stop();
  }, 60_000);

  it('runs a broker that a kafkajs producer and consumer can use', async () => {
    const client = new Kafka({ clientId: 'infra-spec', brokers: kafka.brokers.split(','), logLevel: logLevel.NOTHING });
    const topic = `infra-spec-${Date.now()}`;
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();

    const producer = client.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'k', value: 'hello kafka' }] });
    await producer.disconnect();

    const consumer = client.consumer({ groupId: `${topic}-group` });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const received = await new Promise<string>((resolve) => {
      void consumer.run({ eachMessage: async ({ message }) => resolve(message.value!.toString()) });
    });
    await consumer.disconnect();
    expect(received).toBe('hello kafka');
  });

  it('stops the broker so its port no longer accepts connections', async () => {
    expect(await canConnect(kafka.brokers)).toBe(true);
    await kafka.stop();
    expect(await canConnect(kafka.brokers)).toBe(false);
  });
});
