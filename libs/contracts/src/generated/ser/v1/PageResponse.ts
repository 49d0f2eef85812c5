// Original file: proto/ser/v1/common.proto


/**
 * Describes where a returned page sits in the whole list.
 */
export interface PageResponse {
  /**
   * Token for the next page; empty when this is the last page.
   */
  'nextPageToken'?: (string);
  /**
   * Number of items in the whole list when the server knows it cheaply, else 0.
   */
  'totalSize'?: (number);
}

/**
 * Describes where a returned page sits in the whole list.
 */
export interface PageResponse__Output {
  /**
   * Token for the next page; empty when this is the last page.
   */
  'nextPageToken': (string);
  /**
   * Number of items in the whole list when the server knows it cheaply, else 0.
   */
  'totalSize': (number);
}
