// Decoding and features in front-end worker threads: the same samples, hashes, features and predictions as on the
// event loop, the same gRPC errors for bad audio, and a worker that dies fails only its own requests, retriably.
import { describe, expect, it } from 'vitest';
import { encodeWav, synthesizeTestSignal } from '@ser/audio';
import type { AudioData__Output } from '@ser/contracts';
import { GrpcStatus } from '@ser/grpc-kit';
import { decodeAudioInput } from '../audio/audio-input';
import { frontEndOf, type FrontEndSpec } from '../audio/front-ends';
import { grpcFailureOf, useSeededFrontEnd, WORKER_START_MS } from '../testing/seeded-front-end';
import { defaultFrontEndWorkers, FrontEndPool } from './front-end-pool';

const LIMITS = { maxAudioSeconds: 5, maxAudioBytes: 2_000_000 };

const audio = (content: Uint8Array, extra: Partial<AudioData__Output> = {}): AudioData__Output => ({
  content: Buffer.from(content),
  filename: 'clip.wav',
  encoding: 'AUDIO_ENCODING_UNSPECIFIED',
  sampleRateHz: 0,
  channels: 0,
  ...extra,
});

describe('clip decoding and features in front-end worker threads', () => {
  const seeded = useSeededFrontEnd('front-end-pool-test');
  // Generated speech-like clips: 16 kHz mono WAV, 44.1 kHz stereo WAV (mixed down, resampled), raw 22.05 kHz PCM.
  const mono = synthesizeTestSignal({ sampleRate: 16000, seconds: 1.3, seed: 1 });
  const stereo = [2, 3].map((seed) => synthesizeTestSignal({ sampleRate: 44100, seconds: 0.9, seed }));
  const raw = synthesizeTestSignal({ sampleRate: 22050, seconds: 1.1, seed: 4 });
  const rawPcm = new Uint8Array(Int16Array.from(raw, (x) => Math.round(x * 32767)).buffer);
  const clips = [
    audio(encodeWav(mono, 16000)),
    audio(encodeWav(stereo, 44100)),
    audio(rawPcm, { encoding: 'AUDIO_ENCODING_PCM_S16LE', sampleRateHz: 22050, channels: 1, filename: '' }),
  ];

  it('decodes every clip to the samples and hash the event loop gets, bit for bit', async () => {
    for (const clip of clips) {
      const here = await decodeAudioInput(clip, LIMITS);
      const there = await seeded.pool.decode(clip, LIMITS);
      expect(there.inputHash).toBe(here.inputHash);
      expect(Buffer.from(there.samples.buffer, there.samples.byteOffset, there.samples.byteLength)).toEqual(
        Buffer.from(here.samples.buffer, here.samples.byteOffset, here.samples.byteLength),
      );
    }
  });

  it('computes log-mel and TACN segment features bit for bit, and the model predicts the same from them', async () => {
    const samples = (await decodeAudioInput(clips[1]!, LIMITS)).samples;
    const tacn: FrontEndSpec = { kind: 'tacn-segments', segmentHopSamples: 4000 };
    expect(Array.from(await seeded.pool.featurize({ frontEnd: tacn, featurize: frontEndOf(tacn) }, samples))).toEqual(Array.from(frontEndOf(tacn)(samples)));
    const inputs = await Promise.all(clips.map(async (c) => (await decodeAudioInput(c, LIMITS)).samples));
    const pooled = await Promise.all(inputs.map((s) => seeded.pool.featurize(seeded.model, s)));
    const local = inputs.map((s) => seeded.model.featurize(s));
    expect(pooled.map((x) => Array.from(x))).toEqual(local.map((x) => Array.from(x)));
    expect(await seeded.model.predict(pooled)).toEqual(await seeded.model.predict(local));
    for (const [i, x] of pooled.entries()) expect(await seeded.model.predict([x])).toEqual(await seeded.model.predict([local[i]!]));
  });

  it('fails bad audio with the gRPC error the event loop gives: code, message, reason and violations', async () => {
    const bad = [
      audio(new TextEncoder().encode('definitely not audio at all')),
      audio(encodeWav(synthesizeTestSignal({ sampleRate: 16000, seconds: 6, seed: 5 }), 16000)), // over maxAudioSeconds
      audio(new Uint8Array(5), { encoding: 'AUDIO_ENCODING_PCM_S16LE', sampleRateHz: 5, channels: 1 }), // rate out of range
      audio(new Uint8Array(0)),
    ];
    for (const clip of bad) {
      const expected = await grpcFailureOf(decodeAudioInput(clip, LIMITS));
      expect(expected.rich.errorInfo?.reason ?? expected.rich.fieldViolations.length).toBeTruthy(); // the details carry something to compare
      expect(await grpcFailureOf(seeded.pool.decode(clip, LIMITS))).toEqual(expected);
    }
  });

  it(
    'fails the requests of a worker that dies with UNAVAILABLE, then serves from a fresh one',
    async () => {
      const dying = new FrontEndPool(1, seeded.logger);
      // Two minutes of 44.1 kHz stereo to mix down and resample: the worker is still at it when it is terminated. A
      // short clip was sometimes answered before the termination landed, and the request then resolved.
      const long = audio(encodeWav(synthesizeTestSignal({ sampleRate: 44100, seconds: 120, seed: 5 }), 44100));
      try {
        await dying.ready();
        const caught = expect(dying.decode(long, { maxAudioSeconds: 600, maxAudioBytes: 50_000_000 })).rejects.toMatchObject({
          code: GrpcStatus.UNAVAILABLE,
          message: expect.stringMatching(/front-end worker 0 stopped.*retry/),
        });
        await dying.restartWorker(0); // terminated mid-request, as a crash would; resolves when the replacement is up
        await caught;
        expect((await dying.decode(clips[0]!, LIMITS)).inputHash).toBe((await decodeAudioInput(clips[0]!, LIMITS)).inputHash);
      } finally {
        await dying.close();
      }
    },
    WORKER_START_MS,
  );

  it('defaults to one thread per 2 cores, at least 1 and at most 4', () => {
    expect([1, 2, 4, 8, 16].map((cores) => defaultFrontEndWorkers(cores))).toEqual([1, 1, 2, 4, 4]);
  });
});
