/**
 * The papers' tables on the URDU corpus (issues 4 and 5):
 *
 *   npx tsx test/acceptance/urdu-tables.ts --table fop-table1|fop-table2|tacn-table1|tacn-table2
 *       [--data-dir DIR] [--import-only] [ser experiment options, e.g. --model-size small --epochs 3 --repeats 1]
 *
 * Registers ../shared/data/urdu as 'urdu' (and the synthetic demo corpus as 'demo' when a dataset option names
 * it) in the data folder once, then runs `ser experiment <table>` against it with the speaker-independent protocol
 * (speaker-holdout). Defaults: --dataset urdu; fop-table1 --pretrain urdu,demo; fop-table2 --pretrain urdu;
 * tacn-* --vqvae-pretrain urdu; --test-speakers URDU_TEST_SPEAKERS. Options given override them. Says so and exits
 * 1 when ../shared is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemoCorpus } from '@ser/all-in-one';
import { loadPlatformConfig } from '@ser/config';
import { loadSerProto, type FeatureServiceClient } from '@ser/contracts';
import { startFeaturesService } from '@ser/features-service';
import { closeClient, createClient, deadlineIn, iterateStream } from '@ser/grpc-kit';
import { openPlatform } from '@ser/runtime';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const URDU = resolve(repoRoot, '../shared/data/urdu');

/**
 * URDU's speakers mostly speak one emotion each, so the protocol's default test speakers (the first two ids, SF1 and
 * SF10) hold out 12 happy and 2 sad utterances. These 11 of the 29 hold out 86 utterances covering every class
 * (angry 24, happy 22, neutral 22, sad 18) and leave every class in training.
 */
const URDU_TEST_SPEAKERS = 'SM1,SF6,SF7,SM20,SM3,SF9,SM23,SF11,SM27,SF10,SM26';

const DEFAULTS: Record<string, string[]> = {
  'fop-table1': ['--pretrain', 'urdu,demo'],
  'fop-table2': ['--pretrain', 'urdu'],
  'tacn-table1': ['--vqvae-pretrain', 'urdu'],
  'tacn-table2': ['--vqvae-pretrain', 'urdu'],
};

/** Removes `--name VALUE` from args and returns VALUE (undefined when absent). */
function take(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
}

const args = process.argv.slice(2);
const table = take(args, '--table');
const importOnlyAt = args.indexOf('--import-only');
const importOnly = importOnlyAt >= 0 && args.splice(importOnlyAt, 1).length === 1;
const dataDir = resolve(take(args, '--data-dir') ?? join(repoRoot, 'test/.tmp/urdu-tables'));
if (!importOnly && (!table || !DEFAULTS[table])) {
  process.stderr.write(`--table must be one of ${Object.keys(DEFAULTS).join(', ')}, got '${table ?? ''}'\n`);
  process.exit(2);
}
if (!existsSync(URDU)) {
  process.stderr.write(`the URDU corpus is missing: ${URDU} does not exist (it lives in ../shared/data/urdu beside the repository)\n`);
  process.exit(1);
}

// The experiment's arguments: the defaults for what the caller did not choose.
const experimentArgs = [...args];
for (const [option, value] of [['--dataset', 'urdu'] as [string, string], ['--protocol', 'speaker-holdout'] as [string, string], ...chunk(DEFAULTS[table ?? ''] ?? [])]) {
  if (!experimentArgs.includes(option)) experimentArgs.push(option, value);
}
const speakerHoldout = experimentArgs[experimentArgs.indexOf('--protocol') + 1] === 'speaker-holdout';
if (speakerHoldout && experimentArgs[experimentArgs.indexOf('--dataset') + 1] === 'urdu' && !experimentArgs.includes('--test-speakers')) {
  experimentArgs.push('--test-speakers', URDU_TEST_SPEAKERS);
}
const named = ['--dataset', '--pretrain', '--vqvae-pretrain'].flatMap((o) => (experimentArgs.includes(o) ? (experimentArgs[experimentArgs.indexOf(o) + 1] ?? '').split(',') : []));
const needsDemo = importOnly || named.includes('demo');

function chunk(pairs: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) out.push([pairs[i]!, pairs[i + 1]!]);
  return out;
}

mkdirSync(dataDir, { recursive: true });
const env = { ...process.env, SER_DATA_DIR: dataDir, SER_CORPUS_ROOTS: `${dirname(URDU)},${join(dataDir, 'corpora')}`, SER_LOG_LEVEL: 'warn' };
await registerCorpora();
if (importOnly) process.exit(0);

const cli = ['bin/ser.js', 'experiment', table!, '--data-dir', dataDir, ...experimentArgs];
process.stderr.write(`ser ${cli.slice(1).join(' ')}\n`);
const started = Date.now();
const run = spawnSync(process.execPath, cli, { cwd: repoRoot, stdio: 'inherit', env });
process.stderr.write(`wall time ${((Date.now() - started) / 1000).toFixed(0)} s, exit ${run.status}\n`);
process.exit(run.status ?? 1);

/** Registers what is missing with only the features service running (the experiment starts the whole platform). */
async function registerCorpora(): Promise<void> {
  const platform = await openPlatform(loadPlatformConfig({ env, overrides: ['--ports.features=0', '--metricsPort=0'] }));
  const service = await startFeaturesService(platform);
  const features = createClient<FeatureServiceClient>(loadSerProto().grpc.ser.v1.FeatureService, service.address, { deadlineMs: 60_000 });
  try {
    if (!(await platform.store.datasets.latestVersion('urdu'))) {
      process.stderr.write(`importing ${URDU} as 'urdu'\n`);
      for await (const m of iterateStream(features.IngestDataset({ corpusName: 'urdu', format: 'DATASET_FORMAT_URDU', uri: URDU }, deadlineIn(3600_000)))) {
        if (m.message) process.stderr.write(`  ${m.message}\n`);
      }
    }
    if (needsDemo && ((await seedDemoCorpus(platform)) === 'seeded' || !(await platform.store.datasets.latestVersion('demo')))) {
      process.stderr.write(`synthesising and importing the demo corpus as 'demo'\n`);
      while (!(await platform.store.datasets.latestVersion('demo'))) await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    closeClient(features);
    await service.stop();
    await platform.close();
  }
}
