// Helpers shared by the contract suites.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { StoreError } from './errors';
import type { Page, PageArgs } from './paging';

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function expectStoreError(promise: Promise<unknown>, code: StoreError['code']): Promise<void> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  expect((err as StoreError).code).toBe(code);
}

/** Follows endCursor until the last page; checks pageInfo and totalCount on the way. */
export async function collectPages<T>(fetch: (args: PageArgs) => Promise<Page<T>>, first: number): Promise<{ nodes: T[]; pages: number }> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const page: Page<T> = await fetch({ first, after });
    nodes.push(...page.edges.map((e) => e.node));
    expect(page.edges.length).toBeLessThanOrEqual(first);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (!page.pageInfo.hasNextPage) {
      expect(nodes.length).toBe(page.totalCount);
      return { nodes, pages };
    }
    expect(page.edges.length).toBe(first);
    after = page.pageInfo.endCursor;
  }
}
