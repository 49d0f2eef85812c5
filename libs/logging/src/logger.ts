import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Paths scrubbed from every log line: tokens and credentials must never reach logs. */
const REDACT = [
  'token',
  'authorization',
  'password',
  '*.token',
  '*.authorization',
  '*.password',
  'headers.authorization',
  'req.headers.authorization',
];

export interface LoggerOptions {
  level?: string;
  /** Where lines go; stdout when absent. */
  destination?: DestinationStream;
}

/**
 * Structured JSON logs (one object per line) named after the component that writes them.
 * Level comes from SER_LOG_LEVEL so operators can turn on debug without a rebuild.
 */
export function createLogger(name: string, opts: LoggerOptions = {}): Logger {
  const level = opts.level ?? process.env.SER_LOG_LEVEL ?? (process.env.VITEST ? 'warn' : 'info');
  const options = { name, level, redact: { paths: REDACT, censor: '[redacted]' }, base: { pid: process.pid } };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}
