/** A request the adapter refuses before GraphQL sees it; status is the HTTP status to answer with. */
export class BodyError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** Extra `extensions` of the JSON error body, e.g. the limit a body broke. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** `extensions.code` of the JSON error body. */
  get code(): string {
    return this.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
  }
}

/** 413 for a body over the gateway's limit (gateway.maxBodyBytes). */
export const bodyTooLarge = (maxBodyBytes: number) => new BodyError(`request body over ${maxBodyBytes} bytes (gateway.maxBodyBytes)`, 413, { maxBodyBytes });
