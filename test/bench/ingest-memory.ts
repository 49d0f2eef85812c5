/**
 * Peak memory while ingesting a generated corpus of N utterances (default 10,000): ingestion streams, so the
 * resident set must stay flat as the corpus grows. Samples the process RSS (worker threads included) every
 * 100 ms and reports the peak over each tenth of the corpus; `flat` compares the last tenth with the second.
 *
 *   npx tsx test/bench/ingest-memory.ts [--utterances 10000] [--seconds 1] [--json]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeWav, synthesizeTestSignal } from '@ser/audio';
import { loadPlatformConfig } from '@ser/config';
import { Ingestor } from '@ser/features-service';
import { openPlatform } from '@ser/runtime';

const { values } = parseArgs({
  options: { utterances: { type: 'string', default: '10000' }, seconds: { type: 'string', default: '1' }, json: { type: 'boolean' } },
});
const count = Number(values.utterances);
const seconds = Number(values.seconds);

const dataDir = mkdtempSync(join(tmpdir(), 'ser-ingest-bench-'));
const root = join(dataDir, 'corpora', 'big');
try {
  // A handful of distinct clips, each written many times under different names (content differs by a sample,
  // so every file hashes differently, as real corpora do).
  const base = [0, 1, 2, 3].map((seed) => synthesizeTestSignal({ sampleRate: 16000, seconds, seed }));
  for (let i = 0; i < count; i++) {
    const speaker = `p${String(i % 50).padStart(3, '0')}`;
    if (i < 50) mkdirSync(join(root, speaker), { recursive: true });
    const clip = base[i % base.length]!.slice();
    clip[0] = (i % 1000) / 1e4;
    writeFileSync(join(root, speaker, `${speaker}_${String(i).padStart(5, '0')}.wav`), encodeWav(clip, 16000));
  }
  const platform = await openPlatform(loadPlatformConfig({ env: { SER_DATA_DIR: dataDir, SER_LOG_LEVEL: 'warn' } }));
  const ingestor = new Ingestor({
    ...platform,
    logger: platform.logger,
    corpusRoots: [join(dataDir, 'corpora')],
    workers: 0,
    minDurationSeconds: 0.1,
    shardSize: 128,
  });
  const tenths: number[] = Array(10).fill(0);
  let progress = 0;
  const sampler = setInterval(() => {
    const bucket = Math.min(9, Math.floor(progress * 10));
    tenths[bucket] = Math.max(tenths[bucket]!, process.memoryUsage.rss());
  }, 100);
  const started = performance.now();
  const result = await ingestor.ingest({ corpusName: 'big', format: 'unlabelled', uri: root }, (p) => {
    if (p.stage === 'extracting' && p.total) progress = p.done / p.total;
  });
  clearInterval(sampler);
  const wallSeconds = (performance.now() - started) / 1000;
  await ingestor.close();
  await platform.close();
  const mb = (b: number) => Math.round(b / 2 ** 20);
  const report = {
    utterances: result.report.utterancesIngested,
    audioSeconds: count * seconds,
    wallSeconds: Math.round(wallSeconds * 10) / 10,
    peakRssMbByTenth: tenths.map(mb),
    growthMbSecondToLastTenth: mb(tenths[9]! - tenths[1]!),
  };
  if (values.json) console.log(JSON.stringify(report));
  else {
    console.log(`ingested ${report.utterances} utterances (${report.audioSeconds} s of audio) in ${report.wallSeconds} s`);
    console.log(`peak RSS per tenth of the corpus (MB): ${report.peakRssMbByTenth.join(' ')}`);
    console.log(`growth from the 2nd to the last tenth: ${report.growthMbSecondToLastTenth} MB`);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
