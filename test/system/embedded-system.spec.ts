import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav, synthesizeTestSignal } from '@ser/audio';
import { seedDemoCorpus, startAll, type RunningSystem } from '@ser/all-in-one';
import { loadPlatformConfig } from '@ser/config';
import { decodeFeatureData, loadSerProto, type FeatureServiceClient } from '@ser/contracts';
import { callUnary, closeClient, createClient, readErrorDetails } from '@ser/grpc-kit';
import { openPlatform, type Platform } from '@ser/runtime';
import { gql } from './graphql-client';

// The whole platform in one process on embedded defaults (in-process bus, PGlite), every port chosen free.
const FREE_PORTS = ['features', 'fopPretrainer', 'vqvaePretrainer', 'classifierTrainer', 'inference', 'modelRegistry', 'gateway'].map((n) => `--ports.${n}=0`);

describe('the embedded system', () => {
  let dataDir: string;
  let platform: Platform;
  let system: RunningSystem;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-system-'));
    platform = await openPlatform(loadPlatformConfig({ env: { SER_DATA_DIR: dataDir, SER_SEED_DEMO: 'false', SER_METRICS_PORT: '0' }, overrides: FREE_PORTS }));
    system = await startAll(platform);
  });

  afterAll(async () => {
    for (const s of [...(system?.stoppables ?? [])].reverse()) await s.stop();
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports every service and the gateway SERVING through GraphQL', async () => {
    const res = await gql<{ health: Array<{ service: string; status: string }> }>(system.gatewayUrl, '{ health { service status } }');
    expect(res.errors).toBeUndefined();
    const byService = Object.fromEntries(res.data!.health.map((h) => [h.service, h.status]));
    expect(byService).toEqual({
      FEATURES: 'SERVING',
      FOP_PRETRAINER: 'SERVING',
      VQVAE_PRETRAINER: 'SERVING',
      CLASSIFIER_TRAINER: 'SERVING',
      INFERENCE: 'SERVING',
      MODEL_REGISTRY: 'SERVING',
      GATEWAY: 'SERVING',
    });
  });

  it('pages datasets from the metadata store as a Relay connection', async () => {
    for (const name of ['alpha', 'beta', 'gamma']) {
      await platform.store.datasets.registerVersion({
        datasetName: name,
        version: `v-${name}`,
        format: 'urdu',
        sourceUri: `/data/${name}`,
        utteranceCount: 3,
        classCounts: { angry: 2, sad: 1 },
      });
    }
    const query = `query($after: String) { datasets(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { name latestVersion { version utteranceCount classCounts { key count } } } } } }`;
    type Conn = {
      datasets: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: Array<{
          node: { name: string; latestVersion: { version: string; utteranceCount: number; classCounts: Array<{ key: string; count: number }> } };
        }>;
      };
    };
    const first = await gql<Conn>(system.gatewayUrl, query);
    expect(first.errors).toBeUndefined();
    expect(first.data!.datasets.totalCount).toBe(3);
    expect(first.data!.datasets.edges.map((e) => e.node.name)).toEqual(['alpha', 'beta']);
    expect(first.data!.datasets.edges[0]!.node.latestVersion).toEqual({
      version: 'v-alpha',
      utteranceCount: 3,
      classCounts: [
        { key: 'angry', count: 2 },
        { key: 'sad', count: 1 },
      ],
    });
    expect(first.data!.datasets.pageInfo.hasNextPage).toBe(true);
    const second = await gql<Conn>(system.gatewayUrl, query, { after: first.data!.datasets.pageInfo.endCursor });
    expect(second.data!.datasets.edges.map((e) => e.node.name)).toEqual(['gamma']);
    expect(second.data!.datasets.pageInfo.hasNextPage).toBe(false);
  });

  it('seeds the demo corpus once and ingests it through the corpus.published flow', async () => {
    expect(await seedDemoCorpus(platform, { speakers: 2, utterancesPerEmotion: 1 })).toBe('seeded');
    await expect.poll(() => platform.store.datasets.latestVersion('demo'), { timeout: 60_000, interval: 250 }).not.toBeNull();
    const demo = (await platform.store.datasets.latestVersion('demo'))!;
    expect(demo.utteranceCount).toBe(8); // 4 emotions x 2 speakers x 1
    expect(Object.keys(demo.classCounts).sort()).toEqual(['angry', 'happy', 'neutral', 'sad']);
    expect(await seedDemoCorpus(platform)).toBe('present');
  });

  it('answers a malformed cursor with BAD_USER_INPUT', async () => {
    const res = await gql(system.gatewayUrl, '{ datasets(after: "not-a-cursor") { totalCount } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('extracts 80-dim log-mel features of uploaded audio over gRPC', async () => {
    const { FeatureService } = loadSerProto().grpc.ser.v1;
    const client = createClient<FeatureServiceClient>(FeatureService, system.addresses.features!, { deadlineMs: 10_000 });
    try {
      const samples = synthesizeTestSignal({ sampleRate: 16000, seconds: 1 });
      const res = await callUnary(client, 'ExtractFeatures', {
        audio: { content: Buffer.from(encodeWav(samples, 16000)), filename: 'a.wav' },
        kind: 'FEATURE_KIND_LOG_MEL',
      });
      expect(res.features?.dims).toBe(80);
      expect(res.features?.frames).toBe(101); // 1 + floor(16000 / 160), centred frames
      expect(decodeFeatureData(res.features!.data).length).toBe(101 * 80);
      expect(res.durationSeconds).toBeCloseTo(1, 5);

      const bad = await callUnary(client, 'ExtractFeatures', { audio: { content: Buffer.from('this is not audio at all'), filename: 'x.wav' } }).catch(
        (e: unknown) => e,
      );
      expect((bad as { code: number }).code).toBe(3); // INVALID_ARGUMENT
      expect(readErrorDetails(bad).fieldViolations[0]?.field).toBe('audio.content');
    } finally {
      closeClient(client);
    }
  });
});
