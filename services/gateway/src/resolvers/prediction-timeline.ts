import type { ModelSelector, PredictStreamRequest, PredictStreamResponse__Output } from '@ser/contracts';
import { iterateStream } from '@ser/grpc-kit';
import { requireRole } from '../auth/access';
import type { GatewayContext } from '../context';
import { toGlobalId } from './global-ids';
import { badInput } from './paging';

interface PredictionTimelineInput {
  pcm: string;
  sampleRateHz: number;
  windowSeconds?: number | null;
  hopSeconds?: number | null;
  model?: { name: string; alias?: string | null; version?: number | null } | null;
  recordOptOut?: boolean | null;
}

/** PCM per PredictStream message: 64 KiB, two seconds at 16 kHz, far below the gRPC message limit. */
const CHUNK_BYTES = 64 * 1024;

function modelSelector(m: PredictionTimelineInput['model']): ModelSelector | undefined {
  if (!m) return undefined;
  if (m.alias != null && m.version != null) throw badInput('model: give alias or version, not both');
  if (m.version != null) return { name: m.name, version: String(m.version) };
  return m.alias != null ? { name: m.name, alias: m.alias } : { name: m.name };
}

/** The config, then the audio in chunks: what the inference service's PredictStream reads. */
function* streamRequests(input: PredictionTimelineInput, pcm: Buffer): Generator<PredictStreamRequest> {
  yield {
    config: {
      model: modelSelector(input.model),
      encoding: 'AUDIO_ENCODING_PCM_S16LE',
      sampleRateHz: input.sampleRateHz,
      channels: 1,
      windowSeconds: input.windowSeconds ?? 0,
      hopSeconds: input.hopSeconds ?? 0,
      recordOptOut: input.recordOptOut ?? false,
    },
  };
  for (let at = 0; at < pcm.length; at += CHUNK_BYTES) yield { audioChunk: pcm.subarray(at, at + CHUNK_BYTES) };
}

const windowOf = (w: PredictStreamResponse__Output) => ({
  index: w.windowIndex,
  startSeconds: w.windowStartSeconds,
  endSeconds: w.windowEndSeconds,
  label: w.prediction?.label ?? '',
  probabilities: w.prediction?.classProbabilities ?? [],
  predictionId: w.prediction?.predictionId ? toGlobalId('Prediction', w.prediction.predictionId) : null,
});

/**
 * Predictions over time for long audio (operator): the client's mono 16-bit PCM goes through the inference service's
 * PredictStream, and each window's prediction is sent on as the service answers it. Browsers decode and resample
 * what they record or open themselves (Web Audio), so the gateway needs no decoder. Silent windows are skipped by
 * the service (its VAD): their index is missing from the results.
 */
async function* predictionTimeline(ctx: GatewayContext, input: PredictionTimelineInput, pcm: Buffer) {
  const call = ctx.clients.inference.PredictStream();
  // Written while the answers are read: a long recording's windows arrive before its last chunk is sent.
  const writing = (async () => {
    for (const request of streamRequests(input, pcm)) {
      if (!call.write(request)) await new Promise((resolve) => call.once('drain', resolve));
    }
    call.end();
  })().catch(() => undefined); // a failed call ends the reading below with its status
  try {
    for await (const answer of iterateStream<PredictStreamResponse__Output>(call)) yield windowOf(answer);
  } finally {
    await writing;
  }
}

export const predictionTimelineSubscription = {
  predictionTimeline: {
    // Checked before the stream is returned, so a refusal reaches the client as a GraphQL error, not a broken stream.
    subscribe: (_: unknown, { input }: { input: PredictionTimelineInput }, ctx: GatewayContext) => {
      requireRole(ctx, 'operator', 'predictionTimeline');
      const pcm = Buffer.from(input.pcm, 'base64');
      if (pcm.length === 0 || pcm.length % 2 !== 0) throw badInput('pcm: base64 of 16-bit little-endian samples, at least one');
      return predictionTimeline(ctx, input, pcm);
    },
    resolve: (window: ReturnType<typeof windowOf>) => window,
  },
};
