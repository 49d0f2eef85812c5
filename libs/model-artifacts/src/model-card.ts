// The model card beside every kept model (models/<run>/model-card.{json,md}): what it learned from, how it was
// evaluated, what it takes as input and what it is not good for. JSON for tools, Markdown for people; both from
// one ModelCard value.
import { z } from 'zod';
import type { ArtifactStore } from '@ser/artifacts';
import { DEFAULT_MEL_CONFIG, DEFAULT_TACN_CONFIG } from '@ser/audio';
import { evaluationProtocolSchema } from '@ser/evaluation';
import type { KeptModel } from './kept-model-schema';
import { renderModelCard } from './model-card-markdown';

export const MODEL_CARD_JSON = 'model-card.json';
export const MODEL_CARD_MARKDOWN = 'model-card.md';

const meanStdSchema = z.object({ mean: z.number(), std: z.number().nullable(), n: z.number().int() });

/** Everything a caller must do to audio before the model sees it. */
export const inputSignatureSchema = z.object({
  sampleRateHz: z.number().int().positive(),
  channels: z.literal(1),
  /** What the inference service computes from the samples, and what BatchPredict reads from the features service. */
  featureKind: z.enum(['log-mel', 'spectrogram-segments']),
  /** The feature tensor of one utterance, e.g. `[frames, 80]`. */
  shape: z.string(),
  /** The front end's settings (@ser/audio MelConfig or TacnConfig), as the model was trained with them. */
  frontEnd: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
});
export type InputSignature = z.infer<typeof inputSignatureSchema>;

export const modelCardSchema = z.object({
  cardVersion: z.literal(1),
  model: z.object({
    /** Registry name and version; null before the model is registered. */
    name: z.string().nullable(),
    version: z.number().int().positive().nullable(),
    kind: z.string(),
    method: z.string(),
    runId: z.string(),
    artifactKey: z.string(),
  }),
  data: z.object({
    datasetVersionId: z.string(),
    /** null when the dataset version is no longer in the store. */
    datasetName: z.string().nullable(),
    /** The dataset version's content hash. */
    datasetVersion: z.string().nullable(),
    format: z.string().nullable(),
    utterances: z.number().int().nonnegative().nullable(),
    speakers: z.number().int().nonnegative().nullable(),
    classCounts: z.record(z.string(), z.number()),
  }),
  protocol: evaluationProtocolSchema,
  evaluation: z.object({
    repeats: z.number().int().positive(),
    wa: meanStdSchema,
    ua: meanStdSchema,
    macroF1: meanStdSchema,
    /** Mean ± std over repeats; null for a class that never had test utterances. */
    perClassRecall: z.record(z.string(), meanStdSchema.nullable()),
    /** The one fold whose model was kept: its own test speakers and scores. */
    keptFold: z.object({
      repeat: z.number().int(),
      fold: z.number().int(),
      name: z.string(),
      testSpeakers: z.array(z.string()),
      wa: z.number(),
      ua: z.number(),
      perClassRecall: z.record(z.string(), z.number().nullable()),
    }),
  }),
  /** Class names in output order. */
  labels: z.array(z.string()),
  input: inputSignatureSchema,
  lineage: z.object({ pretrainedCheckpointId: z.string().nullable(), vqvaeCheckpointId: z.string().nullable() }),
  knownLimits: z.array(z.string()),
  createdAt: z.string(),
});
export type ModelCard = z.infer<typeof modelCardSchema>;

/** The input a kept model expects, from its kind and stored front-end settings. */
export function inputSignatureOf(model: KeptModel): InputSignature {
  if (model.kind === 'sequence-model') {
    const { frames, bins, hopSamples } = model.segments;
    return {
      sampleRateHz: DEFAULT_TACN_CONFIG.sampleRate,
      channels: 1,
      featureKind: 'spectrogram-segments',
      shape: `[segments, ${frames}, ${bins}]`,
      frontEnd: { ...DEFAULT_TACN_CONFIG, segmentHopSamples: hopSamples },
    };
  }
  const nMels = model.kind === 'fop-classifier' ? model.fop.nMels : model.fop.config.nMels;
  return { sampleRateHz: DEFAULT_MEL_CONFIG.sampleRate, channels: 1, featureKind: 'log-mel', shape: `[frames, ${nMels}]`, frontEnd: { ...DEFAULT_MEL_CONFIG } };
}

/** Writes model-card.json and model-card.md beside the kept model under `prefix` (checked against the schema first). */
export async function writeModelCard(artifacts: ArtifactStore, prefix: string, card: ModelCard): Promise<ModelCard> {
  const checked = modelCardSchema.parse(card);
  await artifacts.put(`${prefix}/${MODEL_CARD_JSON}`, Buffer.from(JSON.stringify(checked, null, 2)));
  await artifacts.put(`${prefix}/${MODEL_CARD_MARKDOWN}`, Buffer.from(renderModelCard(checked)));
  return checked;
}

/** The card beside a kept model, or null when none was written (models kept before cards existed). */
export async function readModelCard(artifacts: ArtifactStore, prefix: string): Promise<ModelCard | null> {
  const key = `${prefix}/${MODEL_CARD_JSON}`;
  if (!(await artifacts.exists(key))) return null;
  return modelCardSchema.parse(JSON.parse((await artifacts.get(key)).toString('utf8')));
}
