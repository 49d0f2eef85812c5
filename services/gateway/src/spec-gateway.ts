// A gateway for the specs beside the code: real HTTP on port 0 over an in-memory PGlite store and an in-process bus.
import { SERVICE_NAMES, type ServiceName } from '@ser/config';
import { createInProcessBus, type InProcessBus } from '@ser/events';
import { createLogger } from '@ser/logging';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { createGateway, type GatewayOptions, type RunningGateway } from './create-gateway';

/** Nothing listens here: calls to a service a spec does not provide fail UNAVAILABLE, fast. */
export const NOWHERE = '127.0.0.1:1';

export interface SpecGateway {
  gateway: RunningGateway;
  store: MetadataStore;
  bus: InProcessBus;
  /** http://127.0.0.1:<port>, for paths other than /graphql. */
  origin: string;
  stop(): Promise<void>;
}

/** A gateway with every service at NOWHERE unless `addresses` says otherwise; `store` shares one (PGlite is slow to open). */
export async function startSpecGateway(
  opts: Partial<Omit<GatewayOptions, 'serviceAddresses' | 'store'>> & { store?: MetadataStore; addresses?: Partial<Record<ServiceName, string>> } = {},
): Promise<SpecGateway> {
  const { addresses, ...rest } = opts;
  const ownStore = !opts.store;
  const store = opts.store ?? (await openMetadataStore({ kind: 'pglite' }));
  const bus = createInProcessBus();
  const serviceAddresses = { ...(Object.fromEntries(SERVICE_NAMES.map((n) => [n, NOWHERE])) as Record<ServiceName, string>), ...addresses };
  const gateway = await createGateway({
    port: 0,
    store,
    bus,
    serviceAddresses,
    logger: createLogger('gateway-spec', { level: 'silent' }),
    grpcDeadlineMs: 5_000,
    ...rest,
  });
  return {
    gateway,
    store,
    bus,
    origin: `http://127.0.0.1:${gateway.port}`,
    async stop() {
      await gateway.stop();
      await bus.close();
      if (ownStore) await store.close();
    },
  };
}

export interface GqlResult {
  status: number;
  headers: Headers;
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** GraphQL over HTTP POST (JSON), with a bearer token and extra headers when given. */
export async function postGraphql(
  url: string,
  body: { query: string; variables?: Record<string, unknown>; operationName?: string },
  opts: { token?: string; headers?: Record<string, string> } = {},
): Promise<GqlResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, ...((await res.json()) as Omit<GqlResult, 'status' | 'headers'>) };
}
