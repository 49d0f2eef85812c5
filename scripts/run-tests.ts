// Starts the real infrastructure the tests use, runs vitest with its addresses in the environment, and
// always stops what it started, whatever vitest's outcome.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { startKafka, startPostgres, startS3 } from '../test/infra';

const log = (s: string) => process.stderr.write(`[infra] ${s}\n`);

async function main(): Promise<number> {
  const stops: Array<() => Promise<void>> = [];
  const env = { ...process.env };
  try {
    const [kafka, pg, s3] = await Promise.all([
      // With a SASL_SSL listener too (a few openssl calls more), so the SASL/TLS test needs no broker of its own.
      env.SER_TEST_KAFKA_BROKERS ? null : startKafka({ log, saslSsl: { username: 'ser-test', password: randomBytes(12).toString('hex') } }),
      env.SER_TEST_DATABASE_URL ? null : startPostgres({ log }),
      env.SER_TEST_S3_ENDPOINT ? null : startS3({ log }),
    ]);
    if (kafka) {
      stops.push(kafka.stop);
      env.SER_TEST_KAFKA_BROKERS = kafka.brokers;
      if (kafka.saslSsl) env.SER_TEST_KAFKA_SASL_SSL = JSON.stringify(kafka.saslSsl);
    }
    if (pg) {
      stops.push(pg.stop);
      env.SER_TEST_DATABASE_URL = pg.url;
    }
    if (s3) {
      stops.push(s3.stop);
      Object.assign(env, { SER_TEST_S3_ENDPOINT: s3.endpoint, SER_TEST_S3_ACCESS_KEY_ID: s3.accessKeyId, SER_TEST_S3_SECRET_ACCESS_KEY: s3.secretAccessKey });
    }
    log(`kafka ${env.SER_TEST_KAFKA_BROKERS}, postgres ${env.SER_TEST_DATABASE_URL}, s3 ${env.SER_TEST_S3_ENDPOINT}`);
    return await runVitest(process.argv.slice(2), env);
  } finally {
    await Promise.allSettled(stops.map((stop) => stop()));
  }
}

function runVitest(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', ...args], { stdio: 'inherit', env });
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`tests could not start: ${(err as Error).message}`);
    process.exit(1);
  },
);
