import type { PageRequest, PageResponse } from '@ser/contracts';
import type { Page, PageArgs } from '@ser/store';

/** gRPC PageRequest (page_size, page_token) -> store paging (first, after); the token is the store's cursor. */
export function pageArgsFromRequest(page: PageRequest | null | undefined): PageArgs {
  return { first: page?.pageSize || undefined, after: page?.pageToken || undefined };
}

export function pageResponse<T>(page: Page<T>): PageResponse {
  return { nextPageToken: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? '') : '', totalSize: page.totalCount };
}
