// A front-end worker thread of the inference service: it decodes uploaded clips (WAV parsed here, other containers
// through an ffmpeg child process, raw PCM mixed down; then resampled to 16 kHz), mixes down PredictStream's PCM
// chunks and prepares its windows (resampled, VAD, hash), and computes models' features (log-mel, TACN segments),
// so that CPU work never holds up the service's event loop. It holds no model and no TensorFlow: the same
// @ser/audio code as the event loop runs, on the same inputs, so the same floats come back.
import { parentPort } from 'node:worker_threads';
import { GrpcError, STATUS_DETAILS_KEY } from '@ser/grpc-kit';
import { decodeAudioInput } from '../audio/audio-input';
import { frontEndOf } from '../audio/front-ends';
import { pcmToMono } from '../audio/pcm';
import { streamWindowInput } from '../audio/stream-window-input';
import type { FrontEndAnswer, FrontEndReply, FrontEndRequest } from './front-end-messages';

const port = parentPort;
if (!port) throw new Error('front-end-worker.ts must run in a worker thread');

async function handle(request: FrontEndRequest): Promise<FrontEndAnswer> {
  switch (request.op) {
    case 'featurize':
      return { samples: frontEndOf(request.frontEnd)(request.samples) };
    case 'mix-down':
      return { samples: pcmToMono(request.bytes, request.encoding, request.channels, request.field) };
    case 'stream-window':
      return streamWindowInput(request.samples, request.sampleRateHz, request.vadThresholdDb);
    case 'decode': {
      // Structured cloning turned the Buffer into a Uint8Array; the decoders take either, the types want a Buffer.
      const content = request.audio.content as Uint8Array;
      const audio = { ...request.audio, content: Buffer.from(content.buffer, content.byteOffset, content.byteLength) };
      return decodeAudioInput(audio, request.limits);
    }
  }
}

function failure(id: number, err: unknown): FrontEndReply {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof GrpcError)) return { id, ok: false, message };
  const trailer = err.metadata.get(STATUS_DETAILS_KEY)[0];
  return { id, ok: false, message, grpc: { code: err.code, details: err.details, statusDetails: trailer instanceof Uint8Array ? trailer : undefined } };
}

/** `samples` in an ArrayBuffer of its own, which can be handed over without a copy (a view is copied out first). */
const owned = (samples: Float32Array): Float32Array =>
  samples.byteOffset === 0 && samples.byteLength === samples.buffer.byteLength && samples.buffer instanceof ArrayBuffer ? samples : samples.slice();

port.on('message', (request: FrontEndRequest) => {
  handle(request).then(
    (result) => {
      const samples = owned(result.samples);
      port.postMessage({ ...result, id: request.id, ok: true, samples } satisfies FrontEndReply, [samples.buffer as ArrayBuffer]);
    },
    (err: unknown) => port.postMessage(failure(request.id, err)),
  );
});
port.postMessage({ op: 'ready' } satisfies FrontEndReply);
