import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@ser/logging';
import { gql } from './client';
import { startTestGateway, type TestGateway } from './harness';

// Who may do what: none / viewer / operator / admin x query / operator mutation / admin mutation.
// The mutations name ids that do not exist: passing the access check shows as NOT_FOUND from the resolver.
const QUERY = '{ datasets { totalCount } }';
const OPERATOR_MUTATION = 'mutation { cancelRun(id: "no-such-run") { id } }';
const ADMIN_MUTATION = 'mutation { revokeApiToken(id: "no-such-token") }';

type Caller = 'none' | 'viewer' | 'operator' | 'admin';
const CALLERS: Caller[] = ['none', 'viewer', 'operator', 'admin'];

const code = (res: { errors?: Array<{ extensions?: { code?: string } }> }) => res.errors?.[0]?.extensions?.code ?? 'OK';

describe('gateway access control', () => {
  let open: TestGateway;
  let closed: TestGateway;
  const logLines: string[] = [];

  beforeAll(async () => {
    const destination = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
    open = await startTestGateway({ anonymousRead: true, logger: createLogger('gw', { level: 'info', destination }) });
    closed = await startTestGateway({ anonymousRead: false });
  });
  afterAll(async () => {
    await open?.stop();
    await closed?.stop();
  });

  const tokenOf = (gw: TestGateway, caller: Caller) => (caller === 'none' ? undefined : gw.tokens[caller]);

  it.each([
    // caller, anonymousRead=true query, anonymousRead=false query, operator mutation, admin mutation
    ['none', 'OK', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
    ['viewer', 'OK', 'OK', 'FORBIDDEN', 'FORBIDDEN'],
    ['operator', 'OK', 'OK', 'NOT_FOUND', 'FORBIDDEN'],
    ['admin', 'OK', 'OK', 'NOT_FOUND', 'NOT_FOUND'],
  ] as const)(
    '%s: open query %s, closed query %s, operator mutation %s, admin mutation %s',
    async (caller, openQuery, closedQuery, opMutation, adminMutation) => {
      expect(CALLERS).toContain(caller);
      expect(code(await gql(open.gateway.url, QUERY, {}, tokenOf(open, caller)))).toBe(openQuery);
      expect(code(await gql(closed.gateway.url, QUERY, {}, tokenOf(closed, caller)))).toBe(closedQuery);
      expect(code(await gql(open.gateway.url, OPERATOR_MUTATION, {}, tokenOf(open, caller)))).toBe(opMutation);
      expect(code(await gql(closed.gateway.url, ADMIN_MUTATION, {}, tokenOf(closed, caller)))).toBe(adminMutation);
    },
  );

  it('answers a query with data when access is granted', async () => {
    const res = await gql<{ datasets: { totalCount: number } }>(closed.gateway.url, QUERY, {}, closed.tokens.viewer);
    expect(res.data?.datasets.totalCount).toBe(0);
  });

  it('refuses an unknown or malformed token even for reads that need none', async () => {
    const unknown = await gql(open.gateway.url, QUERY, {}, 'ser_not-a-real-token');
    expect(code(unknown)).toBe('UNAUTHENTICATED');
    expect(unknown.status).toBe(401);
    const res = await fetch(open.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('stops honouring a revoked token', async () => {
    const { token, apiToken } = await open.store.apiTokens.create({ name: 'short-lived', role: 'viewer' });
    expect(code(await gql(open.gateway.url, QUERY, {}, token))).toBe('OK');
    const revoked = await gql<{ revokeApiToken: boolean }>(open.gateway.url, `mutation { revokeApiToken(id: "${apiToken.id}") }`, {}, open.tokens.admin);
    expect(revoked.data?.revokeApiToken).toBe(true);
    expect(code(await gql(open.gateway.url, QUERY, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('logs refusals with the token name and role, never the token', async () => {
    logLines.length = 0;
    await gql(open.gateway.url, ADMIN_MUTATION, {}, open.tokens.viewer);
    await gql(open.gateway.url, QUERY, {}, 'ser_leaked-secret-value');
    const log = logLines.join('');
    expect(log).toMatch(/refused a forbidden request/);
    expect(log).toMatch(/"tokenName":"test-viewer"/);
    expect(log).toMatch(/unknown bearer token/);
    expect(log).not.toContain(open.tokens.viewer);
    expect(log).not.toContain('leaked-secret-value');
  });
});
