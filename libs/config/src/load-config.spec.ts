import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig, parseOverrides } from './load-config';

const schema = z
  .object({
    epochs: z.number().int().default(10),
    name: z.string().default('run'),
    optim: z
      .object({ lr: z.number().default(1e-3), kind: z.enum(['adam', 'sgd']).default('adam') })
      .strict()
      .prefault({}),
  })
  .strict();

function yamlFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cfg-')), 'c.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadConfig', () => {
  it('applies defaults < file < env < overrides', () => {
    const file = yamlFile('epochs: 5\noptim:\n  lr: 0.01\n');
    const cfg = loadConfig(schema, {
      file,
      env: { EPOCHS: '7', NAME: 'from-env' },
      envMap: { epochs: 'EPOCHS', name: 'NAME' },
      overrides: ['--name=cli', '--optim.kind=sgd'],
    });
    expect(cfg).toEqual({ epochs: 7, name: 'cli', optim: { lr: 0.01, kind: 'sgd' } });
  });

  it('rejects an unknown key with its path', () => {
    expect(() => loadConfig(schema, { overrides: ['--optim.momentum=0.9'] })).toThrow(/optim.*momentum|momentum/);
    expect(() => loadConfig(schema, { file: yamlFile('epoch: 3\n') })).toThrow(ConfigError);
  });

  it('rejects a wrong type instead of defaulting', () => {
    expect(() => loadConfig(schema, { overrides: ['--epochs=many'] })).toThrow(/epochs/);
  });

  it('reports an unreadable file', () => {
    expect(() => loadConfig(schema, { file: '/nonexistent/x.yaml' })).toThrow(/cannot read config file/);
  });
});

describe('parseOverrides', () => {
  it('parses typed values and bare flags', () => {
    expect(parseOverrides(['--a.b=3', '--flag', '--list=[1, 2]', '--s=hello'])).toEqual({ 'a.b': 3, flag: true, list: [1, 2], s: 'hello' });
  });
  it('rejects arguments that are not overrides', () => {
    expect(() => parseOverrides(['epochs=3'])).toThrow(ConfigError);
  });
});
