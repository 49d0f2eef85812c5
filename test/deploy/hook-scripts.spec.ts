// The migrations Job's two commands, run as the Job runs them (node --import tsx scripts/…, settings in SER_*
// variables) against a real PostgreSQL server and a real Kafka broker (npm test starts both): migrate.ts applies
// the pending migrations once; create-topics.ts creates every platform topic, grows too-small ones, keeps the rest.
// Each test starts the scripts several times (tsx and a Kafka/PostgreSQL connection each): generous timeouts.
const SCRIPT_TEST_TIMEOUT_MS = 240_000;
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '@ser/events';
import { MIGRATIONS } from '@ser/store';
import { REPO_ROOT } from './helm';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: this test needs the real server npm test starts (or run it with npx tsx scripts/run-tests.ts)`);
  return value;
}

/** Runs scripts/<name>.ts like the Job's container does; returns its pino log lines. */
async function runScript(name: string, env: Record<string, string>): Promise<Array<Record<string, unknown>>> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, SER_LOG_LEVEL: 'info', ...env },
    timeout: 60_000,
  });
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('scripts/migrate.ts', () => {
  it(
    'applies every migration into SER_DATABASE_SCHEMA once, then finds nothing to do',
    async () => {
      const url = requireEnv('SER_TEST_DATABASE_URL');
      const schema = `deploy_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const env = { SER_STORE: 'postgres', SER_DATABASE_URL: url, SER_DATABASE_SCHEMA: schema };

      expect((await runScript('migrate', env)).find((l) => l.msg === 'migrations applied')?.applied).toEqual(MIGRATIONS.map((m) => `${m.version}-${m.name}`));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query('SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1', [schema]);
        expect(rows[0].n).toBeGreaterThan(1);
        expect((await runScript('migrate', env)).find((l) => l.msg === 'schema already current')?.applied).toEqual([]);
      } finally {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    },
    SCRIPT_TEST_TIMEOUT_MS,
  );
});

describe('scripts/create-topics.ts', () => {
  it(
    'creates every topic, grows too-small ones and keeps current ones',
    async () => {
      const brokers = requireEnv('SER_TEST_KAFKA_BROKERS');
      const prefix = `deploy-${randomUUID().slice(0, 8)}.`;
      const names = Object.values(TOPICS).map((t) => prefix + t);
      const env = (partitions: number) => ({
        SER_BUS: 'kafka',
        SER_KAFKA_BROKERS: brokers,
        SER_KAFKA_TOPIC_PREFIX: prefix,
        SER_TOPIC_PARTITIONS: String(partitions),
        SER_TOPIC_REPLICATION_FACTOR: '1',
      });
      const result = async (partitions: number) => (await runScript('create-topics', env(partitions))).find((l) => l.msg === 'kafka topics ready');
      const admin = new Kafka({ clientId: 'hook-scripts-test', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      const partitionCounts = async () =>
        Object.fromEntries((await admin.fetchTopicMetadata({ topics: names })).topics.map((t) => [t.name, t.partitions.length]));
      const sorted = (v: unknown) => [...(v as string[])].sort();
      try {
        expect(sorted((await result(2))?.created)).toEqual([...names].sort());
        expect(await partitionCounts()).toEqual(Object.fromEntries(names.map((n) => [n, 2])));

        expect(sorted((await result(3))?.grown)).toEqual([...names].sort());
        expect(await partitionCounts()).toEqual(Object.fromEntries(names.map((n) => [n, 3])));

        expect(sorted((await result(3))?.unchanged)).toEqual([...names].sort());
      } finally {
        await admin.deleteTopics({ topics: names }).catch(() => undefined);
        await admin.disconnect();
      }
    },
    SCRIPT_TEST_TIMEOUT_MS,
  );
});
