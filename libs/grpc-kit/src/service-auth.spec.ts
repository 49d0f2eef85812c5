import * as grpc from '@grpc/grpc-js';
import { loadSerProto, SER_SERVICE_NAMES, type InferenceServiceClient, type InferenceServiceHandlers } from '@ser/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { callUnary, closeClient } from './client';
import { checkHealth } from './health-client';
import { listServicesByReflection } from './reflection-client';
import { startGrpcServer, type RunningServer } from './server';
import { mutatingPaths } from './service-auth';
import { mintServiceToken, verifyServiceToken } from './service-token';
import { inferenceClient, silentLogger } from './test-support';

const SECRET = 'a'.repeat(40);
const INFERENCE = SER_SERVICE_NAMES.inference;

describe('service tokens', () => {
  const now = 1_800_000_000;
  const token = mintServiceToken(SECRET, { caller: 'gateway', audience: INFERENCE }, { nowSeconds: now, ttlSeconds: 60 });

  it('carry the caller, the audience and the expiry, checked with the same secret', () => {
    expect(verifyServiceToken(SECRET, token, INFERENCE, now + 10)).toEqual({ iss: 'gateway', aud: INFERENCE, iat: now, exp: now + 60 });
  });

  it('are refused when signed with another secret, expired, early, meant for another service or altered', () => {
    expect(() => verifyServiceToken('b'.repeat(40), token, INFERENCE, now)).toThrow(/signature/);
    expect(() => verifyServiceToken(SECRET, token, INFERENCE, now + 60 + 31)).toThrow(/expired/);
    expect(() => verifyServiceToken(SECRET, token, INFERENCE, now - 31)).toThrow(/future/);
    expect(() => verifyServiceToken(SECRET, token, SER_SERVICE_NAMES.features, now)).toThrow(/not ser.v1.FeatureService/);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ iss: 'operator', aud: INFERENCE, iat: now, exp: now + 60 })).toString('base64url');
    expect(() => verifyServiceToken(SECRET, `${header}.${forged}.${signature}`, INFERENCE, now)).toThrow(/signature/);
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(() => verifyServiceToken(SECRET, `${none}.${payload}.`, INFERENCE, now)).toThrow(/HS256/);
    expect(() => verifyServiceToken(SECRET, 'not-a-token', INFERENCE, now)).toThrow(/malformed/);
  });

  it('need a secret of at least 32 characters', () => {
    expect(() =>
      startGrpcServer({ port: 0, services: [], packageDefinition: loadSerProto().reflectionPackageDefinition, auth: { secret: 'short', allowedCallers: {} } }),
    ).rejects.toThrow(/at least 32/);
  });
});

describe('service auth on a real socket', () => {
  let running: RunningServer | undefined;
  const clients: grpc.Client[] = [];
  let predictions = 0;
  afterEach(async () => {
    clients.splice(0).forEach(closeClient);
    await running?.shutdown(0);
    running = undefined;
    predictions = 0;
  });

  async function serveInference() {
    const handlers: Partial<InferenceServiceHandlers> = {
      Predict: (_call, cb) => (predictions++, cb(null, {})),
      GetModelStatus: (_call, cb) => cb(null, { models: [] }),
    };
    running = await startGrpcServer({
      port: 0,
      packageDefinition: loadSerProto().reflectionPackageDefinition,
      logger: silentLogger,
      services: [
        { name: INFERENCE, definition: loadSerProto().grpc.ser.v1.InferenceService.service, implementation: handlers as grpc.UntypedServiceImplementation },
      ],
      auth: { secret: SECRET, allowedCallers: { [INFERENCE]: ['gateway'] } },
    });
    return running.address;
  }

  function client(address: string, serviceToken?: { caller: string; secret: string }): InferenceServiceClient {
    const c = inferenceClient(address, { deadlineMs: 5000, serviceToken });
    clients.push(c);
    return c;
  }

  const withToken = (token: string) => {
    const metadata = new grpc.Metadata();
    metadata.set('authorization', `Bearer ${token}`);
    return { metadata };
  };

  it('refuses a mutating RPC without credentials, with a wrong signature, expired or for another service: UNAUTHENTICATED', async () => {
    const address = await serveInference();
    const plain = client(address);
    await expect(callUnary(plain, 'Predict', {})).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
      details: expect.stringMatching(/needs a service token/),
    });
    await expect(callUnary(client(address, { caller: 'gateway', secret: 'x'.repeat(40) }), 'Predict', {})).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
      details: expect.stringMatching(/signature/),
    });
    const expired = mintServiceToken(SECRET, { caller: 'gateway', audience: INFERENCE }, { nowSeconds: Math.floor(Date.now() / 1000) - 3600 });
    await expect(callUnary(plain, 'Predict', {}, withToken(expired))).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
      details: expect.stringMatching(/expired/),
    });
    const elsewhere = mintServiceToken(SECRET, { caller: 'gateway', audience: SER_SERVICE_NAMES.classifierTraining });
    await expect(callUnary(plain, 'Predict', {}, withToken(elsewhere))).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
      details: expect.stringMatching(/not ser.v1.InferenceService/),
    });
    await expect(callUnary(plain, 'Predict', {}, withToken('garbage'))).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED });
    expect(predictions).toBe(0);
  });

  it('refuses a caller the policy does not list with PERMISSION_DENIED, and lets the listed one through', async () => {
    const address = await serveInference();
    await expect(callUnary(client(address, { caller: 'classifier-trainer', secret: SECRET }), 'Predict', {})).rejects.toMatchObject({
      code: grpc.status.PERMISSION_DENIED,
      details: expect.stringMatching(/'classifier-trainer' may not change ser.v1.InferenceService \(allowed: gateway\)/),
    });
    expect(predictions).toBe(0);
    await callUnary(client(address, { caller: 'gateway', secret: SECRET }), 'Predict', {});
    expect(predictions).toBe(1);
  });

  it('leaves read-only RPCs, health and reflection open', async () => {
    const address = await serveInference();
    await expect(callUnary(client(address), 'GetModelStatus', {})).resolves.toMatchObject({ models: [] });
    expect(await checkHealth(address, INFERENCE)).toBe('SERVING');
    expect(await listServicesByReflection(address)).toContain(INFERENCE);
  });

  it('protects every RPC of the protos but those declared NO_SIDE_EFFECTS, which are exactly the Get, BatchGet, List, Watch, Read, Extract and Download ones', () => {
    const services = Object.values(loadSerProto().grpc.ser.v1)
      .filter((s): s is typeof s & { service: grpc.ServiceDefinition } => typeof s === 'function' && 'service' in s)
      .map((s) => ({ name: '', definition: s.service }));
    const protectedNames = new Set([...mutatingPaths(services).keys()].map((p) => p.split('/')[2]));
    const all = services.flatMap((s) => Object.values(s.definition).map((m) => m.path.split('/')[2]!));
    // A new RPC that only reads is declared so in its .proto (option idempotency_level = NO_SIDE_EFFECTS), or this fails.
    for (const name of all) expect(protectedNames.has(name), name).toBe(!/^(Get|BatchGet|List|Watch|Read|Extract|Download)/.test(name));
    for (const name of ['StartClassifierRun', 'CancelFopPretrainRun', 'IngestDataset', 'Predict', 'PredictStream', 'BatchPredict'])
      expect(protectedNames).toContain(name);
  });
});
