// Property-based tests of a grpc-kit server under hostile bytes (fast-check): random and oversized request payloads
// sent raw to every RPC of the features and inference contracts. Every call ends with a status (OK, INTERNAL for
// bytes that do not parse, RESOURCE_EXHAUSTED over the size limit), the server never crashes and keeps answering.
import * as grpc from '@grpc/grpc-js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSerProto, SER_SERVICE_NAMES } from '@ser/contracts';
import { closeClient } from './client';
import { checkHealth } from './health-client';
import { startGrpcServer, type RunningServer } from './server';
import { silentLogger } from './test-support';

const SEED = 20261205;
const MAX_BYTES = 64 * 1024; // small, so oversized messages cost little to send
const v1 = loadSerProto().grpc.ser.v1;
const SERVICES = [
  { name: SER_SERVICE_NAMES.features, definition: v1.FeatureService.service },
  { name: SER_SERVICE_NAMES.inference, definition: v1.InferenceService.service },
];
const METHODS = SERVICES.flatMap((s) => Object.values(s.definition));
const counts = { calls: 0, byCode: new Map<string, number>() };
afterAll(() => console.log(`grpc fuzz: ${counts.calls} raw requests; ${[...counts.byCode].map(([c, n]) => `${c} ${n}`).join(', ')}`));

/** Handlers that read the (decoded) request and answer OK with an empty message. */
function echoImplementation(definition: grpc.ServiceDefinition): grpc.UntypedServiceImplementation {
  return Object.fromEntries(
    Object.entries(definition).map(([name, method]) => [
      name,
      ((call: grpc.ServerDuplexStream<object, object> & grpc.ServerWritableStream<object, object>, callback?: grpc.sendUnaryData<object>) => {
        if (!method.responseStream) return callback!(null, {});
        if (method.requestStream) {
          call.on('data', () => undefined);
          call.on('end', () => call.end());
        } else call.end();
      }) as grpc.UntypedHandleCall,
    ]),
  );
}

describe('gRPC server under fuzzed raw requests (fast-check)', () => {
  let server: RunningServer;
  let client: grpc.Client;
  beforeAll(async () => {
    server = await startGrpcServer({
      port: 0,
      packageDefinition: loadSerProto().reflectionPackageDefinition,
      logger: silentLogger,
      maxMessageBytes: MAX_BYTES,
      services: SERVICES.map((s) => ({ ...s, implementation: echoImplementation(s.definition) })),
    });
    client = new grpc.Client(server.address, grpc.credentials.createInsecure(), { 'grpc.max_send_message_length': -1 });
  });
  afterAll(async () => {
    closeClient(client);
    await server.shutdown(0);
  });

  /** Sends `payload` as the request bytes of `method` (no serialization) and resolves with the final status. */
  function callRaw(method: grpc.MethodDefinition<object, object>, payload: Buffer): Promise<grpc.status> {
    const raw = (b: Buffer) => b;
    const options = { deadline: Date.now() + 10_000 };
    return new Promise((resolve) => {
      if (!method.requestStream && !method.responseStream) {
        client.makeUnaryRequest(method.path, raw, raw, payload, new grpc.Metadata(), options, (err) => resolve(err ? err.code : grpc.status.OK));
        return;
      }
      const call = method.requestStream
        ? client.makeBidiStreamRequest(method.path, raw, raw, new grpc.Metadata(), options)
        : client.makeServerStreamRequest(method.path, raw, raw, payload, new grpc.Metadata(), options);
      call.on('data', () => undefined);
      call.on('error', () => undefined);
      call.on('status', (s: grpc.StatusObject) => resolve(s.code));
      if (method.requestStream) {
        const duplex = call as grpc.ClientDuplexStream<Buffer, Buffer>;
        duplex.write(payload);
        duplex.end();
      }
    });
  }

  it('ends every random or oversized request with a status and keeps serving', async () => {
    const payload = fc.oneof(
      { weight: 8, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)) },
      { weight: 1, arbitrary: fc.integer({ min: MAX_BYTES + 1, max: 4 * MAX_BYTES }).map((n) => Buffer.alloc(n, 0x0a)) },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), payload, async (method, bytes) => {
        const code = await callRaw(method as grpc.MethodDefinition<object, object>, bytes);
        counts.calls++;
        counts.byCode.set(grpc.status[code], (counts.byCode.get(grpc.status[code]) ?? 0) + 1);
        if (bytes.length > MAX_BYTES) expect(code, method.path).toBe(grpc.status.RESOURCE_EXHAUSTED);
        else expect([grpc.status.OK, grpc.status.INTERNAL], method.path).toContain(code);
      }),
      { seed: SEED, numRuns: 600, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: false },
    );
    expect(await checkHealth(server.address)).toBe('SERVING');
    expect(counts.byCode.get('RESOURCE_EXHAUSTED')).toBeGreaterThan(0);
  }, 120_000);
});
