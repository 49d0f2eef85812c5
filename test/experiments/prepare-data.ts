import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoCorpus } from '@ser/all-in-one';
import { loadPlatformConfig } from '@ser/config';
import { loadSerProto, type FeatureServiceClient } from '@ser/contracts';
import { closeClient, createClient, iterateStream } from '@ser/grpc-kit';
import { startFeaturesService } from '@ser/features-service';
import { openPlatform, type Platform } from '@ser/runtime';
import { writeFourSpeakerCorpus } from '../classifier/four-speaker-corpus';

/**
 * A data folder with two registered datasets, as `ser corpus import` leaves one: 'four' (4 speakers x 4 emotions
 * x 2 tones, URDU layout) and 'demo' (the synthetic demo corpus, 4 speakers x 1 utterance per emotion).
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
  const four = join(dataDir, 'corpora', 'four');
  mkdirSync(four, { recursive: true });
  await writeFourSpeakerCorpus(four, 2);
  await ingestCorpora(dataDir, { four }, async (platform) => {
    await seedDemoCorpus(platform, { speakers: 4, utterancesPerEmotion: 1 });
    for (let i = 0; !(await platform.store.datasets.latestVersion('demo')); i++) {
      if (i > 600) throw new Error('the demo corpus was not ingested within 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  });
}

/**
 * Registers URDU-layout corpus folders (name -> folder) as datasets of `dataDir`, one after another, then runs
 * `alsoOnPlatform` before the platform closes. Only the features service is started: ingestion is all this needs
 * (the CLI under test starts the whole platform).
 */
export async function ingestCorpora(dataDir: string, corpora: Record<string, string>, alsoOnPlatform?: (platform: Platform) => Promise<void>): Promise<void> {
  const platform = await openPlatform(
    loadPlatformConfig({
      env: { SER_DATA_DIR: dataDir, SER_LOG_LEVEL: 'warn', SER_FEATURE_WORKERS: '1' },
      overrides: ['--ports.features=0', '--metricsPort=0'],
    }),
  );
  const service = await startFeaturesService(platform);
  const features = createClient<FeatureServiceClient>(loadSerProto().grpc.ser.v1.FeatureService, service.address, { deadlineMs: 120_000 });
  try {
    for (const [name, uri] of Object.entries(corpora)) {
      for await (const _ of iterateStream(features.IngestDataset({ corpusName: name, format: 'DATASET_FORMAT_URDU', uri }))) {
        // progress only; the dataset is registered when the stream ends
      }
    }
    await alsoOnPlatform?.(platform);
  } finally {
    closeClient(features);
    await service.stop();
    await platform.close();
  }
}

export interface SerResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ser ARGS` (bin/ser.js) as a child process, without blocking the test's event loop. */
export function ser(args: string[], env: Record<string, string> = {}): Promise<SerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/ser.js', ...args], { env: { ...process.env, SER_LOG_LEVEL: 'warn', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
