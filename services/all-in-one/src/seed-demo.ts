import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateDemoCorpus, MANIFEST_FILE } from '@ser/demo-corpus';
import { TOPICS } from '@ser/events';
import type { Platform } from '@ser/runtime';

/**
 * First run of `npm start`: synthesise the demo corpus and announce it on the bus, so the features service
 * ingests it the way it ingests any corpus a data engineer publishes. Later runs find it and do nothing.
 */
export async function seedDemoCorpus(platform: Platform, sizes: { speakers?: number; utterancesPerEmotion?: number } = {}): Promise<'seeded' | 'present'> {
  const outDir = resolve(platform.config.dataDir, 'corpora', 'demo');
  if (existsSync(join(outDir, MANIFEST_FILE))) return 'present';
  const log = platform.logger.child({ task: 'seed-demo-corpus' });
  log.info({ outDir }, 'first run: synthesising the demo corpus');
  let lastLogged = 0;
  const result = await generateDemoCorpus({
    outDir,
    ...sizes,
    onProgress: (done, total) => {
      if (done - lastLogged >= total / 4 || done === total) {
        lastLogged = done;
        log.info({ done, total }, 'synthesising the demo corpus');
      }
    },
  });
  log.info({ files: result.files, voice: result.engine }, 'demo corpus written; publishing it for ingestion');
  await platform.bus.publish(TOPICS.corpusPublished, { corpusName: 'demo', format: 'manifest', uri: outDir, requestedBy: 'npm start' }, { key: 'demo' });
  return 'seeded';
}
