import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { API_TOKEN_ROLES, openMetadataStore, type ApiTokenRole, type MetadataStore } from '@ser/store';
import { loadCliConfig } from '../cli-config';
import { usageError } from '../cli-error';

const HELP = `Usage: ser token create --name NAME --role viewer|operator|admin
       ser token list

create   makes a GraphQL API token and prints it once (only its sha-256 hash is stored). Send it as
         'Authorization: Bearer <token>'. viewer reads; operator also starts runs and predicts; admin also
         promotes models and revokes tokens.
list     prints id, name, role and creation time of every token (never the tokens).

Uses the platform's metadata store (SER_DATA_DIR / SER_STORE / SER_DATABASE_URL). The embedded store (PGlite)
admits one process at a time: stop 'npm start' first, or use the admin token in <dataDir>/admin.token.
`;

/** The store the platform config names, the same one the services open. */
export async function openConfiguredStore(): Promise<MetadataStore> {
  const config = loadCliConfig();
  return openMetadataStore(
    config.store.kind === 'pglite' ? { kind: 'pglite', dataDir: join(resolve(config.dataDir), 'pglite') } : { kind: 'postgres', url: config.store.url! },
  );
}

export async function tokenCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [action] = positionals;
  if (values.help || !action) return void process.stdout.write(HELP);
  if (action === 'create') {
    if (!values.name) throw usageError(`--name is required\n\n${HELP}`);
    if (!API_TOKEN_ROLES.includes(values.role as ApiTokenRole)) throw usageError(`--role must be one of ${API_TOKEN_ROLES.join(', ')}\n\n${HELP}`);
    const store = await openConfiguredStore();
    try {
      const { token, apiToken } = await store.apiTokens.create({ name: values.name, role: values.role as ApiTokenRole });
      process.stderr.write(`token '${apiToken.name}' (${apiToken.role}, id ${apiToken.id}); it is shown only this once:\n`);
      process.stdout.write(`${token}\n`);
    } finally {
      await store.close();
    }
    return;
  }
  if (action === 'list') {
    const store = await openConfiguredStore();
    try {
      for (const t of await store.apiTokens.list()) process.stdout.write(`${t.id}\t${t.name}\t${t.role}\t${t.createdAt.toISOString()}\n`);
    } finally {
      await store.close();
    }
    return;
  }
  throw usageError(`unknown token action '${action}'\n\n${HELP}`);
}
