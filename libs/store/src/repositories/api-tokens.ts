import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db';
import { invalidArgument, notFound } from '../errors';
import { newId, toDate } from '../json';

export const API_TOKEN_ROLES = ['viewer', 'operator', 'admin'] as const;
export type ApiTokenRole = (typeof API_TOKEN_ROLES)[number];

/** A stored token: only its hash is kept, so the database never holds a usable secret. */
export interface ApiToken {
  id: string;
  name: string;
  role: ApiTokenRole;
  createdAt: Date;
}

interface ApiTokenRow {
  id: string;
  name: string;
  role: ApiTokenRole;
  token_hash: string;
  created_at: Date;
}

const fromRow = (r: ApiTokenRow): ApiToken => ({ id: r.id, name: r.name, role: r.role, createdAt: toDate(r.created_at) });

// 32 random bytes: guessing is hopeless, so a plain sha-256 (no salt, no slow KDF) is enough and allows a lookup by hash.
const TOKEN_BYTES = 32;
/** Prefix that makes a leaked token recognisable to secret scanners. */
const TOKEN_PREFIX = 'ser_';

/** A given secret is used as a bearer value as it is: 32 characters of base64 carry 192 bits. */
export const MIN_GIVEN_TOKEN_LENGTH = 32;
const GIVEN_TOKEN = /^[\x21-\x7e]{32,}$/; // printable ASCII, no spaces, MIN_GIVEN_TOKEN_LENGTH or more

export const hashApiToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export class ApiTokenRepository {
  constructor(private readonly q: Queryable) {}

  /**
   * Makes a new token; the plaintext is returned here once and never stored. `token` registers a secret made
   * elsewhere (a Kubernetes Secret) instead of a random one; it must be as hard to guess (MIN_GIVEN_TOKEN_LENGTH).
   */
  async create(input: { name: string; role: ApiTokenRole; token?: string }): Promise<{ token: string; apiToken: ApiToken }> {
    if (!input.name.trim()) throw invalidArgument('token name is empty');
    if (!API_TOKEN_ROLES.includes(input.role)) throw invalidArgument(`unknown role '${input.role}': one of ${API_TOKEN_ROLES.join(', ')}`);
    if (input.token !== undefined && !GIVEN_TOKEN.test(input.token)) {
      throw invalidArgument(`a given token must be ${MIN_GIVEN_TOKEN_LENGTH} or more printable characters without spaces (e.g. openssl rand -base64 32)`);
    }
    const token = input.token ?? TOKEN_PREFIX + randomBytes(TOKEN_BYTES).toString('base64url');
    const [row] = await this.q.query<ApiTokenRow>('INSERT INTO api_tokens (id, name, role, token_hash) VALUES ($1, $2, $3, $4) RETURNING *', [
      newId(),
      input.name.trim(),
      input.role,
      hashApiToken(token),
    ]);
    return { token, apiToken: fromRow(row!) };
  }

  /** The token a bearer presents, or null when it matches none. */
  async findByToken(token: string): Promise<ApiToken | null> {
    const [row] = await this.q.query<ApiTokenRow>('SELECT * FROM api_tokens WHERE token_hash = $1', [hashApiToken(token)]);
    return row ? fromRow(row) : null;
  }

  /** Oldest first. */
  async list(): Promise<ApiToken[]> {
    const rows = await this.q.query<ApiTokenRow>('SELECT * FROM api_tokens ORDER BY created_at, id');
    return rows.map(fromRow);
  }

  async count(): Promise<number> {
    const [row] = await this.q.query<{ n: number }>('SELECT count(*)::int AS n FROM api_tokens');
    return row?.n ?? 0;
  }

  async delete(id: string): Promise<void> {
    const rows = await this.q.query<{ id: string }>('DELETE FROM api_tokens WHERE id = $1 RETURNING id', [id]);
    if (rows.length === 0) throw notFound(`api token ${id}`);
  }
}
