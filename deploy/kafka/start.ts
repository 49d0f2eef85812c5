// Foreground broker for humans: `bash deploy/kafka/start.sh`. Ctrl-C stops it cleanly.
// KAFKA_PORT (default 9092) and KAFKA_DATA_DIR (default .data/kafka, kept between runs) tune it.
import { resolve } from 'node:path';
import { startKafka } from '../../test/infra/kafka';

const port = Number(process.env.KAFKA_PORT ?? 9092);
const dataDir = resolve(process.env.KAFKA_DATA_DIR ?? '.data/kafka');

const kafka = await startKafka({ port, dataDir, log: (s) => console.error(s) });
console.log(`Kafka bootstrap: ${kafka.brokers}   (broker log: ${dataDir}/server.log)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`kafka: ${signal}, stopping`);
    void kafka.stop().then(() => process.exit(0));
  });
}
