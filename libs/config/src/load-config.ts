import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/** A config that cannot be used: unknown keys, wrong types, unreadable files. Callers exit 1 with its message. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ConfigSources {
  /** YAML file; its keys must exist in the schema. */
  file?: string;
  /** Environment to read (process.env by default). */
  env?: Record<string, string | undefined>;
  /** Dotted config path -> environment variable name, e.g. { dataDir: 'SER_DATA_DIR' }. */
  envMap?: Record<string, string>;
  /** `--key.path=value` arguments, applied last. */
  overrides?: string[];
}

/**
 * Resolves a config from schema defaults < YAML file < environment < overrides, then validates it.
 * Objects in the schema should be strict so a misspelt key is an error, never a silent default.
 */
export function loadConfig<S extends z.ZodType>(schema: S, sources: ConfigSources = {}): z.infer<S> {
  let merged: Record<string, unknown> = {};
  if (sources.file) merged = deepMerge(merged, readYamlFile(sources.file));
  const env = sources.env ?? process.env;
  for (const [path, name] of Object.entries(sources.envMap ?? {})) {
    const raw = env[name];
    if (raw !== undefined && raw !== '') merged = setPath(merged, path, parseScalar(raw));
  }
  for (const [path, value] of Object.entries(parseOverrides(sources.overrides ?? []))) {
    merged = setPath(merged, path, value);
  }
  const result = schema.safeParse(merged);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** `--a.b=1 --flag` -> { 'a.b': 1, flag: true }. Anything not starting with `--` is an error. */
export function parseOverrides(args: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const arg of args) {
    const match = /^--([A-Za-z_][\w.-]*)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new ConfigError(`override "${arg}" is not of the form --key=value`);
    out[match[1]!] = match[2] === undefined ? true : parseScalar(match[2]);
  }
  return out;
}

function readYamlFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read config file ${file}: ${(e as Error).message}`);
  }
  const parsed: unknown = parseYaml(text);
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`config file ${file} must hold a mapping`);
  return parsed as Record<string, unknown>;
}

// YAML scalar rules give numbers, booleans and lists from plain strings ("3", "true", "[a, b]").
function parseScalar(raw: string): unknown {
  try {
    return parseYaml(raw);
  } catch {
    return raw;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  const patch: Record<string, unknown> = {};
  let cursor = patch;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) cursor[key] = value;
    else cursor = cursor[key] = {} as Record<string, unknown>;
  });
  return deepMerge(target, patch);
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isPlainObject(prev) && isPlainObject(v) ? deepMerge(prev, v) : v;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
