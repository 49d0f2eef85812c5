import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core (pinned in package.json) as the page will run it: the browser build, injected through the DevTools
// protocol, so the console's own Content-Security-Policy does not stand in its way.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rules checked: WCAG 2.0 / 2.1 levels A and AA, and axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
}

/**
 * axe-core's serious and critical violations on the page as it is now, one line each (rule, what it asks, where):
 * empty when there are none. Minor and moderate findings are left to review, not to the test.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  // A string, not a function: this file is typed for Node, and axe exists only in the page.
  const result = await page.evaluate<AxeResult>(`axe.run(document, ${JSON.stringify({ runOnly: { type: 'tag', values: TAGS } })})`);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}) at ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`));
}
