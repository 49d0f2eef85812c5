import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** Paths scrubbed from every log line: tokens and credentials must never reach logs. */
const REDACT = ['token', 'authorization', 'password', '*.token', '*.authorization', '*.password', 'headers.authorization', 'req.headers.authorization'];

export type LogFormat = 'json' | 'pretty';

export interface LoggerOptions {
  level?: string;
  /** Where lines go; stdout when absent. */
  destination?: DestinationStream;
  /** Absent: SER_LOG_FORMAT, else readable lines on a terminal and JSON everywhere else (pipes, files, containers). */
  format?: LogFormat;
}

/** SER_LOG_FORMAT ('json' | 'pretty' | 'auto'); 'auto' and absent mean pretty only when stdout is a terminal. */
export function resolveLogFormat(env: Record<string, string | undefined> = process.env, stdoutIsTty = Boolean(process.stdout.isTTY)): LogFormat {
  const asked = env.SER_LOG_FORMAT ?? 'auto';
  if (asked === 'json' || asked === 'pretty') return asked;
  if (asked !== 'auto') throw new RangeError(`SER_LOG_FORMAT must be json, pretty or auto, got '${asked}'`);
  return stdoutIsTty ? 'pretty' : 'json';
}

// One pretty stream per process: pino-pretty formats synchronously, so lines keep their order with progress output.
let prettyStdout: DestinationStream | undefined;
const prettyStream = () => (prettyStdout ??= pretty({ colorize: true, sync: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname' }));

/**
 * Structured JSON logs (one object per line) named after the component that writes them.
 * Level comes from SER_LOG_LEVEL so operators can turn on debug without a rebuild.
 */
export function createLogger(name: string, opts: LoggerOptions = {}): Logger {
  const level = opts.level ?? process.env.SER_LOG_LEVEL ?? (process.env.VITEST ? 'warn' : 'info');
  const options = { name, level, redact: { paths: REDACT, censor: '[redacted]' }, base: { pid: process.pid } };
  if (opts.destination) return pino(options, opts.destination);
  return (opts.format ?? resolveLogFormat()) === 'pretty' ? pino(options, prettyStream()) : pino(options);
}
