import { hostname } from 'node:os';
import { z } from 'zod';
import { ConfigError, loadConfig, type ConfigSources } from './load-config';

export const SERVICE_NAMES = ['features', 'fopPretrainer', 'vqvaePretrainer', 'classifierTrainer', 'inference', 'modelRegistry'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** A list given as one comma-separated string (an environment variable) or as an array: items trimmed, empty ones dropped. */
const commaList = <T extends z.ZodType>(list: T) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    list,
  );

const brokerList = commaList(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port')).min(1));
const port = z.number().int().min(0).max(65535);
/** `*`, or an http(s) URL kept as its origin. */
const corsOrigin = z.union([z.literal('*'), z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin)]);

/** Origins the gateway allows by default: its own, as `npm start` serves it (the console is served there too). */
export const DEFAULT_GATEWAY_CORS_ORIGINS = ['http://localhost:4000', 'http://127.0.0.1:4000'] as const;

/**
 * Settings every service reads. Defaults are the embedded single-machine setup (`npm start`);
 * a cluster sets the environment variables in PLATFORM_ENV (see deploy/).
 */
export const platformConfigSchema = z
  .object({
    /** Root of PGlite data, artifacts and caches; one folder holds all local state. */
    dataDir: z.string().min(1).default('.data'),
    /** pino level; unset means info (warn under vitest). */
    logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).optional(),
    /** Log lines: 'pretty' (readable), 'json' (one object a line), 'auto' (pretty on a terminal, JSON elsewhere). */
    logFormat: z.enum(['json', 'pretty', 'auto']).default('auto'),
    bus: z
      .object({
        /** memory: in-process bus (one process). kafka: Apache Kafka through kafkajs. */
        kind: z.enum(['memory', 'kafka']).default('memory'),
        brokers: brokerList.default(['127.0.0.1:9092']),
        clientId: z.string().default('ser-platform'),
        /** Prepended to every Kafka topic: isolates environments (or test suites) sharing one cluster. */
        topicPrefix: z.string().default(''),
        /**
         * Prepended to every consumer group id; unset: topicPrefix, so platforms with different prefixes never share a
         * group. '' (SER_KAFKA_GROUP_ID_PREFIX='""') keeps the unprefixed groups, and their offsets, of an older platform.
         */
        groupIdPrefix: z.string().optional(),
        /** TLS to the brokers (managed clusters require it). */
        tls: z
          .object({
            enabled: z.boolean().default(false),
            /** PEM file of the CA that signed the brokers' certificates; unset: the system's trusted CAs. */
            caFile: z.string().min(1).optional(),
            /** false accepts any broker certificate: only for a throwaway cluster. */
            rejectUnauthorized: z.boolean().default(true),
          })
          .strict()
          .prefault({}),
        /** SASL authentication (SCRAM-SHA-512 on most managed clusters); none when mechanism is unset. */
        sasl: z
          .object({
            mechanism: z.enum(['scram-sha-512', 'scram-sha-256', 'plain']).optional(),
            username: z.string().min(1).optional(),
            password: z.string().min(1).optional(),
          })
          .strict()
          .prefault({})
          .refine((s) => !s.mechanism || (s.username && s.password), { message: 'bus.sasl.username and bus.sasl.password are required with a mechanism' }),
      })
      .strict()
      .prefault({}),
    store: z
      .object({
        /** pglite: PostgreSQL in WASM under dataDir. postgres: a PostgreSQL server at `url`. */
        kind: z.enum(['pglite', 'postgres']).default('pglite'),
        url: z.string().optional(),
        /** PostgreSQL schema the tables live in (created when missing); unset: the server's search_path. */
        schema: z.string().optional(),
      })
      .strict()
      .prefault({})
      .refine((s) => s.kind !== 'postgres' || !!s.url, { message: 'store.url is required when store.kind is postgres' }),
    artifacts: z
      .object({
        /**
         * Where feature shards, checkpoints and kept models live: a directory (unset: `<dataDir>/artifacts`), or
         * `s3://bucket/prefix` for object storage, which every pod reaches without a shared volume. S3 credentials
         * come from the AWS SDK's default chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a web identity, a role).
         */
        store: z.string().min(1).optional(),
        s3: z
          .object({
            /** An S3-compatible server (MinIO, Ceph, S3Proxy, ...); unset: AWS. */
            endpoint: z.url({ protocol: /^https?$/ }).optional(),
            region: z.string().min(1).default('us-east-1'),
            /** Bucket in the path rather than the host name; unset: true with an endpoint, false for AWS. */
            forcePathStyle: z.boolean().optional(),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    /** Interface gRPC servers bind; containers set 0.0.0.0. */
    grpcHost: z.string().default('127.0.0.1'),
    ports: z
      .object({
        features: port.default(50051),
        fopPretrainer: port.default(50052),
        vqvaePretrainer: port.default(50053),
        classifierTrainer: port.default(50054),
        inference: port.default(50055),
        modelRegistry: port.default(50056),
        gateway: port.default(4000),
      })
      .strict()
      .prefault({}),
    /** Where clients reach each service; defaults to grpcHost-independent loopback addresses on `ports`. */
    addresses: z
      .object(Object.fromEntries(SERVICE_NAMES.map((n) => [n, z.string().optional()])) as Record<ServiceName, z.ZodOptional<z.ZodString>>)
      .strict()
      .prefault({}),
    features: z
      .object({
        /**
         * Folders corpus locations must lie under (no path traversal). Empty means `<dataDir>/corpora` only;
         * deployments list their shared corpus volumes here.
         */
        corpusRoots: commaList(z.array(z.string().min(1))).default([]),
        /** Feature-extraction worker threads; 0 = one per core less one (at least 1). */
        workers: z.number().int().min(0).default(0),
        /** Utterances shorter than this are skipped as 'too short' (seconds). */
        minDurationSeconds: z.number().min(0).default(0.25),
        /** Utterances per feature shard file. */
        shardSize: z.number().int().positive().default(128),
        /**
         * How long a replica's claim on a shard holds without renewal (ms): a replica that dies mid-shard leaves it to
         * the others for this long. Renewed every third of it, so it only bounds how late a dead replica's work restarts.
         */
        workLeaseMs: z.number().int().min(300).default(30_000),
      })
      .strict()
      .prefault({}),
    inference: z
      .object({
        /** Longest audio Predict accepts, after decoding (seconds); longer is INVALID_ARGUMENT. */
        maxAudioSeconds: z.number().positive().default(60),
        /** Largest audio upload or stream chunk (bytes); larger is RESOURCE_EXHAUSTED. 60 s of 48 kHz stereo 16-bit WAV fits. */
        maxAudioBytes: z
          .number()
          .int()
          .positive()
          .default(12 * 1024 * 1024),
        /** Most requests one forward pass serves (dynamic batching); 1 turns batching off. */
        maxBatchSize: z.number().int().positive().default(16),
        /** Longest a request waits for others to share its forward pass (ms). */
        maxBatchWaitMs: z.number().min(0).default(5),
        /** Worker threads that run the forward passes, off the event loop; 0: in the service's own thread. Unset: one per 4 cores, 1 to 4. */
        forwardWorkers: z.number().int().min(0).optional(),
        /** Worker threads that decode clips and compute their features, off the event loop; 0: in the service's own thread. Unset: one per 2 cores, 1 to 4. */
        frontEndWorkers: z.number().int().min(0).optional(),
        /** Model a request without a model name gets, at defaultAlias. */
        defaultModelName: z.string().min(1).default('fop-emotion'),
        defaultAlias: z.string().min(1).default('production'),
        /** PredictStream window when the client sends 0 (seconds); 3 s: the trainer's default crop (300 frames). */
        streamWindowSeconds: z.number().positive().default(3),
        /** Energy VAD: a 25 ms frame is voiced when its RMS is above this level (dBFS). */
        vadThresholdDb: z.number().max(0).default(-45),
        /** A stream window with fewer voiced frames than this share is silence and skipped. */
        vadMinVoicedFraction: z.number().min(0).max(1).default(0.1),
        /** Length of the warm-up clip each model runs once at load (seconds). */
        warmupSeconds: z.number().positive().default(1),
      })
      .strict()
      .prefault({}),
    gateway: z
      .object({
        /** Queries without a token: handy on one machine; clusters should set false (reads then need a viewer token). */
        anonymousRead: z.boolean().default(true),
        /** Origins browsers may call the API from (CORS); `*` allows any. Default: the gateway's own origin on one machine. */
        corsOrigins: commaList(z.array(corsOrigin)).default([...DEFAULT_GATEWAY_CORS_ORIGINS]),
        /** Schema introspection (tools, GraphiQL): on for development; production values turn it off. */
        introspection: z.boolean().default(true),
        /**
         * Largest request body (bytes); larger is refused with 413. Unset: inference.maxAudioBytes plus 2 MiB for the
         * multipart `operations` and `map` fields, so every upload the inference service accepts fits.
         */
        maxBodyBytes: z.number().int().positive().optional(),
        /**
         * A trusted-documents manifest (JSON: sha256 -> document, as graphql-codegen's persisted-documents.json):
         * when set, the gateway runs only those documents and refuses others (extensions.code QUERY_NOT_IN_SAFELIST).
         */
        trustedDocuments: z.string().min(1).optional(),
      })
      .strict()
      .prefault({}),
    serviceAuth: z
      .object({
        /**
         * HMAC secret of the service tokens every mutating gRPC call carries (at least 32 characters; the chart takes
         * it from a Secret, `npm start` makes one per start). Unset: mutating RPCs are open to any caller, which a
         * standalone service accepts only with mode 'off'.
         */
        secret: z.string().min(32, 'must be at least 32 characters').optional(),
        /**
         * 'required': a standalone service (its main.ts, an image) refuses to start without a secret. 'off': it serves
         * without one, every RPC open (tests, a trusted single host); a configured secret is enforced either way.
         */
        mode: z.enum(['required', 'off']).default('required'),
        /** Callers allowed to make this process's mutating RPCs; empty: the platform's per-service defaults. */
        allowedCallers: commaList(z.array(z.string().min(1))).default([]),
      })
      .strict()
      .prefault({}),
    /** This process's identity for claimed work (runs); defaults to the host name, which a pod keeps across restarts of its container. */
    instanceId: z.string().min(1).optional(),
    /** npm start: on first run, synthesise the demo corpus into <dataDir>/corpora/demo and ingest it. */
    seedDemoCorpus: z.boolean().default(true),
    /** Prometheus /metrics HTTP port, one per process; unset: 9464, or 0 (ephemeral) under vitest. */
    metricsPort: port.optional(),
    /** Deadline for unary gRPC calls between services. */
    grpcDeadlineMs: z.number().int().positive().default(10_000),
  })
  .strict();

export type PlatformConfig = z.infer<typeof platformConfigSchema> & { addresses: Record<ServiceName, string>; instanceId: string; metricsPort: number };

/** Environment variables the platform reads, by config path. */
export const PLATFORM_ENV: Record<string, string> = {
  dataDir: 'SER_DATA_DIR',
  logLevel: 'SER_LOG_LEVEL',
  logFormat: 'SER_LOG_FORMAT',
  'bus.kind': 'SER_BUS',
  'bus.brokers': 'SER_KAFKA_BROKERS',
  'bus.clientId': 'SER_KAFKA_CLIENT_ID',
  'bus.tls.enabled': 'SER_KAFKA_TLS',
  'bus.tls.caFile': 'SER_KAFKA_TLS_CA_FILE',
  'bus.tls.rejectUnauthorized': 'SER_KAFKA_TLS_REJECT_UNAUTHORIZED',
  'bus.sasl.mechanism': 'SER_KAFKA_SASL_MECHANISM',
  'bus.sasl.username': 'SER_KAFKA_SASL_USERNAME',
  'bus.sasl.password': 'SER_KAFKA_SASL_PASSWORD',
  'store.kind': 'SER_STORE',
  'store.url': 'SER_DATABASE_URL',
  'artifacts.store': 'SER_ARTIFACT_STORE',
  'artifacts.s3.endpoint': 'SER_S3_ENDPOINT',
  'artifacts.s3.region': 'SER_S3_REGION',
  'artifacts.s3.forcePathStyle': 'SER_S3_FORCE_PATH_STYLE',
  grpcHost: 'SER_GRPC_HOST',
  'ports.features': 'SER_FEATURES_PORT',
  'ports.fopPretrainer': 'SER_FOP_PRETRAINER_PORT',
  'ports.vqvaePretrainer': 'SER_VQVAE_PRETRAINER_PORT',
  'ports.classifierTrainer': 'SER_CLASSIFIER_TRAINER_PORT',
  'ports.inference': 'SER_INFERENCE_PORT',
  'ports.modelRegistry': 'SER_MODEL_REGISTRY_PORT',
  'ports.gateway': 'SER_GATEWAY_PORT',
  'addresses.features': 'SER_FEATURES_ADDRESS',
  'addresses.fopPretrainer': 'SER_FOP_PRETRAINER_ADDRESS',
  'addresses.vqvaePretrainer': 'SER_VQVAE_PRETRAINER_ADDRESS',
  'addresses.classifierTrainer': 'SER_CLASSIFIER_TRAINER_ADDRESS',
  'addresses.inference': 'SER_INFERENCE_ADDRESS',
  'addresses.modelRegistry': 'SER_MODEL_REGISTRY_ADDRESS',
  grpcDeadlineMs: 'SER_GRPC_DEADLINE_MS',
  'features.corpusRoots': 'SER_CORPUS_ROOTS',
  seedDemoCorpus: 'SER_SEED_DEMO',
  instanceId: 'SER_INSTANCE_ID',
  'features.workers': 'SER_FEATURE_WORKERS',
  'features.workLeaseMs': 'SER_FEATURES_WORK_LEASE_MS',
  'bus.topicPrefix': 'SER_KAFKA_TOPIC_PREFIX',
  'bus.groupIdPrefix': 'SER_KAFKA_GROUP_ID_PREFIX',
  'store.schema': 'SER_DATABASE_SCHEMA',
  metricsPort: 'SER_METRICS_PORT',
  'serviceAuth.secret': 'SER_SERVICE_TOKEN_SECRET',
  'serviceAuth.allowedCallers': 'SER_SERVICE_AUTH_CALLERS',
  'serviceAuth.mode': 'SER_SERVICE_AUTH',
  'gateway.anonymousRead': 'SER_GATEWAY_ANONYMOUS_READ',
  'gateway.corsOrigins': 'SER_GATEWAY_CORS_ORIGINS',
  'gateway.introspection': 'SER_GATEWAY_INTROSPECTION',
  'gateway.maxBodyBytes': 'SER_GATEWAY_MAX_BODY_BYTES',
  'gateway.trustedDocuments': 'SER_GATEWAY_TRUSTED_DOCUMENTS',
  'inference.maxAudioSeconds': 'SER_INFERENCE_MAX_AUDIO_SECONDS',
  'inference.maxAudioBytes': 'SER_INFERENCE_MAX_AUDIO_BYTES',
  'inference.maxBatchSize': 'SER_INFERENCE_MAX_BATCH_SIZE',
  'inference.maxBatchWaitMs': 'SER_INFERENCE_MAX_BATCH_WAIT_MS',
  'inference.forwardWorkers': 'SER_INFERENCE_FORWARD_WORKERS',
  'inference.frontEndWorkers': 'SER_INFERENCE_FRONTEND_WORKERS',
  'inference.defaultModelName': 'SER_INFERENCE_DEFAULT_MODEL',
  'inference.defaultAlias': 'SER_INFERENCE_DEFAULT_ALIAS',
  'inference.streamWindowSeconds': 'SER_INFERENCE_STREAM_WINDOW_SECONDS',
  'inference.vadThresholdDb': 'SER_INFERENCE_VAD_THRESHOLD_DB',
  'inference.vadMinVoicedFraction': 'SER_INFERENCE_VAD_MIN_VOICED_FRACTION',
  'inference.warmupSeconds': 'SER_INFERENCE_WARMUP_SECONDS',
};

/** Platform config from SER_CONFIG (YAML), SER_* variables and `--key=value` overrides. */
export function loadPlatformConfig(sources: Omit<ConfigSources, 'envMap'> = {}): PlatformConfig {
  const env = sources.env ?? process.env;
  const cfg = loadConfig(platformConfigSchema, { file: sources.file ?? env.SER_CONFIG, env, envMap: PLATFORM_ENV, overrides: sources.overrides });
  const addresses = Object.fromEntries(SERVICE_NAMES.map((n) => [n, cfg.addresses[n] ?? `127.0.0.1:${cfg.ports[n]}`])) as Record<ServiceName, string>;
  // Tests run many processes at once: a fixed default port would collide, so vitest gets an ephemeral one.
  const metricsPort = cfg.metricsPort ?? (env.VITEST ? 0 : 9464);
  if (cfg.gateway.maxBodyBytes !== undefined && cfg.gateway.maxBodyBytes <= cfg.inference.maxAudioBytes) {
    // The gateway would answer 413 to uploads the inference service accepts.
    throw new ConfigError(
      `invalid configuration:\n  - gateway.maxBodyBytes: ${cfg.gateway.maxBodyBytes} must be larger than inference.maxAudioBytes (${cfg.inference.maxAudioBytes})`,
    );
  }
  return { ...cfg, addresses, instanceId: cfg.instanceId ?? hostname(), metricsPort };
}
