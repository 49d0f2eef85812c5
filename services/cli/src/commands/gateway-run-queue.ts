// How `ser train --remote` starts its runs: through the gateway's start mutations, which queue each run in the
// store with the trainers' own planner (services/gateway/src/run-queueing.ts). Trainers scale to zero on that
// queue (KEDA), so a trainer's Start RPC may have no pod to answer; the gateway is always up, and the run waits
// in the queue until a trainer claims it. The CLI then follows the run on the trainer, waiting for one to be up.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StartRunRequest } from '@ser/experiments';
import type { RunKind } from '@ser/events';
import { CliError } from '../cli-error';

export interface GatewayAccess {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** An API token of role operator or admin (`ser token create --role operator`). */
  token: string;
}

export const GATEWAY_URL_ENV = 'SER_GATEWAY_URL';
export const API_TOKEN_ENV = 'SER_API_TOKEN';

/**
 * The gateway and token to queue runs with: the URL from `url` (--gateway), else SER_GATEWAY_URL, else the local
 * gateway on its configured port (npm start); the token from SER_API_TOKEN, else the admin token that `npm start`
 * wrote in the data folder. Never from a command-line flag: a token there shows in `ps` and shell history.
 */
export function gatewayAccess(opts: { url?: string; dataDir: string; gatewayPort: number }): GatewayAccess {
  const url = opts.url ?? process.env[GATEWAY_URL_ENV] ?? `http://127.0.0.1:${opts.gatewayPort}/graphql`;
  if (!/^https?:\/\/\S+$/.test(url)) throw new CliError(`--gateway: '${url}' is not an http(s) URL`, 2);
  const tokenFile = join(opts.dataDir, 'admin.token');
  const token = process.env[API_TOKEN_ENV]?.trim() || (existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : '');
  if (!token)
    throw new CliError(
      `--remote queues runs through the gateway (${url}) and needs an API token: set ${API_TOKEN_ENV} to an operator ` +
        `token ('ser token create --name ci --role operator'), or run where ${tokenFile} is`,
    );
  return { url, token };
}

const START_PRETRAIN = 'mutation ($input: StartPretrainRunInput!) { startPretrainRun(input: $input) { id } }';
const START_CLASSIFIER = 'mutation ($input: StartClassifierRunInput!) { startClassifierRun(input: $input) { id } }';

/** A refusal by the gateway (its extensions.code: BAD_USER_INPUT, NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, ...). */
export class GatewayRefusal extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** The run's store id from its Relay global id (base64url of `Run:<id>`), which Watch…Run and the results name. */
function storeRunId(globalId: string): string {
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  if (!text.startsWith('Run:')) throw new Error(`the gateway answered '${globalId}', which is not a run id`);
  return text.slice('Run:'.length);
}

/** A backend's queueRun (@ser/experiments) that queues each run through the gateway and answers its store id. */
export function queueRunThroughGateway(gateway: GatewayAccess): (kind: RunKind, request: StartRunRequest) => Promise<string> {
  return async (kind, request) => {
    const common = {
      datasetVersionIds: request.datasetVersionIds,
      config: JSON.parse(request.configJson) as unknown,
      ...(request.displayName ? { displayName: request.displayName } : {}),
    };
    const [field, query, input] =
      kind === 'classifier'
        ? (['startClassifierRun', START_CLASSIFIER, { ...common, ...(request.modelName ? { modelName: request.modelName } : {}) }] as const)
        : (['startPretrainRun', START_PRETRAIN, { ...common, kind: kind === 'fop-pretrain' ? 'FOP' : 'VQVAE' }] as const);
    let res: Response;
    try {
      res = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${gateway.token}` },
        body: JSON.stringify({ query, variables: { input } }),
      });
    } catch (err) {
      throw new CliError(`the gateway is not reachable at ${gateway.url}: ${(err as { cause?: Error }).cause?.message ?? (err as Error).message}`);
    }
    const body = (await res.json().catch(() => ({}))) as {
      data?: Record<string, { id: string } | null> | null;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    const id = body.data?.[field]?.id;
    if (id) return storeRunId(id);
    const error = body.errors?.[0];
    const code = error?.extensions?.code ?? `HTTP ${res.status}`;
    throw new GatewayRefusal(`the gateway refused ${field} (${code}): ${error?.message ?? res.statusText}`, code);
  };
}
