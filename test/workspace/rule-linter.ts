import { execFileSync } from 'node:child_process';
import { ESLint } from 'eslint';

/** Lints `code` as if it were `file`, returning the messages of the given rules only. */
export type RuleLinter = (file: string, code: string) => Promise<string[]>;

/**
 * eslint.config.mjs as `npx eslint` runs it, for specs that lint code breaking (or keeping) some of its rules. Call in
 * beforeAll: the config's nx module-boundary rule needs the project graph, computed here without the nx daemon.
 */
export function createRuleLinter(ruleIds: readonly string[]): RuleLinter {
  execFileSync('npx', ['nx', 'show', 'projects'], { env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
  const eslint = new ESLint();
  return async (file, code) => {
    const [result] = await eslint.lintText(code, { filePath: file });
    return result!.messages.filter((m) => m.ruleId !== null && ruleIds.includes(m.ruleId)).map((m) => m.message);
  };
}
