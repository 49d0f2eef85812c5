import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphql, startSpecGateway, type SpecGateway } from '../spec-gateway';
import { parseGlobalId } from './global-ids';
import { connectionOfList } from './paging';
import { creationKeys } from './tokens';

const CREATE = 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret apiToken { id name role createdAt } } }';
const LIST = 'query($after: String) { apiTokens(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name role } } } }';
const code = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code ?? 'OK';

type Created = { createApiToken: { secret: string; apiToken: { id: string; name: string; role: string; createdAt: string } } };
type Listed = {
  apiTokens: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { id: string; name: string; role: string } }> };
};

// Token management through the API: an admin makes, lists and revokes tokens; nobody else may, and no answer
// but createApiToken's ever holds a secret.
describe('api token management', () => {
  let t: SpecGateway;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startSpecGateway();
    for (const role of ['viewer', 'operator', 'admin'] as const) tokens[role] = (await t.store.apiTokens.create({ name: `spec-${role}`, role })).token;
  });
  afterAll(async () => t?.stop());

  it('shows the new secret once, and the secret works for its role', async () => {
    const res = await postGraphql(t.gateway.url, { query: CREATE, variables: { input: { name: 'ci', role: 'OPERATOR' } } }, { token: tokens.admin });
    expect(res.errors).toBeUndefined();
    const { secret, apiToken } = (res.data as Created).createApiToken;
    expect(secret).toMatch(/^ser_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({ name: 'ci', role: 'OPERATOR' });
    expect(parseGlobalId(apiToken.id)?.type).toBe('ApiToken');
    expect(Date.now() - Date.parse(apiToken.createdAt)).toBeLessThan(3_600_000);
    expect(await t.store.apiTokens.findByToken(secret)).toMatchObject({ name: 'ci', role: 'operator' });
    // An operator: it authenticates, and apiTokens is beyond it.
    expect(code(await postGraphql(t.gateway.url, { query: LIST }, { token: secret }))).toBe('FORBIDDEN');
  });

  it('lists tokens oldest first, paged, without a secret anywhere in the answer', async () => {
    const first = await postGraphql(t.gateway.url, { query: LIST }, { token: tokens.admin });
    expect(first.errors).toBeUndefined();
    const page = (first.data as Listed).apiTokens;
    expect(page.totalCount).toBe(await t.store.apiTokens.count());
    expect(page.edges.map((e) => [e.node.name, e.node.role])).toEqual([
      ['spec-viewer', 'VIEWER'],
      ['spec-operator', 'OPERATOR'],
    ]);
    const second = await postGraphql(t.gateway.url, { query: LIST, variables: { after: page.pageInfo.endCursor } }, { token: tokens.admin });
    expect((second.data as Listed).apiTokens.edges[0]!.node.name).toBe('spec-admin');
    for (const secret of Object.values(tokens)) expect(JSON.stringify([first, second])).not.toContain(secret);
    const fields = await postGraphql(t.gateway.url, { query: '{ __type(name: "ApiToken") { fields { name } } }' });
    expect((fields.data as { __type: { fields: Array<{ name: string }> } }).__type.fields.map((f) => f.name)).toEqual(['id', 'name', 'role', 'createdAt']);
  });

  it('refuses every caller but an admin, and an empty name', async () => {
    for (const caller of [undefined, tokens.viewer, tokens.operator]) {
      const expected = caller ? 'FORBIDDEN' : 'UNAUTHENTICATED';
      expect(code(await postGraphql(t.gateway.url, { query: CREATE, variables: { input: { name: 'x', role: 'ADMIN' } } }, { token: caller }))).toBe(expected);
      expect(code(await postGraphql(t.gateway.url, { query: LIST }, { token: caller }))).toBe(expected);
    }
    expect(code(await postGraphql(t.gateway.url, { query: CREATE, variables: { input: { name: ' ', role: 'VIEWER' } } }, { token: tokens.admin }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('revokes by global id; node(id:) shows a token to an admin only', async () => {
    const made = await postGraphql(t.gateway.url, { query: CREATE, variables: { input: { name: 'short-lived', role: 'VIEWER' } } }, { token: tokens.admin });
    const { secret, apiToken } = (made.data as Created).createApiToken;
    const node = 'query($id: ID!) { node(id: $id) { ... on ApiToken { name } } }';
    expect((await postGraphql(t.gateway.url, { query: node, variables: { id: apiToken.id } }, { token: tokens.admin })).data).toEqual({
      node: { name: 'short-lived' },
    });
    expect(code(await postGraphql(t.gateway.url, { query: node, variables: { id: apiToken.id } }, { token: tokens.viewer }))).toBe('FORBIDDEN');
    const revoke = 'mutation($id: ID!) { revokeApiToken(id: $id) }';
    expect((await postGraphql(t.gateway.url, { query: revoke, variables: { id: apiToken.id } }, { token: tokens.admin })).data).toEqual({
      revokeApiToken: true,
    });
    expect(code(await postGraphql(t.gateway.url, { query: '{ __typename }' }, { token: secret }))).toBe('UNAUTHENTICATED');
    expect(code(await postGraphql(t.gateway.url, { query: revoke, variables: { id: apiToken.id } }, { token: tokens.admin }))).toBe('NOT_FOUND');
  });
});

// The store orders tokens by a microsecond timestamp; made in one millisecond, their Dates tie.
describe('the token listing order', () => {
  it("keeps the store's order for tokens of one millisecond, across pages", () => {
    const at = new Date('2026-12-04T10:00:00.123Z');
    const tokens = ['zz', 'mm', 'aa'].map((id, i) => ({ id, name: `t${i}`, role: 'viewer' as const, createdAt: at }));
    const keyOf = creationKeys(tokens);
    const first = connectionOfList('apiTokens', tokens, keyOf, { first: 2 });
    expect(first.edges.map((e) => e.node.name)).toEqual(['t0', 't1']);
    const rest = connectionOfList('apiTokens', tokens, keyOf, { first: 2, after: first.pageInfo.endCursor });
    expect(rest.edges.map((e) => e.node.name)).toEqual(['t2']);
  });
});
