// The sequence models must learn a small, realistic emotion task well above chance with the run's default
// training settings (optimizer, learning rate, class weighting, early stopping, whole-utterance evaluation; batch 16
// for a 48-clip training set): synthetic emotional speech of six speakers, two of them held out. It guards against
// what left the TACN tables at chance on real speech: Adadelta at batch 128 collapsed every network to one class
// (UA exactly 0.25 here too), and a TACN whose attention replaced the taps learned to 0.31 UA (issue 12).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTacnFrontEnd, decodeAudioFile } from '@ser/audio';
import {
  binStatistics,
  predictSequences,
  resolveNetworkConfig,
  selectSegments,
  sequenceModelRunConfigSchema,
  trainSequenceFold,
  type SequenceData,
} from '@ser/classifier-trainer';
import { importCorpus } from '@ser/corpora';
import { generateDemoCorpus } from '@ser/demo-corpus';
import { evaluate } from '@ser/evaluation';
import { initTfjs } from '@ser/tfjs-backend';

const SPEAKERS = 6;
const TEST_SPEAKERS = new Set([4, 5]); // one male, one female (speakers alternate)
const VALIDATION_SPEAKER = 3;
// A narrow CNN and sequence model: what the task needs, and seconds per epoch on two cores.
const SMALL = { cnnFilters: [4, 8, 8], representationUnits: 32, fusionUnits: 32, channels: 16, layers: 4, numHeads: 2, dropout: 0.1 };

interface Corpus {
  data: SequenceData;
  classes: string[];
  speakerOf: number[];
}

let dir = '';
let corpus: Corpus;

async function loadDemoCorpus(): Promise<Corpus> {
  dir = mkdtempSync(join(tmpdir(), 'ser-learns-'));
  await generateDemoCorpus({ outDir: dir, speakers: SPEAKERS, utterancesPerEmotion: 4, useEspeak: false, seed: 7 });
  // The platform's own manifest importer reads the corpus, as ingestion does.
  const rows = (await importCorpus(dir, { format: 'manifest' })).entries.map((e) => ({ path: e.path, label: e.label!, speaker: e.speaker! }));
  const classes = [...new Set(rows.map((r) => r.label))].sort();
  const speakers = [...new Set(rows.map((r) => r.speaker))].sort();
  const frontEnd = createTacnFrontEnd();
  const shape = { frames: frontEnd.frames, bins: frontEnd.bins };
  const sequences = await Promise.all(
    rows.map(async (r) => selectSegments(frontEnd.compute((await decodeAudioFile(resolve(dir, r.path))).samples).data, shape, 1)),
  );
  const speakerOf = rows.map((r) => speakers.indexOf(r.speaker));
  const train = rows.map((_, i) => i).filter((i) => !TEST_SPEAKERS.has(speakerOf[i]!) && speakerOf[i] !== VALIDATION_SPEAKER);
  const data: SequenceData = {
    sequences,
    labels: rows.map((r) => classes.indexOf(r.label)),
    shape,
    stats: binStatistics(
      train.map((i) => sequences[i]!),
      shape.bins,
    ),
  };
  return { data, classes, speakerOf };
}

beforeAll(async () => {
  await initTfjs();
  corpus = await loadDemoCorpus();
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sequence models learn a small emotion task well above chance with the default training settings', () => {
  it.each(['tcn', 'tacn'] as const)(
    '%s: held-out speakers classified at UA >= 0.5, twice chance',
    async (sequenceModel) => {
      const { data, classes, speakerOf } = corpus;
      const rows = data.labels.map((_, i) => i);
      const config = sequenceModelRunConfigSchema.parse({
        method: 'sequence-model',
        datasetVersionId: 'demo',
        sequenceModel,
        features: 'deep',
        epochs: 25,
        model: SMALL,
        batchSize: 16,
      });
      const trained = await trainSequenceFold(
        {
          config,
          network: resolveNetworkConfig(config, classes.length, null),
          data,
          train: rows.filter((i) => !TEST_SPEAKERS.has(speakerOf[i]!) && speakerOf[i] !== VALIDATION_SPEAKER),
          validation: rows.filter((i) => speakerOf[i] === VALIDATION_SPEAKER),
          classWeights: classes.map(() => 1),
          seed: 1,
        },
        { onEpoch: () => undefined, shouldCancel: () => false },
      );
      const test = rows.filter((i) => TEST_SPEAKERS.has(speakerOf[i]!));
      const predicted = predictSequences(trained.network, data, test, 16).map((p) => classes[p.indexOf(Math.max(...p))]!);
      trained.network.dispose();
      const report = evaluate(
        test.map((i) => classes[data.labels[i]!]!),
        predicted,
        classes,
      );
      expect(
        report.ua,
        `UA ${report.ua.toFixed(3)}, best epoch ${trained.bestEpoch}, history ${JSON.stringify(trained.history.map((h) => h.validationLoss.toFixed(3)))}`,
      ).toBeGreaterThanOrEqual(0.5);
    },
    600_000,
  );
});
