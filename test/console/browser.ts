import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Screenshots of the browser tests (git-ignored; CI keeps them as artifacts). */
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'console');

/**
 * Debian's chromium package (scripts/ensure-prereqs.sh installs it), driven by playwright-core: no browser is
 * downloaded. SER_TEST_CHROMIUM names another binary.
 */
export function chromiumPath(): string {
  const candidates = [process.env.SER_TEST_CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found) throw new Error("no Chromium found: install Debian's chromium package (bash scripts/ensure-prereqs.sh as root) or set SER_TEST_CHROMIUM");
  return found;
}

export function launchChromium(): Promise<Browser> {
  // The fake media stream lets MediaRecorder and getUserMedia work without a microphone.
  return chromium.launch({ executablePath: chromiumPath(), args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
