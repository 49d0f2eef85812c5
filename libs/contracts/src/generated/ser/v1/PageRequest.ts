// Original file: proto/ser/v1/common.proto


/**
 * Asks for one page of a list. The server picks a default size when page_size is 0.
 */
export interface PageRequest {
  /**
   * Maximum number of items to return; 0 means the server default, larger values are capped.
   */
  'pageSize'?: (number);
  /**
   * Opaque token from a previous PageResponse.next_page_token; empty for the first page.
   */
  'pageToken'?: (string);
}

/**
 * Asks for one page of a list. The server picks a default size when page_size is 0.
 */
export interface PageRequest__Output {
  /**
   * Maximum number of items to return; 0 means the server default, larger values are capped.
   */
  'pageSize': (number);
  /**
   * Opaque token from a previous PageResponse.next_page_token; empty for the first page.
   */
  'pageToken': (string);
}
