import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSerProto, SER_SERVICE_NAMES, type ModelRegistryServiceHandlers, type SetModelAliasRequest__Output } from '@ser/contracts';
import { DomainError, invalidArgument, startGrpcServer, unary, type RunningServer } from '@ser/grpc-kit';
import { postGraphql, startSpecGateway, type SpecGateway } from './spec-gateway';

const PROMOTE = 'mutation($alias: String!) { promoteModel(name: "ser", version: 9, alias: $alias) { id } }';

// Details a service builds into its gRPC status (google.rpc.BadRequest, google.rpc.ErrorInfo) reach GraphQL clients
// in `extensions`, next to the mapped code.
describe('gRPC error details in extensions', () => {
  let registry: RunningServer;
  let t: SpecGateway;
  let admin: string;

  beforeAll(async () => {
    // A real ModelRegistryService whose SetModelAlias fails the way the registry's own checks do.
    const handlers: Partial<ModelRegistryServiceHandlers> = {
      SetModelAlias: unary(async (req: SetModelAliasRequest__Output) => {
        if (req.alias.includes(' ')) throw invalidArgument('invalid request: alias: no spaces', [{ field: 'alias', description: 'no spaces' }]);
        throw new DomainError('NOT_FOUND', `model ${req.name} version ${req.version} not found`, {
          reason: 'MODEL_VERSION_NOT_FOUND',
          metadata: { name: req.name, version: req.version },
        });
      }),
    };
    const proto = loadSerProto();
    registry = await startGrpcServer({
      port: 0,
      packageDefinition: proto.reflectionPackageDefinition,
      services: [{ name: SER_SERVICE_NAMES.modelRegistry, definition: proto.grpc.ser.v1.ModelRegistryService.service, implementation: handlers as never }],
    });
    t = await startSpecGateway({ addresses: { modelRegistry: registry.address } });
    admin = (await t.store.apiTokens.create({ name: 'spec-admin', role: 'admin' })).token;
  });
  afterAll(async () => {
    await t?.stop();
    await registry?.shutdown(0);
  });

  it('carries field violations as extensions.fieldViolations', async () => {
    const res = await postGraphql(t.gateway.url, { query: PROMOTE, variables: { alias: 'in production' } }, { token: admin });
    expect(res.errors?.[0]?.message).toBe('invalid request: alias: no spaces');
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', fieldViolations: [{ field: 'alias', description: 'no spaces' }] });
  });

  it('carries the ErrorInfo reason, domain and metadata', async () => {
    const res = await postGraphql(t.gateway.url, { query: PROMOTE, variables: { alias: 'production' } }, { token: admin });
    expect(res.errors?.[0]?.extensions).toEqual({
      code: 'NOT_FOUND',
      reason: 'MODEL_VERSION_NOT_FOUND',
      domain: 'ser.v1',
      metadata: { name: 'ser', version: '9' },
    });
  });

  it('adds nothing to errors without details (an unreachable service)', async () => {
    const unreachable = await startSpecGateway({ store: t.store });
    try {
      const res = await postGraphql(unreachable.gateway.url, { query: PROMOTE, variables: { alias: 'production' } }, { token: admin });
      expect(res.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    } finally {
      await unreachable.stop();
    }
  });
});
