import { describe, expect, it } from 'vitest';
import { StoreError } from './errors';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, MAX_PAGE_SIZE, pageSize } from './paging';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof StoreError ? err.code : `not a StoreError: ${String(err)}`;
  }
  return undefined;
}

describe('cursors', () => {
  it('round-trip their keys and stay opaque URL-safe text', () => {
    const cursor = encodeCursor('runs', ['9007199254740993', 'b/c']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'runs', ['bigint', 'text'])).toEqual(['9007199254740993', 'b/c']);
    expect(decodeCursor(encodeCursor('model_versions', [3]), 'model_versions', ['int'])).toEqual([3]);
  });

  it('are refused when malformed, from another listing, or with keys of the wrong shape', () => {
    expect(codeOf(() => decodeCursor('%%%', 'runs', ['bigint']))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => decodeCursor(encodeCursor('predictions', ['1']), 'runs', ['bigint']))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => decodeCursor(encodeCursor('runs', ['1; drop table runs']), 'runs', ['bigint']))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => decodeCursor(encodeCursor('runs', ['1', '2']), 'runs', ['bigint']))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => decodeCursor(encodeCursor('model_versions', [1.5]), 'model_versions', ['int']))).toBe('INVALID_ARGUMENT');
  });
});

describe('pageSize', () => {
  it('defaults, and accepts integers from 0 to the maximum only', () => {
    expect(pageSize(undefined)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSize(null)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
    for (const bad of [-1, 2.5, MAX_PAGE_SIZE + 1, Number.NaN]) expect(codeOf(() => pageSize(bad))).toBe('INVALID_ARGUMENT');
  });
});
