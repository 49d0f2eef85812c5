import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  loadSerProto,
  SER_SERVICE_NAMES,
  type FeatureServiceClient,
  type FeatureServiceHandlers,
  type ReadUtteranceAudioRequest__Output,
  type ReadUtteranceAudioResponse__Output,
} from '@ser/contracts';
import { closeClient, createClient, FILE_CHUNK_BYTES, GrpcStatus, iterateStream, serverStream, startGrpcServer, type RunningServer } from '@ser/grpc-kit';
import { createLogger } from '@ser/logging';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { readUtteranceAudio } from './read-utterance-audio';

// ReadUtteranceAudio over a real gRPC socket, on a PGlite store, reading a corpus folder under a corpus root.
describe('ReadUtteranceAudio', () => {
  let dir: string;
  let corpus: string;
  let store: MetadataStore;
  let server: RunningServer;
  let client: FeatureServiceClient;
  let versionId: string;
  const small = Buffer.from('RIFF....WAVEfmt a tiny clip');
  // Two full chunks and a bit: the stream must cut it, the client must get every byte back in order.
  const large = Buffer.from(Array.from({ length: 2 * FILE_CHUNK_BYTES + 5 }, (_, i) => i % 251));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ser-utterance-audio-'));
    const roots = join(dir, 'corpora');
    corpus = join(roots, 'urdu');
    mkdirSync(join(corpus, 'Angry'), { recursive: true });
    writeFileSync(join(corpus, 'Angry', 'a1.wav'), small);
    writeFileSync(join(corpus, 'Angry', 'long.wav'), large);
    writeFileSync(join(dir, 'secret.wav'), 'not part of any corpus');
    symlinkSync(join(dir, 'secret.wav'), join(corpus, 'Angry', 'link.wav'));
    mkdirSync(join(dir, 'elsewhere'));

    store = await openMetadataStore({ kind: 'pglite' });
    const register = async (name: string, sourceUri: string, paths: Record<string, string>) => {
      const { version } = await store.datasets.registerVersion({ datasetName: name, version: 'v1', format: 'urdu', sourceUri, utteranceCount: 1 });
      const rows = Object.entries(paths).map(([utteranceId, path]) => ({ utteranceId, path, durationS: 1, contentHash: utteranceId }));
      await store.datasets.addUtterances(version.id, rows);
      return version.id;
    };
    versionId = await register('urdu', corpus, {
      a1: 'Angry/a1.wav',
      long: 'Angry/long.wav',
      gone: 'Angry/gone.wav',
      up: '../secret.wav',
      absolute: `${dir}/secret.wav`,
      link: 'Angry/link.wav',
    });
    await register('outside', join(dir, 'elsewhere'), { x: 'x.wav' });

    const proto = loadSerProto();
    const sources = { corpusRoots: [roots] };
    const handlers: Partial<FeatureServiceHandlers> = {
      ReadUtteranceAudio: serverStream((req: ReadUtteranceAudioRequest__Output) => readUtteranceAudio(store, sources, req)),
    };
    server = await startGrpcServer({
      port: 0,
      logger: createLogger('features-test', { level: 'silent' }),
      packageDefinition: proto.reflectionPackageDefinition,
      services: [
        {
          name: SER_SERVICE_NAMES.features,
          definition: proto.grpc.ser.v1.FeatureService.service,
          implementation: handlers as never,
        },
      ],
    });
    client = createClient<FeatureServiceClient>(proto.grpc.ser.v1.FeatureService, server.address, { deadlineMs: 10_000 });
  }, 60_000);

  afterAll(async () => {
    if (client) closeClient(client);
    await server?.shutdown(0);
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => rmSync(join(corpus, 'Angry', 'gone.wav'), { force: true }));

  const read = async (datasetVersionId: string, utteranceId: string) => {
    const chunks: ReadUtteranceAudioResponse__Output[] = [];
    for await (const c of iterateStream(client.ReadUtteranceAudio({ datasetVersionId, utteranceId }))) chunks.push(c);
    return chunks;
  };
  const codeOf = (datasetVersionId: string, utteranceId: string) =>
    read(datasetVersionId, utteranceId).then(
      () => 'answered',
      (err: { code: number; details: string }) => ({ code: GrpcStatus[err.code], details: err.details }),
    );

  it('streams a small file as one chunk, named by its stored path', async () => {
    const chunks = await read(versionId, 'a1');
    expect(chunks.map((c) => [c.path, c.offset, c.sizeBytes])).toEqual([['Angry/a1.wav', 0, small.length]]);
    expect(chunks[0]!.data.equals(small)).toBe(true);
  });

  it('cuts a file larger than a chunk into chunks of at most FILE_CHUNK_BYTES that join into the file', async () => {
    const chunks = await read(versionId, 'long');
    expect(chunks.map((c) => [c.offset, c.data.length, c.sizeBytes])).toEqual([
      [0, FILE_CHUNK_BYTES, large.length],
      [FILE_CHUNK_BYTES, FILE_CHUNK_BYTES, large.length],
      [2 * FILE_CHUNK_BYTES, 5, large.length],
    ]);
    expect(Buffer.concat(chunks.map((c) => c.data)).equals(large)).toBe(true);
  });

  it('is NOT_FOUND for an unknown version or utterance, INVALID_ARGUMENT without ids', async () => {
    expect(await codeOf('no-such-version', 'a1')).toMatchObject({ code: 'NOT_FOUND', details: expect.stringContaining('no-such-version') });
    expect(await codeOf(versionId, 'nope')).toMatchObject({ code: 'NOT_FOUND', details: expect.stringContaining('nope') });
    expect(await codeOf('', '')).toMatchObject({ code: 'INVALID_ARGUMENT', details: 'dataset_version_id and utterance_id required' });
  });

  it('refuses stored paths that leave the source, by .., as absolute paths or through a symbolic link', async () => {
    expect(await codeOf(versionId, 'up')).toMatchObject({ code: 'INVALID_ARGUMENT', details: expect.stringContaining('leaves its corpus source') });
    expect(await codeOf(versionId, 'absolute')).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await codeOf(versionId, 'link')).toMatchObject({ code: 'INVALID_ARGUMENT', details: expect.stringContaining('symbolic link') });
  });

  it('is FAILED_PRECONDITION for a missing file and for a source outside the corpus roots, then reads the file once it is there', async () => {
    expect(await codeOf(versionId, 'gone')).toMatchObject({ code: 'FAILED_PRECONDITION', details: expect.stringContaining('Angry/gone.wav') });
    const outside = (await store.datasets.latestVersion('outside'))!.id;
    expect(await codeOf(outside, 'x')).toMatchObject({ code: 'FAILED_PRECONDITION', details: expect.stringContaining('outside the allowed corpus roots') });
    writeFileSync(join(corpus, 'Angry', 'gone.wav'), small);
    expect((await read(versionId, 'gone'))[0]!.data.equals(small)).toBe(true);
  });
});
