import { randomUUID } from 'node:crypto';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * jsonb parameters are always sent as text with a `::jsonb` cast: pg would otherwise turn a JS array into a
 * PostgreSQL array literal.
 */
export const toJsonParam = (value: unknown): string => JSON.stringify(value ?? {});

/** Ids are uuids made here, not by the database, so callers can know an id before the insert. */
export const newId = (): string => randomUUID();

/** Both drivers return timestamptz as Date; this keeps a string (other type parsers) from leaking through. */
export const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
export const toDateOrNull = (value: Date | string | null): Date | null => (value === null ? null : toDate(value));
