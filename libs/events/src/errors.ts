/**
 * Thrown by a handler for a message that can never succeed (e.g. it names a corpus format the
 * service cannot read): the bus dead-letters it at once instead of retrying.
 */
export class PoisonMessageError extends Error {
  override readonly name = 'PoisonMessageError';
}

/** `publish` was given data that does not match the topic's schema; nothing was sent. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}
