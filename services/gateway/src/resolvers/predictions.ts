import { GraphQLError } from '../graphql-runtime';
import type { ModelSelector, ReadUtteranceAudioResponse__Output } from '@ser/contracts';
import { callUnary, iterateStream, joinFileChunks } from '@ser/grpc-kit';
import type { Prediction, PredictionFilter } from '@ser/store';
import { requireRole } from '../auth/access';
import type { GatewayContext } from '../context';
import type { UploadedFile } from '../http/multipart';
import { findVersion } from '../model-registry-reads';
import { toEnum } from './enums';
import { globalIdOf, storeId, toGlobalId } from './global-ids';
import { badInput, connection, type ConnectionArgs } from './paging';

interface PredictInput {
  audio?: UploadedFile | null;
  utterance?: { datasetVersionId: string; utteranceId: string } | null;
  model?: { name: string; alias?: string | null; version?: number | null } | null;
  recordOptOut?: boolean | null;
}

function modelSelector(m: PredictInput['model']): ModelSelector | undefined {
  if (!m) return undefined;
  if (m.alias != null && m.version != null) throw badInput('model: give alias or version, not both');
  if (m.version != null) return { name: m.name, version: String(m.version) };
  // No alias: the inference service picks its configured default alias (inference.defaultAlias).
  return m.alias != null ? { name: m.name, alias: m.alias } : { name: m.name };
}

/**
 * The audio of a stored utterance, streamed by the features service, which owns corpora and reads them where they
 * are (a folder, an s3:// location). Its errors reach the client mapped (formatError): an unknown version or
 * utterance NOT_FOUND, a stored path leaving its source BAD_USER_INPUT, an unreadable file FAILED_PRECONDITION.
 */
async function utteranceAudio(ctx: GatewayContext, ref: NonNullable<PredictInput['utterance']>): Promise<{ content: Buffer; filename: string }> {
  const request = { datasetVersionId: storeId('DatasetVersion', ref.datasetVersionId), utteranceId: ref.utteranceId };
  const chunks: ReadUtteranceAudioResponse__Output[] = [];
  for await (const chunk of iterateStream<ReadUtteranceAudioResponse__Output>(ctx.clients.features.ReadUtteranceAudio(request))) chunks.push(chunk);
  return { content: await joinFileChunks(chunks), filename: chunks[0]?.path ?? '' };
}

/** The registered version that answered (the inference service names it as name and version number), or null. */
async function servedVersion(ctx: GatewayContext, model: { name: string; version: string } | null | undefined) {
  const version = Number(model?.version);
  return model?.name && Number.isInteger(version) && version > 0 ? findVersion(ctx.clients.modelRegistry, model.name, version) : null;
}

export const predictionMutations = {
  async predict(_: unknown, { input }: { input: PredictInput }, ctx: GatewayContext) {
    requireRole(ctx, 'operator', 'predict');
    if (!input.audio === !input.utterance) throw badInput('predict takes exactly one of audio and utterance');
    const audio = input.audio ? { content: input.audio.content, filename: input.audio.filename } : await utteranceAudio(ctx, input.utterance!);
    const res = await callUnary(ctx.clients.inference, 'Predict', { audio, model: modelSelector(input.model), recordOptOut: input.recordOptOut ?? false });
    const p = res.prediction;
    if (!p) throw new GraphQLError('the inference service answered without a prediction', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    return {
      predictionId: p.predictionId ? toGlobalId('Prediction', p.predictionId) : null,
      label: p.label,
      probabilities: p.classProbabilities,
      modelName: p.model?.name || null,
      // A function, so GraphQL's default resolver calls it only when the query selects modelVersion: a registry
      // round trip per prediction that most callers (the console's upload, the inference bench) never read.
      modelVersion: () => servedVersion(ctx, p.model),
      latencyMs: p.latencyMs,
    };
  },
};

interface FilterInput {
  modelName?: string | null;
  modelVersionId?: string | null;
  label?: string | null;
  /** Parsed and validated by the DateTime scalar. */
  since?: Date | null;
}

const predictionFilter = (f: FilterInput | null | undefined): PredictionFilter => ({
  modelName: f?.modelName ?? undefined,
  modelVersionId: f?.modelVersionId ? storeId('ModelVersion', f.modelVersionId) : undefined,
  label: f?.label ?? undefined,
  since: f?.since ?? undefined,
});

export const predictionQueries = {
  predictions: (_: unknown, args: ConnectionArgs & { filter?: FilterInput | null }, ctx: GatewayContext) =>
    connection(args, (page) => ctx.store.predictions.list(predictionFilter(args.filter), page)),
};

export const PredictionResolvers = {
  id: globalIdOf('Prediction', (p: Prediction) => p.id),
  source: (p: Prediction) => toEnum(p.source),
  modelVersion: (p: Prediction, _: unknown, ctx: GatewayContext) => ctx.loaders.modelVersion.load(p.modelVersionId),
  probabilities: (p: Prediction) =>
    Object.entries(p.probabilities)
      .map(([label, probability]) => ({ label, probability }))
      .sort((a, b) => b.probability - a.probability),
};
