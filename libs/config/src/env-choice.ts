import { ConfigError } from './load-config';

/**
 * Environment variable `name` as one of `choices`, `fallback` when unset or empty. Any other value is a ConfigError
 * that lists the allowed values: a typo is a misconfiguration to fix, never a silent fallback.
 */
export function envChoice<const C extends readonly string[]>(
  name: string,
  choices: C,
  fallback: C[number],
  env: Record<string, string | undefined> = process.env,
): C[number] {
  const value = env[name] || fallback;
  const isChoice = (v: string): v is C[number] => choices.includes(v);
  if (!isChoice(value)) throw new ConfigError(`${name} must be one of ${choices.join(', ')}, not '${value}' (unset means ${fallback})`);
  return value;
}
