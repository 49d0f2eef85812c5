/**
 * The ONNX export in Python: a paper-size fop-classifier (seeded weights) is kept, exported with @ser/onnx-export,
 * and run on the same right-padded batch of generated clips by TensorFlow.js, onnxruntime-node and Python's
 * onnxruntime (PyPI, scripts/ensure-prereqs.sh). Prints the largest |difference| of the probabilities of each pair;
 * exits 1 when one is above 1e-4 or Python cannot load the file.
 *
 *   npx tsx test/bench/onnx-python.ts [--json]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { createLocalArtifactStore } from '@ser/artifacts';
import { createLogMel, synthesizeTestSignal } from '@ser/audio';
import { writeKeptModel } from '@ser/model-artifacts';
import { DEFAULT_FOP_CONFIG, createFop, createFopClassifier, saveVariables } from '@ser/models';
import { ONNX_METADATA_KEYS, exportKeptModelToOnnx } from '@ser/onnx-export';
import { initTfjs } from '@ser/tfjs-backend';

const CHECK = resolve(dirname(fileURLToPath(import.meta.url)), 'onnx_runtime_check.py');
const CLASSES = ['angry', 'happy', 'neutral', 'sad'];
const TOLERANCE = 1e-4;
const nMels = DEFAULT_FOP_CONFIG.nMels;

const maxAbsDiff = (a: number[][], b: number[][]) => Math.max(...a.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[i]![j]!))));

async function main(json: boolean): Promise<number> {
  const runtime = await initTfjs();
  const dir = mkdtempSync(join(tmpdir(), 'onnx-python-'));
  try {
    const artifacts = createLocalArtifactStore(join(dir, 'artifacts'));
    const fop = createFop({}, 7);
    const classifier = createFopClassifier(fop, CLASSES.length, 8);
    classifier.variables['head.kernel']!.assign(tf.mul(classifier.variables['head.kernel']!, 4)); // spread the probabilities
    const lineage = { runId: 'bench', datasetVersionId: 'bench', pretrainedCheckpointId: null };
    await writeKeptModel(artifacts, 'models/bench', {
      kind: 'fop-classifier',
      classes: CLASSES,
      fop: fop.config,
      weights: saveVariables(classifier.variables),
      bestEpoch: 0,
      lineage,
    });
    const modelPath = join(dir, 'model.onnx');
    writeFileSync(modelPath, await exportKeptModelToOnnx(artifacts, 'models/bench', { name: 'bench', version: 1 }));

    const logMel = createLogMel();
    const clips = [0.8, 2, 3.5].map((seconds, i) => logMel.compute(synthesizeTestSignal({ sampleRate: 16000, seconds, seed: 40 + i })).data);
    const lengths = clips.map((c) => c.length / nMels);
    const longest = Math.max(...lengths);
    const features = new Float32Array(clips.length * longest * nMels);
    clips.forEach((c, b) => features.set(c, b * longest * nMels));
    const shape = [clips.length, longest, nMels];

    const tfjs = tf.tidy(() =>
      classifier.forward(tf.tensor3d(features, shape as [number, number, number]), { training: false, lengths }).probabilities.arraySync(),
    );
    const session = await ort.InferenceSession.create(modelPath, { executionProviders: ['cpu'] });
    const out = await session.run({
      features: new ort.Tensor('float32', features, shape),
      lengths: new ort.Tensor('int64', BigInt64Array.from(lengths.map(BigInt)), [clips.length]),
    });
    const p = out.probabilities!.data as Float32Array;
    const node = clips.map((_, b) => Array.from(p.subarray(b * CLASSES.length, (b + 1) * CLASSES.length)));
    await session.release();

    const python = spawnSync('python3', [CHECK], {
      input: JSON.stringify({ model: modelPath, features: Array.from(features), shape, lengths }),
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    if (python.status !== 0) {
      process.stderr.write(`Python's onnxruntime could not run the export:\n${python.stderr}`);
      return 1;
    }
    const py = JSON.parse(python.stdout) as { version: string; probabilities: number[][]; metadata: Record<string, string>; inputs: string[] };
    const result = {
      backend: runtime.backend,
      frames: lengths,
      pythonOnnxruntime: py.version,
      onnxruntimeNode: ort.env.versions.node,
      maxAbsDiff: { pythonVsNode: maxAbsDiff(py.probabilities, node), pythonVsTfjs: maxAbsDiff(py.probabilities, tfjs), nodeVsTfjs: maxAbsDiff(node, tfjs) },
      pythonSawClasses: JSON.parse(py.metadata[ONNX_METADATA_KEYS.classes] ?? 'null') as unknown,
      pythonSawFrontEnd: Boolean(py.metadata[ONNX_METADATA_KEYS.frontEnd]),
    };
    const ok =
      Object.values(result.maxAbsDiff).every((d) => d <= TOLERANCE) &&
      JSON.stringify(result.pythonSawClasses) === JSON.stringify(CLASSES) &&
      result.pythonSawFrontEnd;
    if (json) process.stdout.write(`${JSON.stringify({ ...result, ok })}\n`);
    else {
      process.stdout.write(`ONNX export, batch of ${lengths.join('/')} frames, tfjs backend ${result.backend}\n`);
      process.stdout.write(
        `  Python onnxruntime ${py.version} vs onnxruntime-node ${result.onnxruntimeNode}: max |diff| ${result.maxAbsDiff.pythonVsNode.toExponential(2)}\n`,
      );
      process.stdout.write(`  Python onnxruntime vs TensorFlow.js: max |diff| ${result.maxAbsDiff.pythonVsTfjs.toExponential(2)}\n`);
      process.stdout.write(`  onnxruntime-node vs TensorFlow.js: max |diff| ${result.maxAbsDiff.nodeVsTfjs.toExponential(2)}\n`);
      process.stdout.write(
        `  metadata read back in Python: classes ${JSON.stringify(result.pythonSawClasses)}, front end ${result.pythonSawFrontEnd ? 'present' : 'MISSING'}\n`,
      );
      process.stdout.write(ok ? `  ok (<= ${TOLERANCE})\n` : `  FAILED (tolerance ${TOLERANCE})\n`);
    }
    return ok ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.includes('--json')).then((code) => process.exit(code));
