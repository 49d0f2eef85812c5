import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalArtifactStore, type ArtifactStore } from '@ser/artifacts';
import { DEFAULT_MEL_CONFIG } from '@ser/audio';
import { keptModelSchema } from './kept-model-schema';
import { inputSignatureOf, MODEL_CARD_JSON, MODEL_CARD_MARKDOWN, readModelCard, writeModelCard, type ModelCard } from './model-card';
import { renderModelCard } from './model-card-markdown';
import { SAMPLE_DRAFTS } from './testing/sample-models';

const stats = (mean: number, std: number | null = null) => ({ mean, std, n: std === null ? 1 : 3 });

const CARD: ModelCard = {
  cardVersion: 1,
  model: { name: 'fop-emotion', version: 2, kind: 'fop-classifier', method: 'fop-fine-tune', runId: 'run-7', artifactKey: 'models/run-7' },
  data: {
    datasetVersionId: 'dv-1',
    datasetName: 'demo',
    datasetVersion: 'abc123',
    format: 'manifest',
    utterances: 96,
    speakers: 6,
    classCounts: { angry: 24, happy: 24, neutral: 24, sad: 24 },
  },
  protocol: { kind: 'speaker-holdout', testSpeakers: ['spk05', 'spk06'] },
  evaluation: {
    repeats: 3,
    wa: stats(0.625, 0.05),
    ua: stats(0.61, 0.04),
    macroF1: stats(0.6, 0.06),
    perClassRecall: { angry: stats(0.9, 0.1), happy: stats(0.5, 0.2), neutral: stats(0.4, 0), sad: null },
    keptFold: {
      repeat: 2,
      fold: 0,
      name: 'speaker-holdout[spk05,spk06]',
      testSpeakers: ['spk05', 'spk06'],
      wa: 0.66,
      ua: 0.64,
      perClassRecall: { angry: 1, happy: 0.5, neutral: 0.5, sad: null },
    },
  },
  labels: ['angry', 'happy', 'neutral', 'sad'],
  input: inputSignatureOf(
    keptModelSchema.parse({
      ...SAMPLE_DRAFTS['fop-classifier'],
      formatVersion: 2,
      weights: { file: 'weights.safetensors', format: 'safetensors', manifest: [] },
    }),
  ),
  lineage: { pretrainedCheckpointId: 'ck-3', vqvaeCheckpointId: null },
  knownLimits: ['demo model: it learned from synthetic speech only | not for real voices.', 'Predicts only its 4 classes.'],
  createdAt: '2025-01-02T03:04:05.000Z',
};

describe('model cards', () => {
  it('renders the limits first, then data with its version, protocol, metrics, per-class recall, labels, input and lineage', () => {
    const md = renderModelCard(CARD);
    expect(md.startsWith('# Model card: fop-emotion v2\n')).toBe(true);
    const order = ['## Known limits', '## Data', '## Evaluation', '### Per-class recall', '## Labels', '## Input', '## Lineage'].map((h) => md.indexOf(h));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(md).toContain('- demo model: it learned from synthetic speech only | not for real voices.');
    expect(md).toContain('| demo | abc123 | dv-1 | manifest | 96 | 6 |');
    expect(md).toContain('Protocol `{"kind":"speaker-holdout","testSpeakers":["spk05","spk06"]}`, 3 repeat(s)');
    expect(md).toContain('| UA (mean per-class recall) | 61.0% ± 4.0 |');
    expect(md).toContain('| angry | 90.0% ± 10.0 | 100.0% |');
    expect(md).toContain('| sad | no test utterances | no test utterances |');
    expect(md).toContain('In output order: `angry`, `happy`, `neutral`, `sad`.');
    expect(md).toContain('features `log-mel` of shape `[frames, 80]`');
    expect(md).toContain(`| hopLength | ${DEFAULT_MEL_CONFIG.hopLength} |`);
    expect(md).toContain('pre-trained FOP checkpoint `ck-3`; VQ-VAE checkpoint none');
  });

  it('escapes table separators inside cells', () => {
    const md = renderModelCard({ ...CARD, data: { ...CARD.data, datasetName: 'a|b' } });
    expect(md).toContain('| a\\|b | abc123 |');
  });

  it('names an unregistered model by its run, and says when no limits were recorded', () => {
    const md = renderModelCard({ ...CARD, model: { ...CARD.model, name: null, version: null }, knownLimits: [] });
    expect(md.startsWith('# Model card: the model of run run-7\n')).toBe(true);
    expect(md).toContain('## Known limits\n\n- none recorded\n');
  });

  it('gives each kind the input its loader computes', () => {
    const input = (kind: keyof typeof SAMPLE_DRAFTS) => {
      const draft = SAMPLE_DRAFTS[kind] as Record<string, unknown>;
      const ref = { file: 'w.safetensors', format: 'safetensors', manifest: [] };
      const withRefs = JSON.parse(JSON.stringify(draft, (k, v) => (k === 'weights' ? ref : v)));
      return inputSignatureOf(keptModelSchema.parse({ ...withRefs, formatVersion: 2 }));
    };
    expect(input('fop-hypercolumn-classical')).toMatchObject({ featureKind: 'log-mel', shape: '[frames, 80]', sampleRateHz: 16000 });
    expect(input('sequence-model')).toMatchObject({
      featureKind: 'spectrogram-segments',
      shape: '[segments, 32, 129]',
      frontEnd: { segmentHopSamples: 2120, nFft: 256 },
    });
  });

  describe('files', () => {
    let dir: string;
    let artifacts: ArtifactStore;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'ser-model-card-'));
      artifacts = createLocalArtifactStore(dir);
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('writes JSON and Markdown beside the model and reads the JSON back; a model without a card reads null', async () => {
      await writeModelCard(artifacts, 'models/run-7', CARD);
      expect(await readModelCard(artifacts, 'models/run-7')).toEqual(CARD);
      expect((await artifacts.get(`models/run-7/${MODEL_CARD_MARKDOWN}`)).toString('utf8')).toBe(renderModelCard(CARD));
      expect(JSON.parse((await artifacts.get(`models/run-7/${MODEL_CARD_JSON}`)).toString('utf8'))).toEqual(CARD);
      expect(await readModelCard(artifacts, 'models/none')).toBeNull();
    });

    it('refuses a card the schema does not allow', async () => {
      await expect(writeModelCard(artifacts, 'models/x', { ...CARD, labels: 'angry' } as never)).rejects.toThrow();
      expect(await artifacts.exists(`models/x/${MODEL_CARD_JSON}`)).toBe(false);
    });
  });
});
