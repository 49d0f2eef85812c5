/**
 * The ONNX export in Python: kept models of each exported kind (onnx-python-cases.ts: a paper-size fop-classifier,
 * the production recipe's h2 + SVM and the log-mel baseline's F + random forest), exported with @ser/onnx-export and
 * run on the same right-padded batch of generated clips by the inference service on TensorFlow.js, onnxruntime-node
 * and Python's onnxruntime (PyPI, scripts/ensure-prereqs.sh). Prints the largest |difference| of the probabilities
 * of each pair, per model; exits 1 when one is above 1e-4 or Python cannot load a file.
 *
 * The batch is three real clips of RAVDESS (../shared/data/ravdess, FLAC decoded by the platform's front end) when
 * that corpus is there, else generated clips (it says which); --generated always takes generated ones.
 *
 *   npx tsx test/bench/onnx-python.ts [--json] [--generated]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { createLocalArtifactStore, type ArtifactStore } from '@ser/artifacts';
import { decodeAudioFile, synthesizeTestSignal } from '@ser/audio';
import { loadServableModel } from '@ser/inference';
import { ONNX_METADATA_KEYS, exportKeptModelToOnnx } from '@ser/onnx-export';
import { initTfjs } from '@ser/tfjs-backend';
import { BENCH_CLASSES, ONNX_BENCH_CASES, type OnnxBenchCase } from './onnx-python-cases';

const maxAbsDiff = (a: number[][], b: number[][]) => Math.max(...a.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[i]![j]!))));

const HERE = dirname(fileURLToPath(import.meta.url));
const CHECK = resolve(HERE, 'onnx_runtime_check.py');
const RAVDESS = resolve(HERE, '../../../shared/data/ravdess');
// Actor 1: neutral, happy and angry statements, 3-4 s each, so the batch is right-padded at three lengths.
const REAL_CLIPS = ['Actor_01/03-01-01-01-01-01-01.flac', 'Actor_01/03-01-03-02-02-01-01.flac', 'Actor_01/03-01-05-02-01-02-01.flac'];

interface BenchClips {
  source: string;
  samples: Float32Array[];
}

/** Real speech when ../shared/data/ravdess is there (and not --generated), else generated clips of 0.8, 2 and 3.5 s. */
async function benchClips(generatedOnly: boolean): Promise<BenchClips> {
  const real = REAL_CLIPS.map((clip) => join(RAVDESS, clip));
  if (!generatedOnly && real.every((file) => existsSync(file))) {
    const samples = await Promise.all(real.map(async (file) => (await decodeAudioFile(file, { targetRate: 16000 })).samples));
    return { source: `real speech: ${REAL_CLIPS.join(', ')} of ${RAVDESS}`, samples };
  }
  const why = generatedOnly ? '--generated' : `${RAVDESS} is missing`;
  const samples = [0.8, 2, 3.5].map((seconds, i) => synthesizeTestSignal({ sampleRate: 16000, seconds, seed: 40 + i }));
  return { source: `generated clips (${why})`, samples };
}
const TOLERANCE = 1e-4;

interface CaseResult {
  name: string;
  kind: string;
  frames: number[];
  pythonOnnxruntime: string;
  maxAbsDiff: { pythonVsNode: number; pythonVsTfjs: number; nodeVsTfjs: number };
  pythonSawClasses: unknown;
  pythonSawFrontEnd: boolean;
  ok: boolean;
}

/** Keeps and exports one case, then compares the served tfjs answer, onnxruntime-node and Python on one padded batch; null when Python failed. */
async function runCase(artifacts: ArtifactStore, dir: string, benchCase: OnnxBenchCase, index: number, audio: BenchClips): Promise<CaseResult | null> {
  const prefix = `models/bench-${index}`;
  await benchCase.keep(artifacts, prefix);
  const modelPath = join(dir, `model-${index}.onnx`);
  writeFileSync(modelPath, await exportKeptModelToOnnx(artifacts, prefix, { name: 'bench', version: index + 1 }));

  process.env.SER_INFERENCE_RUNTIME = 'tfjs'; // the reference: what the inference service serves without ONNX
  const served = await loadServableModel(artifacts, prefix);
  const clips = audio.samples.map((samples) => served.featurize(samples));
  const tfjs = await served.predict(clips);
  served.dispose();
  // Each step: a log-mel frame of 80 mels, or a sequence-model's 32x129 spectrogram segment; the first input takes them.
  const step = served.featureKind === 'log-mel' ? [80] : [32, 129];
  const stepSize = step.reduce((a, b) => a * b, 1);
  const lengths = clips.map((c) => c.length / stepSize);
  const longest = Math.max(...lengths);
  const features = new Float32Array(clips.length * longest * stepSize);
  clips.forEach((c, b) => features.set(c, b * longest * stepSize));
  const shape = [clips.length, longest, ...step];

  const session = await ort.InferenceSession.create(modelPath, { executionProviders: ['cpu'] });
  const out = await session.run({
    [session.inputNames[0]!]: new ort.Tensor('float32', features, shape),
    lengths: new ort.Tensor('int64', BigInt64Array.from(lengths.map(BigInt)), [clips.length]),
  });
  const p = out.probabilities!.data as Float32Array;
  const node = clips.map((_, b) => Array.from(p.subarray(b * BENCH_CLASSES.length, (b + 1) * BENCH_CLASSES.length)));
  await session.release();

  const python = spawnSync('python3', [CHECK], {
    input: JSON.stringify({ model: modelPath, features: Array.from(features), shape, lengths }),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (python.status !== 0) {
    process.stderr.write(`Python's onnxruntime could not run the ${benchCase.name} export:\n${python.stderr}`);
    return null;
  }
  const py = JSON.parse(python.stdout) as { version: string; probabilities: number[][]; metadata: Record<string, string> };
  const diffs = { pythonVsNode: maxAbsDiff(py.probabilities, node), pythonVsTfjs: maxAbsDiff(py.probabilities, tfjs), nodeVsTfjs: maxAbsDiff(node, tfjs) };
  const pythonSawClasses = JSON.parse(py.metadata[ONNX_METADATA_KEYS.classes] ?? 'null') as unknown;
  const pythonSawFrontEnd = Boolean(py.metadata[ONNX_METADATA_KEYS.frontEnd]);
  const ok = Object.values(diffs).every((d) => d <= TOLERANCE) && JSON.stringify(pythonSawClasses) === JSON.stringify(BENCH_CLASSES) && pythonSawFrontEnd;
  return {
    name: benchCase.name,
    kind: py.metadata[ONNX_METADATA_KEYS.kind] ?? '?',
    frames: lengths,
    pythonOnnxruntime: py.version,
    maxAbsDiff: diffs,
    pythonSawClasses,
    pythonSawFrontEnd,
    ok,
  };
}

async function main(json: boolean, generatedOnly: boolean): Promise<number> {
  const runtime = await initTfjs();
  const audio = await benchClips(generatedOnly);
  const dir = mkdtempSync(join(tmpdir(), 'onnx-python-'));
  try {
    const artifacts = createLocalArtifactStore(join(dir, 'artifacts'));
    const results: Array<CaseResult | null> = [];
    for (const [i, benchCase] of ONNX_BENCH_CASES.entries()) results.push(await runCase(artifacts, dir, benchCase, i, audio));
    const ok = results.every((r) => r?.ok);
    if (json)
      process.stdout.write(`${JSON.stringify({ backend: runtime.backend, onnxruntimeNode: ort.env.versions.node, clips: audio.source, results, ok })}\n`);
    else {
      process.stdout.write(`ONNX exports in Python, tfjs backend ${runtime.backend}, onnxruntime-node ${ort.env.versions.node}\n`);
      process.stdout.write(`  clips: ${audio.source}\n`);
      for (const r of results) {
        if (!r) continue;
        const d = r.maxAbsDiff;
        process.stdout.write(`  ${r.name} [${r.kind}], batch of ${r.frames.join('/')} steps, Python onnxruntime ${r.pythonOnnxruntime}\n`);
        process.stdout.write(
          `    max |diff|: Python vs node ${d.pythonVsNode.toExponential(2)}, Python vs served tfjs ${d.pythonVsTfjs.toExponential(2)}, node vs served tfjs ${d.nodeVsTfjs.toExponential(2)}\n`,
        );
        process.stdout.write(
          `    metadata read back in Python: classes ${JSON.stringify(r.pythonSawClasses)}, front end ${r.pythonSawFrontEnd ? 'present' : 'MISSING'}\n`,
        );
      }
      process.stdout.write(ok ? `  ok (<= ${TOLERANCE})\n` : `  FAILED (tolerance ${TOLERANCE})\n`);
    }
    return ok ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.includes('--json'), process.argv.includes('--generated')).then((code) => process.exit(code));
