/**
 * Why does the VQ-VAE + TACN pipeline sit at chance on real speech? This probe trains the classifier trainer's own
 * sequence network (CNN over 32x129 segments -> TCN/TACN, no services in between) on RAVDESS 4-class and prints
 * per-epoch curves (train loss, train/validation/test UA) as CSV lines, so each suspected cause can be switched on
 * and off (an ablation) and the curves compared:
 *
 *   npx tsx test/acceptance/tacn-probe.ts [--model tcn|tacn] [--optimizer adam|adadelta] [--lr X] [--batch N]
 *     [--epochs N] [--class-weights balanced|none] [--max-segments N] [--truncate N] [--size small|paper|small-old]
 *     [--seed N] [--corpus DIR]
 *
 * Speaker-independent: actors 1-4 are the test speakers, 5-6 validation, 7-24 training. Segments are cached
 * under .data/cache/tacn-probe (decoding 672 FLAC files through ffmpeg takes a while). Exits 1, saying so, when
 * ../shared/data/ravdess is missing.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createTacnFrontEnd, decodeAudioFile } from '@ser/audio';
import { evaluate } from '@ser/evaluation';
import { mixSeed, shuffledBatches, trainLoop, weightedSoftmaxCrossEntropy } from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';
import {
  binStatistics,
  createOptimizer,
  createSequenceNetwork,
  predictSequences,
  resolveNetworkConfig,
  selectSegments,
  sequenceModelRunConfigSchema,
  trainingLogits,
  type SegmentSequence,
  type SequenceData,
} from '@ser/classifier-trainer';

const CLASSES = ['angry', 'happy', 'neutral', 'sad'];
const EMOTION_CODES: Record<string, string> = { '01': 'neutral', '03': 'happy', '04': 'sad', '05': 'angry' };
const SHAPE = { frames: 32, bins: 129 };
const SIZES = {
  small: { cnnFilters: [8, 12, 16], representationUnits: 64, fusionUnits: 128, channels: 32, numHeads: 4, rnnUnits: 32 },
  paper: {},
};

interface Utterance {
  actor: number;
  label: number;
  segments: Float32Array;
}

async function loadCorpus(root: string): Promise<Utterance[]> {
  const cache = resolve('.data/cache/tacn-probe/ravdess4.bin');
  if (existsSync(cache)) return decodeCache(await readFile(cache));
  const frontEnd = createTacnFrontEnd();
  const out: Utterance[] = [];
  for (const actorDir of (await readdir(root)).filter((d) => d.startsWith('Actor_')).sort()) {
    for (const file of (await readdir(join(root, actorDir))).sort()) {
      const fields = file.replace(/\.[a-z0-9]+$/, '').split('-');
      const label = EMOTION_CODES[fields[2]!];
      if (!label) continue;
      const audio = await decodeAudioFile(join(root, actorDir, file));
      out.push({ actor: Number(fields[6]), label: CLASSES.indexOf(label), segments: frontEnd.compute(audio.samples).data });
    }
    process.stderr.write(`decoded ${actorDir} (${out.length} utterances)\n`);
  }
  await mkdir(resolve('.data/cache/tacn-probe'), { recursive: true });
  await writeFile(cache, encodeCache(out));
  return out;
}

function encodeCache(utterances: Utterance[]): Buffer {
  const header = JSON.stringify(utterances.map((u) => [u.actor, u.label, u.segments.length]));
  const body = Buffer.concat(utterances.map((u) => Buffer.from(u.segments.buffer, u.segments.byteOffset, u.segments.byteLength)));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(Buffer.byteLength(header));
  return Buffer.concat([size, Buffer.from(header), body]);
}

function decodeCache(bytes: Buffer): Utterance[] {
  const headerBytes = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.subarray(4, 4 + headerBytes).toString()) as [number, number, number][];
  let offset = 4 + headerBytes;
  return header.map(([actor, label, length]) => {
    const segments = new Float32Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length * 4));
    offset += length * 4;
    return { actor, label, segments };
  });
}

function ua(data: SequenceData, rows: number[], probabilities: number[][]): number {
  const predicted = probabilities.map((p) => CLASSES[p.indexOf(Math.max(...p))]!);
  return evaluate(
    rows.map((r) => CLASSES[data.labels[r]!]!),
    predicted,
    CLASSES,
  ).ua;
}

async function main() {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: 'tcn' },
      optimizer: { type: 'string', default: 'adam' },
      lr: { type: 'string' },
      batch: { type: 'string', default: '32' },
      epochs: { type: 'string', default: '30' },
      'class-weights': { type: 'string', default: 'none' },
      'max-segments': { type: 'string', default: '64' },
      truncate: { type: 'string' },
      size: { type: 'string', default: 'small' },
      seed: { type: 'string', default: '1' },
      corpus: { type: 'string', default: '../shared/data/ravdess' },
    },
  });
  const root = resolve(values.corpus!);
  if (!existsSync(root)) {
    console.error(`RAVDESS not found at ${root}: this probe needs ../shared/data/ravdess (see its README)`);
    process.exit(1);
  }
  const utterances = await loadCorpus(root);
  const { backend } = await initTfjs();
  const config = sequenceModelRunConfigSchema.parse({
    method: 'sequence-model',
    datasetVersionId: 'probe',
    sequenceModel: values.model,
    features: 'deep',
    optimizer: values.optimizer,
    learningRate: values.lr ? Number(values.lr) : undefined,
    batchSize: Number(values.batch),
    epochs: Number(values.epochs),
    maxSegments: Number(values['max-segments']),
    model: SIZES[values.size as keyof typeof SIZES],
  });
  // --truncate N: every utterance cut to its first N segments, for training and evaluation alike (what runs did
  // before whole utterances); otherwise whole utterances, training windows of --max-segments.
  const truncate = values.truncate ? Number(values.truncate) : Infinity;
  const sequences: SegmentSequence[] = utterances.map((u) => selectSegments(u.segments, SHAPE, 1, truncate));
  const rowsWhere = (test: (actor: number) => boolean) => utterances.flatMap((u, i) => (test(u.actor) ? [i] : []));
  const test = rowsWhere((a) => a <= 4);
  const validation = rowsWhere((a) => a === 5 || a === 6);
  const train = rowsWhere((a) => a >= 7);
  const labels = utterances.map((u) => u.label);
  const data: SequenceData = {
    sequences,
    labels,
    shape: SHAPE,
    stats: binStatistics(
      train.map((r) => sequences[r]!),
      SHAPE.bins,
    ),
  };
  const counts = CLASSES.map((_, c) => train.filter((r) => labels[r] === c).length);
  const weights = values['class-weights'] === 'balanced' ? counts.map((n) => train.length / (CLASSES.length * n)) : CLASSES.map(() => 1);
  const seed = Number(values.seed);
  const network = createSequenceNetwork(resolveNetworkConfig(config, CLASSES.length, null), seed);
  const optimizer = createOptimizer(config);
  const trainProbe = train.filter((_, i) => i % 3 === 0);
  console.log(
    `# backend ${backend}, ${values.model} ${values.size}, ${values.optimizer} lr ${values.lr ?? 'default'}, batch ${config.batchSize}, class weights ${values['class-weights']}, training windows ${config.maxSegments}, truncate ${truncate}, seed ${seed}`,
  );
  console.log(
    `# ${train.length} train / ${validation.length} validation / ${test.length} test utterances; segments per utterance ${Math.min(...sequences.map((s) => s.count))}-${Math.max(...sequences.map((s) => s.count))}`,
  );
  console.log('epoch,train_loss,train_ua,validation_ua,test_ua,seconds');
  const started = Date.now();
  await trainLoop({
    variables: network.variables,
    optimizer,
    epochs: config.epochs,
    seed,
    batches: (epoch) => shuffledBatches(train.length, config.batchSize, mixSeed(seed, epoch)).map((b) => b.map((i) => train[i]!)),
    lossFn: (rows, ctx) =>
      weightedSoftmaxCrossEntropy(
        trainingLogits(network, data, rows, config.maxSegments, ctx.seed),
        rows.map((r) => labels[r]!),
        weights,
      ),
    hooks: {
      onEpochEnd: (epoch, metrics) => {
        const score = (rows: number[]) => ua(data, rows, predictSequences(network, data, rows, 64));
        console.log(
          [
            epoch,
            metrics.trainLoss.toFixed(4),
            score(trainProbe).toFixed(3),
            score(validation).toFixed(3),
            score(test).toFixed(3),
            ((Date.now() - started) / 1000).toFixed(0),
          ].join(','),
        );
        return undefined;
      },
    },
  });
  network.dispose();
  optimizer.dispose();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
