// Every RPC of every ser.v1 service, called over a real socket on a server started the way every platform
// service starts (serveGrpc): with a secret configured, no mutating RPC reaches its handler without a token
// from an allowed caller, and every read-only one still does.
import * as grpc from '@grpc/grpc-js';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '@ser/config';
import { loadSerProto, SER_SERVICE_NAMES } from '@ser/contracts';
import { isReadOnlyMethod, mintServiceToken } from '@ser/grpc-kit';
import { createLogger } from '@ser/logging';
import type { Platform } from './platform';
import type { RunningService } from './running-service';
import { serveGrpc } from './serve-grpc';
import { serviceCaller, serviceSecretFile, withServiceSecret } from './service-auth';

const SECRET = 's'.repeat(48);
const v1 = loadSerProto().grpc.ser.v1;
/** Every service of the protos, whatever gets added. */
const SERVICES = Object.entries(v1)
  .filter(([, s]) => typeof s === 'function' && 'service' in s)
  .map(([name, s]) => ({ name: `ser.v1.${name}`, definition: (s as { service: grpc.ServiceDefinition }).service }));
const METHODS = SERVICES.flatMap((s) => Object.values(s.definition).map((method) => ({ service: s.name, method, readOnly: isReadOnlyMethod(method) })));

/** Handlers that only count the calls that reach them and answer OK with an empty message. */
function countingImplementation(definition: grpc.ServiceDefinition, reached: string[]): grpc.UntypedServiceImplementation {
  return Object.fromEntries(
    Object.entries(definition).map(([name, method]) => [
      name,
      (call: { end?: () => void }, callback?: grpc.sendUnaryData<object>) => {
        reached.push(method.path);
        if (method.responseStream) call.end!();
        else callback!(null, {});
      },
    ]),
  );
}

/** Calls `method` with an empty request and the given metadata; resolves with the status code it ends with. */
function callRaw(client: grpc.Client, method: grpc.MethodDefinition<object, object>, metadata: grpc.Metadata): Promise<grpc.status> {
  const { path, requestSerialize, responseDeserialize } = method;
  return new Promise((resolve) => {
    const options = { deadline: Date.now() + 10_000 };
    if (!method.responseStream && !method.requestStream) {
      client.makeUnaryRequest(path, requestSerialize, responseDeserialize, {}, metadata, options, (err) => resolve(err ? err.code : grpc.status.OK));
      return;
    }
    const call = method.requestStream
      ? client.makeBidiStreamRequest(path, requestSerialize, responseDeserialize, metadata, options)
      : client.makeServerStreamRequest(path, requestSerialize, responseDeserialize, {}, metadata, options);
    call.on('data', () => undefined);
    call.on('error', () => undefined);
    call.on('status', (s: grpc.StatusObject) => resolve(s.code));
    if (method.requestStream) (call as grpc.ClientDuplexStream<object, object>).end();
  });
}

function bearer(caller: string, audience: string, secret = SECRET): grpc.Metadata {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${mintServiceToken(secret, { caller, audience })}`);
  return metadata;
}

describe('service auth on every RPC of the protos, through serveGrpc', () => {
  let running: RunningService | undefined;
  let client: grpc.Client | undefined;
  afterEach(async () => {
    client?.close();
    await running?.stop();
    running = client = undefined;
  });

  async function start(env: Record<string, string>) {
    const config = loadPlatformConfig({ env, overrides: ['--metricsPort=0'] });
    const platform = { config, logger: createLogger('test', { level: 'silent' }) } as Platform;
    const reached: string[] = [];
    const services = SERVICES.map((s) => ({ ...s, implementation: countingImplementation(s.definition, reached) }));
    running = await serveGrpc(platform, { name: 'all-services', port: 0, services });
    client = new grpc.Client(running.address, grpc.credentials.createInsecure());
    return reached;
  }

  it('accepts 0 mutating RPCs without credentials, from a wrong secret or from a caller not allowed, and every one from the gateway', async () => {
    const reached = await start({ SER_SERVICE_TOKEN_SECRET: SECRET });
    const mutating = METHODS.filter((m) => !m.readOnly);
    const outcomes = { unsigned: [] as grpc.status[], wrongSecret: [] as grpc.status[], notAllowed: [] as grpc.status[], gateway: [] as grpc.status[] };
    for (const { service, method } of mutating) {
      outcomes.unsigned.push(await callRaw(client!, method, new grpc.Metadata()));
      outcomes.wrongSecret.push(await callRaw(client!, method, bearer('gateway', service, 'w'.repeat(48))));
      outcomes.notAllowed.push(await callRaw(client!, method, bearer('inference', service)));
    }
    const acceptedWithoutCredentials = reached.length;
    for (const { service, method } of mutating) outcomes.gateway.push(await callRaw(client!, method, bearer('gateway', service)));
    console.log(`service auth: ${mutating.length} mutating RPCs in the protos, ${acceptedWithoutCredentials} accepted without valid credentials`);

    expect(mutating.length).toBeGreaterThanOrEqual(10);
    expect(acceptedWithoutCredentials).toBe(0);
    expect(outcomes.unsigned).toEqual(mutating.map(() => grpc.status.UNAUTHENTICATED));
    expect(outcomes.wrongSecret).toEqual(mutating.map(() => grpc.status.UNAUTHENTICATED));
    expect(outcomes.notAllowed).toEqual(mutating.map(() => grpc.status.PERMISSION_DENIED));
    expect(outcomes.gateway).toEqual(mutating.map(() => grpc.status.OK));
    expect(reached.sort()).toEqual(mutating.map((m) => m.method.path).sort());
  }, 60_000);

  it('keeps every read-only RPC open without credentials', async () => {
    const reached = await start({ SER_SERVICE_TOKEN_SECRET: SECRET });
    const readOnly = METHODS.filter((m) => m.readOnly);
    for (const { method } of readOnly) expect(await callRaw(client!, method, new grpc.Metadata()), method.path).toBe(grpc.status.OK);
    expect(reached).toHaveLength(readOnly.length);
  });

  it('SER_SERVICE_AUTH_CALLERS replaces the default allowlist', async () => {
    const reached = await start({ SER_SERVICE_TOKEN_SECRET: SECRET, SER_SERVICE_AUTH_CALLERS: 'operator' });
    const startRun = v1.ClassifierTrainingService.service.StartClassifierRun as grpc.MethodDefinition<object, object>;
    expect(await callRaw(client!, startRun, bearer('gateway', SER_SERVICE_NAMES.classifierTraining))).toBe(grpc.status.PERMISSION_DENIED);
    expect(await callRaw(client!, startRun, bearer('operator', SER_SERVICE_NAMES.classifierTraining))).toBe(grpc.status.OK);
    expect(reached).toHaveLength(1);
  });
});

describe('npm start secret', () => {
  it('is random per start, owner-only on disk, and what local clients sign with; a configured one never reaches the disk', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ser-secret-'));
    try {
      const config = loadPlatformConfig({ env: { SER_DATA_DIR: dataDir } });
      const first = withServiceSecret(config).serviceAuth.secret!;
      const second = withServiceSecret(config).serviceAuth.secret!;
      expect(first).not.toBe(second);
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(statSync(serviceSecretFile(dataDir)).mode & 0o777).toBe(0o600);
      expect(serviceCaller(config, 'operator')).toEqual({ caller: 'operator', secret: second });
      const configured = loadPlatformConfig({ env: { SER_DATA_DIR: dataDir, SER_SERVICE_TOKEN_SECRET: SECRET } });
      expect(withServiceSecret(configured).serviceAuth.secret).toBe(SECRET);
      expect(existsSync(serviceSecretFile(dataDir))).toBe(false);
      expect(serviceCaller(loadPlatformConfig({ env: { SER_DATA_DIR: dataDir } }), 'operator')).toBeUndefined();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
