/**
 * FOP Table 1 on the URDU corpus: `npx tsx test/experiments/urdu-table1.ts [--data-dir DIR] [ser experiment options]`.
 * Registers ../shared/data/urdu as 'urdu' and the demo corpus as 'demo' in the data folder when they are not
 * there yet, then runs `ser experiment fop-table1 --dataset urdu --pretrain urdu,demo` with the options given.
 * Says so and exits 1 when ../shared is missing.
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

const args = process.argv.slice(2);
const dataDirAt = args.indexOf('--data-dir');
const dataDir = resolve(dataDirAt >= 0 ? args.splice(dataDirAt, 2)[1]! : join(repoRoot, 'test/.tmp/urdu-experiment'));

if (!existsSync(URDU)) {
  process.stderr.write(`the URDU corpus is missing: ${URDU} does not exist (it lives in ../shared/data/urdu beside the repository)\n`);
  process.exit(1);
}
mkdirSync(dataDir, { recursive: true });

// Register what is missing, with only the features service running (the experiment starts the whole platform).
const env = { ...process.env, SER_DATA_DIR: dataDir, SER_CORPUS_ROOTS: `${dirname(URDU)},${join(dataDir, 'corpora')}`, SER_LOG_LEVEL: 'warn' };
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
  if ((await seedDemoCorpus(platform)) === 'seeded' || !(await platform.store.datasets.latestVersion('demo'))) {
    process.stderr.write(`synthesising and importing the demo corpus as 'demo'\n`);
    while (!(await platform.store.datasets.latestVersion('demo'))) await new Promise((r) => setTimeout(r, 500));
  }
} finally {
  closeClient(features);
  await service.stop();
  await platform.close();
}

const cli = ['bin/ser.js', 'experiment', 'fop-table1', '--dataset', 'urdu', '--pretrain', 'urdu,demo', '--data-dir', dataDir, ...args];
process.stderr.write(`ser ${cli.slice(1).join(' ')}\n`);
const run = spawnSync(process.execPath, cli, { cwd: repoRoot, stdio: 'inherit', env });
process.exit(run.status ?? 1);
