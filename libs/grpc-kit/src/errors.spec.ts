import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { FeatureServiceClient } from '@ser/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callUnary, closeClient } from './client';
import { DomainError, failedPrecondition, GrpcError, internal, invalidArgument, notFound, readErrorDetails, toGrpcError } from './errors';
import { unary } from './handlers';
import type { RunningServer } from './server';
import { featureClient, serve, silentLogger } from './test-support';

describe('errors over a real socket', () => {
  let running: RunningServer | undefined;
  let client: FeatureServiceClient | undefined;
  afterEach(async () => {
    if (client) closeClient(client);
    await running?.shutdown(0);
    running = client = undefined;
  });

  /** The client-side error of a GetDataset whose handler throws `thrown`. */
  async function clientErrorFor(thrown: unknown): Promise<ServiceError> {
    running = await serve({
      GetDataset: unary(async () => {
        throw thrown;
      }, silentLogger),
    });
    client = featureClient(running.address);
    return (await callUnary(client, 'getDataset', { datasetId: 'd1' }).then(
      () => expect.fail('call should fail'),
      (err: unknown) => err,
    )) as ServiceError;
  }

  it('carries invalidArgument field violations that readErrorDetails decodes', async () => {
    const err = await clientErrorFor(
      invalidArgument('bad request', [
        { field: 'dataset_version_ids', description: 'at least one is required' },
        { field: 'config_json', description: 'not JSON' },
      ]),
    );
    expect(err.code).toBe(status.INVALID_ARGUMENT);
    expect(err.details).toBe('bad request');
    expect(readErrorDetails(err)).toEqual({
      code: status.INVALID_ARGUMENT,
      message: 'bad request',
      fieldViolations: [
        { field: 'dataset_version_ids', description: 'at least one is required' },
        { field: 'config_json', description: 'not JSON' },
      ],
      otherDetailTypes: [],
    });
  });

  it('carries notFound ErrorInfo naming the resource', async () => {
    const details = readErrorDetails(await clientErrorFor(notFound('dataset version', 'v9')));
    expect(details.code).toBe(status.NOT_FOUND);
    expect(details.message).toBe("dataset version 'v9' not found");
    expect(details.errorInfo).toEqual({
      reason: 'DATASET_VERSION_NOT_FOUND',
      domain: 'ser.v1',
      metadata: { resource: 'dataset version', id: 'v9' },
    });
  });

  it('turns a zod error into INVALID_ARGUMENT with one violation per issue', async () => {
    const schema = z.object({ datasetId: z.string().min(3), pageSize: z.number().int().positive() });
    const zodError = schema.safeParse({ datasetId: 'd', pageSize: -1 }).error;
    const details = readErrorDetails(await clientErrorFor(zodError));
    expect(details.code).toBe(status.INVALID_ARGUMENT);
    expect(details.fieldViolations.map((v) => v.field)).toEqual(['datasetId', 'pageSize']);
    expect(details.message).toMatch(/^invalid request: datasetId: /);
  });

  it('keeps a DomainError code and message', async () => {
    const err = await clientErrorFor(new DomainError('FAILED_PRECONDITION', 'run is not finished', { reason: 'RUN_NOT_FINISHED' }));
    expect(err.code).toBe(status.FAILED_PRECONDITION);
    expect(readErrorDetails(err)).toMatchObject({ message: 'run is not finished', errorInfo: { reason: 'RUN_NOT_FINISHED' } });
  });

  it('answers an unexpected error with INTERNAL and nothing of its message or stack', async () => {
    const err = await clientErrorFor(new Error('password=hunter2 at /srv/secret.ts:12'));
    expect(err.code).toBe(status.INTERNAL);
    expect(err.details).toBe('internal error');
    expect(JSON.stringify(readErrorDetails(err))).not.toContain('hunter2');
  });
});

describe('toGrpcError', () => {
  it("maps @ser/store's StoreError to its status (matched by name and code), and other errors to INTERNAL", () => {
    // The shape of @ser/store's StoreError; grpc-kit sits below the store and does not import it.
    class StoreError extends Error {
      constructor(
        readonly code: string,
        message: string,
      ) {
        super(message);
        this.name = 'StoreError';
      }
    }
    expect(toGrpcError(new StoreError('INVALID_ARGUMENT', 'a text value cannot hold a NUL'))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: 'a text value cannot hold a NUL',
    });
    expect(toGrpcError(new StoreError('NOT_FOUND', 'run r1 not found'))).toMatchObject({ code: status.NOT_FOUND, details: 'run r1 not found' });
    expect(toGrpcError(new StoreError('SOMETHING_ELSE', 'secret'))).toMatchObject({ code: status.INTERNAL, details: 'internal error' });
  });

  it('passes through GrpcErrors and downstream ServiceErrors unchanged', () => {
    const own = failedPrecondition('not ready');
    expect(toGrpcError(own)).toBe(own);
    const downstream = Object.assign(new Error('5 NOT_FOUND: x'), { code: status.NOT_FOUND, details: 'x', metadata: new Metadata() });
    expect(toGrpcError(downstream)).toBe(downstream);
  });

  it('maps DomainError codes given by name or number', () => {
    expect(toGrpcError(new DomainError('ALREADY_EXISTS', 'dup')).code).toBe(status.ALREADY_EXISTS);
    expect(toGrpcError(new DomainError(status.PERMISSION_DENIED, 'no')).code).toBe(status.PERMISSION_DENIED);
  });

  it('maps non-errors to INTERNAL too', () => {
    for (const thrown of ['text', undefined, 42, { code: 'ENOENT' }]) {
      expect(toGrpcError(thrown)).toMatchObject({ code: status.INTERNAL, details: 'internal error' });
    }
  });
});

describe('readErrorDetails', () => {
  it('falls back to code and details when there is no rich status trailer', () => {
    const plain = Object.assign(new Error('14 UNAVAILABLE: down'), { code: status.UNAVAILABLE, details: 'down', metadata: new Metadata() });
    expect(readErrorDetails(plain)).toEqual({ code: status.UNAVAILABLE, message: 'down', fieldViolations: [], otherDetailTypes: [] });
  });

  it('falls back when the trailer is not a google.rpc.Status', () => {
    const metadata = new Metadata();
    metadata.set('grpc-status-details-bin', Buffer.from([0xff, 0xff, 0xff]));
    const err = Object.assign(new Error('bad'), { code: status.INTERNAL, details: 'bad', metadata });
    expect(readErrorDetails(err)).toMatchObject({ code: status.INTERNAL, message: 'bad', fieldViolations: [] });
  });

  it('decodes an error built in-process the same as one received', () => {
    const err = internal();
    expect(err).toBeInstanceOf(GrpcError);
    expect(readErrorDetails(err)).toMatchObject({ code: status.INTERNAL, message: 'internal error' });
  });
});
