// Issue 17's check that kept-model weights are readable outside this codebase: Python's `safetensors` (from PyPI)
// loads the files writeKeptModel stores, with every name, dtype, shape and value as the model holds them; and a file
// Python's writer lays out its own way loads back into the network.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore, type ArtifactStore } from '@ser/artifacts';
import { readKeptWeights, writeKeptModel } from '@ser/model-artifacts';
import { createFop, createFopClassifier, decodeTensors, loadVariables, saveVariables, type FopConfig } from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('./python/safetensors_roundtrip.py', import.meta.url));
const PYTHON = process.env.SER_TEST_PYTHON ?? 'python3';
const FOP: FopConfig = { nMels: 80, dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 1, dropout: 0.1, attentionDropout: 0.1 };
const CLASSES = ['angry', 'happy', 'neutral', 'sad'];

interface PythonTensors {
  metadata: Record<string, string>;
  tensors: Record<string, { dtype: string; shape: number[]; values: number[] }>;
}

/** Fails (never skips) without Python or its packages: scripts/ensure-prereqs.sh installs them. */
function requirePython(): void {
  try {
    execFileSync(PYTHON, ['-c', 'import safetensors, numpy'], { stdio: 'pipe' });
  } catch (err) {
    const detail = (err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message;
    throw new Error(`${PYTHON} with safetensors and numpy is needed (bash scripts/ensure-prereqs.sh installs them): ${detail}`);
  }
}

describe("Python's safetensors reads the weights of a kept model, and we read Python's", () => {
  let dir: string;
  let artifacts: ArtifactStore;

  beforeAll(async () => {
    requirePython();
    await initTfjs({ prefer: 'wasm' });
    dir = mkdtempSync(join(tmpdir(), 'ser-safetensors-'));
    artifacts = createLocalArtifactStore(dir);
  });
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('loads a fine-tuned FOP written by writeKeptModel with the same names, dtypes, shapes and values; the file Python writes back loads into a fresh network', async () => {
    const fop = createFop(FOP, 7);
    const classifier = createFopClassifier(fop, CLASSES.length, 7);
    const saved = saveVariables(classifier.variables);
    const model = await writeKeptModel(artifacts, 'models/py', {
      kind: 'fop-classifier',
      classes: CLASSES,
      fop: FOP,
      weights: saved,
      bestEpoch: 0,
      lineage: { runId: 'py', datasetVersionId: 'dv', pretrainedCheckpointId: null },
    });
    if (model.kind !== 'fop-classifier') throw new Error('unreachable');

    const { stdout } = await run(PYTHON, [SCRIPT, 'read', artifacts.localPath(`models/py/${model.weights.file}`)], { maxBuffer: 64 << 20 });
    const fromPython = JSON.parse(stdout) as PythonTensors;
    expect(fromPython.metadata).toEqual({ kind: 'fop-classifier' });
    const ours = decodeTensors(saved);
    expect(Object.keys(fromPython.tensors).sort()).toEqual([...ours.keys()].sort());
    for (const [name, { shape, values }] of ours) {
      const theirs = fromPython.tensors[name]!;
      expect(theirs.dtype, name).toBe('float32');
      expect(theirs.shape, name).toEqual(shape);
      expect(theirs.values, name).toEqual(Array.from(values)); // float32 -> float64 is exact
    }

    // Python's writer orders and aligns its own way; the same tensors load back into a fresh classifier.
    const specPath = join(dir, 'spec.json');
    writeFileSync(specPath, JSON.stringify(fromPython.tensors));
    const pythonFile = join(dir, 'python.safetensors');
    await run(PYTHON, [SCRIPT, 'write', pythonFile, specPath]);
    await artifacts.put('models/from-python/weights.safetensors', readFileSync(pythonFile));
    const reloaded = await readKeptWeights(artifacts, 'models/from-python', { ...model.weights, file: 'weights.safetensors' });
    const fresh = createFopClassifier(createFop(FOP, 99), CLASSES.length, 99);
    loadVariables(fresh.variables, reloaded);
    const x = tf.randomNormal([2, 30, FOP.nMels], 0, 1, 'float32', 5) as tf.Tensor3D;
    const expected = classifier.forward(x, { training: false }).probabilities.arraySync();
    expect(fresh.forward(x, { training: false }).probabilities.arraySync()).toEqual(expected);
    classifier.dispose();
    fop.dispose();
    fresh.dispose();
  }, 120_000);
});
