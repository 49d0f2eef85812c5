/** A request the adapter refuses before GraphQL sees it; status is the HTTP status to answer with. */
export class BodyError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}
