import { describe, expect, it } from 'vitest';
import { createLogger, resolveLogFormat } from './logger';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (s: string) => void lines.push(s) } };
}

describe('createLogger', () => {
  it('writes JSON lines named after the component at the chosen level', () => {
    const { lines, destination } = capture();
    const log = createLogger('features', { level: 'debug', destination });
    log.debug({ topic: 'corpus.published' }, 'received');
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ name: 'features', msg: 'received', topic: 'corpus.published', level: 20 });
  });

  it('drops lines below the level', () => {
    const { lines, destination } = capture();
    createLogger('features', { level: 'warn', destination }).info('quiet');
    expect(lines).toHaveLength(0);
  });

  it('redacts tokens, passwords and authorization headers', () => {
    const { lines, destination } = capture();
    const log = createLogger('gateway', { level: 'info', destination });
    log.info({ token: 'secret-1', user: { password: 'secret-2' }, headers: { authorization: 'Bearer secret-3' } }, 'login');
    const text = lines.join('');
    expect(text).toContain('[redacted]');
    for (const secret of ['secret-1', 'secret-2', 'secret-3']) expect(text).not.toContain(secret);
  });

  it('prints readable lines on a terminal and JSON elsewhere, unless SER_LOG_FORMAT says', () => {
    expect(resolveLogFormat({}, true)).toBe('pretty');
    expect(resolveLogFormat({}, false)).toBe('json');
    expect(resolveLogFormat({ SER_LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(resolveLogFormat({ SER_LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
    expect(resolveLogFormat({ SER_LOG_FORMAT: 'auto' }, true)).toBe('pretty');
    expect(() => resolveLogFormat({ SER_LOG_FORMAT: 'xml' }, true)).toThrow(/json, pretty or auto/);
  });
});
