import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API_TOKEN_ENV, GATEWAY_URL_ENV, gatewayAccess, queueRunThroughGateway } from './gateway-run-queue';

describe('the gateway and token ser train --remote queues with', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ser-gateway-access-'));
  const saved = { url: process.env[GATEWAY_URL_ENV], token: process.env[API_TOKEN_ENV] };
  afterEach(() => {
    for (const [name, value] of [
      [GATEWAY_URL_ENV, saved.url],
      [API_TOKEN_ENV, saved.token],
    ] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    rmSync(join(dataDir, 'admin.token'), { force: true });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('takes --gateway over SER_GATEWAY_URL over the local gateway port, and SER_API_TOKEN over the data folder admin token', () => {
    delete process.env[GATEWAY_URL_ENV];
    writeFileSync(join(dataDir, 'admin.token'), 'ser_from-file\n');
    delete process.env[API_TOKEN_ENV];
    expect(gatewayAccess({ dataDir, gatewayPort: 4000 })).toEqual({ url: 'http://127.0.0.1:4000/graphql', token: 'ser_from-file' });
    process.env[GATEWAY_URL_ENV] = 'https://ser.example/graphql';
    process.env[API_TOKEN_ENV] = 'ser_from-env';
    expect(gatewayAccess({ dataDir, gatewayPort: 4000 })).toEqual({ url: 'https://ser.example/graphql', token: 'ser_from-env' });
    expect(gatewayAccess({ url: 'http://gw:4000/graphql', dataDir, gatewayPort: 4000 }).url).toBe('http://gw:4000/graphql');
  });

  it('refuses a URL that is not http(s) (usage, exit 2) and a missing token (exit 1, saying how to make one)', () => {
    process.env[API_TOKEN_ENV] = 'ser_x';
    expect(() => gatewayAccess({ url: 'gw:4000', dataDir, gatewayPort: 4000 })).toThrow(expect.objectContaining({ exitCode: 2 }));
    delete process.env[API_TOKEN_ENV];
    expect(() => gatewayAccess({ dataDir, gatewayPort: 4000 })).toThrow(
      expect.objectContaining({ exitCode: 1, message: expect.stringContaining('ser token create') }),
    );
  });
});

describe('queueing a run through the gateway', () => {
  let server: Server;
  let url = '';
  const received: Array<{ authorization?: string; query: string; input: Record<string, unknown> }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        const { query, variables } = JSON.parse(body) as { query: string; variables: { input: Record<string, unknown> } };
        received.push({ authorization: req.headers.authorization, query, input: variables.input });
        res.setHeader('content-type', 'application/json');
        if (variables.input.displayName === 'refuse') {
          res.end(JSON.stringify({ data: null, errors: [{ message: 'unknown config key epoch', extensions: { code: 'BAD_USER_INPUT' } }] }));
          return;
        }
        const field = query.includes('startClassifierRun') ? 'startClassifierRun' : 'startPretrainRun';
        res.end(JSON.stringify({ data: { [field]: { id: Buffer.from(`Run:run-${received.length}`).toString('base64url') } } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sends each kind to its start mutation with the token, and answers the run store id', async () => {
    const queue = queueRunThroughGateway({ url, token: 'ser_operator' });
    expect(await queue('fop-pretrain', { configJson: '{"epochs":2}', datasetVersionIds: ['dv-1'] })).toBe('run-1');
    expect(await queue('vqvae-pretrain', { configJson: '{}', datasetVersionIds: ['dv-1', 'dv-2'] })).toBe('run-2');
    expect(await queue('classifier', { configJson: '{"method":"svm"}', datasetVersionIds: ['dv-1'], displayName: 'cell', modelName: 'emo' })).toBe('run-3');
    expect(received.map((r) => r.authorization)).toEqual(Array(3).fill('Bearer ser_operator'));
    expect(received.map((r) => r.input)).toEqual([
      { kind: 'FOP', datasetVersionIds: ['dv-1'], config: { epochs: 2 } },
      { kind: 'VQVAE', datasetVersionIds: ['dv-1', 'dv-2'], config: {} },
      { datasetVersionIds: ['dv-1'], config: { method: 'svm' }, displayName: 'cell', modelName: 'emo' },
    ]);
    expect(received[2]!.query).toContain('startClassifierRun');
  });

  it("passes the gateway's refusal on with its code, and says so when the gateway is not reachable", async () => {
    const queue = queueRunThroughGateway({ url, token: 'ser_operator' });
    await expect(queue('classifier', { configJson: '{}', datasetVersionIds: ['dv-1'], displayName: 'refuse' })).rejects.toThrow(
      'the gateway refused startClassifierRun (BAD_USER_INPUT): unknown config key epoch',
    );
    const closed = queueRunThroughGateway({ url: 'http://127.0.0.1:9/graphql', token: 'ser_operator' });
    await expect(closed('fop-pretrain', { configJson: '{}', datasetVersionIds: [] })).rejects.toThrow(
      'the gateway is not reachable at http://127.0.0.1:9/graphql',
    );
  });
});
