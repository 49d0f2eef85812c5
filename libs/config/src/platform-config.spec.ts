import { describe, expect, it } from 'vitest';
import { loadPlatformConfig } from './platform-config';

describe('loadPlatformConfig', () => {
  it('defaults to the embedded single-machine setup', () => {
    const cfg = loadPlatformConfig({ env: {} });
    expect(cfg.bus.kind).toBe('memory');
    expect(cfg.store.kind).toBe('pglite');
    expect(cfg.ports.gateway).toBe(4000);
    expect(cfg.addresses.inference).toBe('127.0.0.1:50055');
  });

  it('reads the cluster setup from SER_* variables', () => {
    const cfg = loadPlatformConfig({
      env: {
        SER_BUS: 'kafka',
        SER_KAFKA_BROKERS: 'k1:9092, k2:9093',
        SER_STORE: 'postgres',
        SER_DATABASE_URL: 'postgres://u@db/ser',
        SER_INFERENCE_ADDRESS: 'inference:50055',
      },
    });
    expect(cfg.bus).toMatchObject({ kind: 'kafka', brokers: ['k1:9092', 'k2:9093'] });
    expect(cfg.store).toEqual({ kind: 'postgres', url: 'postgres://u@db/ser' });
    expect(cfg.addresses.inference).toBe('inference:50055');
  });

  it('reads the features work lease (how long a dead replica holds its shard) and refuses one too short to renew', () => {
    expect(loadPlatformConfig({ env: {} }).features.workLeaseMs).toBe(30_000);
    expect(loadPlatformConfig({ env: { SER_FEATURES_WORK_LEASE_MS: '2000' } }).features.workLeaseMs).toBe(2000);
    expect(() => loadPlatformConfig({ env: { SER_FEATURES_WORK_LEASE_MS: '10' } })).toThrow(/features.workLeaseMs/);
  });

  it('reads the artifact store: a directory by default, or s3://bucket/prefix with an endpoint and region', () => {
    expect(loadPlatformConfig({ env: {} }).artifacts).toEqual({ s3: { region: 'us-east-1' } });
    const cfg = loadPlatformConfig({
      env: { SER_ARTIFACT_STORE: 's3://ser-artifacts/prod', SER_S3_ENDPOINT: 'http://minio:9000', SER_S3_REGION: 'eu-west-1', SER_S3_FORCE_PATH_STYLE: 'true' },
    });
    expect(cfg.artifacts).toEqual({ store: 's3://ser-artifacts/prod', s3: { endpoint: 'http://minio:9000', region: 'eu-west-1', forcePathStyle: true } });
    expect(() => loadPlatformConfig({ env: { SER_S3_ENDPOINT: 'minio:9000' } })).toThrow(/artifacts.s3.endpoint/);
  });

  it('requires a database url for postgres and valid broker addresses', () => {
    expect(() => loadPlatformConfig({ env: { SER_STORE: 'postgres' } })).toThrow(/store.url is required/);
    expect(() => loadPlatformConfig({ env: { SER_KAFKA_BROKERS: 'nohost' } })).toThrow(/host:port/);
  });

  it('reads comma lists from one variable: items trimmed, empty ones dropped, an empty list by default', () => {
    const cfg = loadPlatformConfig({ env: { SER_CORPUS_ROOTS: ' /data/a ,, /data/b,', SER_SERVICE_AUTH_CALLERS: 'gateway, operator' } });
    expect(cfg.features.corpusRoots).toEqual(['/data/a', '/data/b']);
    expect(cfg.serviceAuth.allowedCallers).toEqual(['gateway', 'operator']);
    const embedded = loadPlatformConfig({ env: {} });
    expect([embedded.features.corpusRoots, embedded.serviceAuth.allowedCallers]).toEqual([[], []]);
    expect(() => loadPlatformConfig({ env: { SER_KAFKA_BROKERS: ' , ' } })).toThrow(/bus.brokers/);
  });

  it('reads the gateway settings: CORS origins as a comma list of origins, introspection, body limit', () => {
    const embedded = loadPlatformConfig({ env: {} }).gateway;
    expect(embedded).toEqual({ anonymousRead: true, corsOrigins: ['http://localhost:4000', 'http://127.0.0.1:4000'], introspection: true });
    const cfg = loadPlatformConfig({
      env: {
        SER_GATEWAY_CORS_ORIGINS: 'https://console.example.com/, http://localhost:5173',
        SER_GATEWAY_INTROSPECTION: 'false',
        SER_GATEWAY_MAX_BODY_BYTES: String(16 << 20),
        SER_GATEWAY_TRUSTED_DOCUMENTS: '/etc/ser/persisted-documents.json',
      },
    });
    expect(cfg.gateway).toMatchObject({
      corsOrigins: ['https://console.example.com', 'http://localhost:5173'],
      introspection: false,
      maxBodyBytes: 16 << 20,
      trustedDocuments: '/etc/ser/persisted-documents.json',
    });
    expect(loadPlatformConfig({ env: {} }).gateway.trustedDocuments).toBeUndefined();
    expect(loadPlatformConfig({ env: { SER_GATEWAY_CORS_ORIGINS: '*' } }).gateway.corsOrigins).toEqual(['*']);
  });

  it('refuses CORS entries that are not http(s) origins and a body limit that audio uploads would not fit', () => {
    expect(() => loadPlatformConfig({ env: { SER_GATEWAY_CORS_ORIGINS: 'console.example.com' } })).toThrow(/gateway.corsOrigins/);
    expect(() => loadPlatformConfig({ env: { SER_GATEWAY_CORS_ORIGINS: 'ftp://example.com' } })).toThrow(/gateway.corsOrigins/);
    expect(() => loadPlatformConfig({ env: { SER_GATEWAY_MAX_BODY_BYTES: String(1 << 20) } })).toThrow(/must be larger than inference.maxAudioBytes/);
  });
});
