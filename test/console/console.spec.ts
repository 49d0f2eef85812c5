import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../infra/process';
import { launchChromium, screenshot } from './browser';
import { demoClip, prepareDemoDataDir, startPlatformProcess, type StartedPlatform } from './platform';

const EMOTIONS = ['angry', 'happy', 'neutral', 'sad'];
// How long the page may take to show what a request or a subscription brings (expect.poll's default is 1 s).
const UI_WAIT = { timeout: 20_000, interval: 250 };

/** A page on another origin: the kind of third-party app the CORS allowlist is for. */
async function startOtherOrigin(port: number): Promise<Server> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>another app</title>'));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

/** fetch from inside the page (so the browser applies CORS): the GraphQL answer, or the error fetch threw. */
function callApiFrom(page: Page, url: string, token: string): Promise<{ data?: unknown; errors?: unknown; failed?: string }> {
  return page.evaluate(
    async ({ url, token }) => {
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ __typename }' }) });
        return (await res.json()) as { data?: unknown; errors?: unknown };
      } catch (err) {
        return { failed: String(err) };
      }
    },
    { url, token },
  );
}

// The web console in Debian's Chromium against the platform started as `npm start` starts it.
describe('the web console', () => {
  let dataDir: string;
  let platform: StartedPlatform;
  let browser: Browser;
  let page: Page;
  let allowedOrigin: Server;
  let refusedOrigin: Server;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-console-'));
    const [allowedPort, refusedPort] = [await freePort(), await freePort()];
    [allowedOrigin, refusedOrigin] = await Promise.all([startOtherOrigin(allowedPort), startOtherOrigin(refusedPort)]);
    await prepareDemoDataDir(dataDir);
    platform = await startPlatformProcess(dataDir, { SER_GATEWAY_CORS_ORIGINS: `http://127.0.0.1:${allowedPort}` });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 600_000);

  // What the page showed when a step failed, beside the screenshots of the steps that passed.
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page) await screenshot(page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await Promise.all([allowedOrigin, refusedOrigin].map((s) => s && new Promise((r) => s.close(r))));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs in with a token, refusing a wrong one, and shows the datasets', async () => {
    await page.goto(platform.baseUrl);
    await page.getByLabel('API token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), UI_WAIT).toContain('refused this token');

    await page.getByLabel('API token').fill(platform.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Datasets', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/datasets');
    await page.getByRole('button', { name: 'demo', exact: true }).click();
    await page.getByRole('heading', { name: /demo/, level: 2 }).filter({ hasText: 'version' }).waitFor();
    expect(await page.getByRole('figure').filter({ hasText: 'Classes' }).textContent()).toMatch(/angry.*happy|happy.*angry/s);
    await screenshot(page, '01-datasets');
  });

  it('starts a small classifier run and follows it live to succeeded, with curves and a confusion matrix', async () => {
    await page.getByRole('link', { name: 'Runs' }).click();
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Start a classifier run' }) });
    await form.getByRole('checkbox', { name: /^demo/ }).check();
    await form.getByLabel('Register the model as (optional)').fill('fop-emotion');
    await form.getByRole('button', { name: 'Start classifier run' }).click();
    await page.waitForURL(/\/runs\/[^/]+$/);
    // The status is fed by the runProgress subscription; it passes through QUEUED/RUNNING to SUCCEEDED.
    await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 300_000, interval: 1000 }).toBe('SUCCEEDED');
    expect(await page.getByTestId('run-progress').textContent()).toBe('100 %');
    await page.getByRole('table', { name: /Pooled confusion matrix/ }).waitFor();
    expect(await page.getByRole('img', { name: /^(Loss|Metrics)\./ }).count()).toBeGreaterThan(0);
    await screenshot(page, '02-run');
  }, 360_000);

  it('promotes the new version and shows the alias move', async () => {
    await page.getByRole('link', { name: 'Models' }).click();
    const production = page.getByTestId('alias-production');
    await expect.poll(() => production.textContent(), UI_WAIT).toContain('v1');
    await page.getByRole('button', { name: 'Make v2 production' }).click();
    await expect.poll(() => production.textContent(), UI_WAIT).toContain('v2');
    // The modelAliasMoved subscription reports it too.
    await expect.poll(() => page.getByRole('list', { name: 'Alias moves' }).textContent(), UI_WAIT).toContain('production moved from v1 to v2');
    await screenshot(page, '03-models');
  });

  it('predicts an uploaded clip and shows the label and the probabilities', async () => {
    await page.getByRole('link', { name: 'Predict' }).click();
    const clip = join(dataDir, 'clip.wav');
    copyFileSync(demoClip(dataDir), clip);
    await page.getByLabel(/^Audio file/).setInputFiles(clip);
    await page.getByRole('button', { name: 'Predict', exact: true }).click();
    await page.getByTestId('predicted-label').waitFor({ timeout: 60_000 });
    expect(EMOTIONS).toContain(await page.getByTestId('predicted-label').textContent());
    const bars = page.getByRole('figure').filter({ hasText: 'Probabilities' });
    expect(await bars.locator('dt').allTextContents()).toEqual(expect.arrayContaining(EMOTIONS));
    expect(await page.locator('main').textContent()).toContain('fop-emotion v2');
    await screenshot(page, '04-predict');

    // The same page at a phone's width: nothing runs off the side.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, '05-predict-390px');
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 120_000);

  it('lists the prediction in the history, filtered by model', async () => {
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByLabel('Model name').fill('fop-emotion');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.getByRole('table').textContent(), UI_WAIT).toContain('fop-emotion v2');
  });

  it('lets a page on an allowed origin call the API with a token, and not one on another origin', async () => {
    const other = await browser.newPage();
    const api = new URL('graphql', platform.baseUrl).toString();
    try {
      const address = (s: Server) => `http://127.0.0.1:${(s.address() as { port: number }).port}/`;
      await other.goto(address(allowedOrigin));
      const allowed = await callApiFrom(other, api, platform.adminToken);
      expect(allowed.failed).toBeUndefined();
      expect(allowed.data).toEqual({ __typename: 'Query' });

      await other.goto(address(refusedOrigin));
      expect((await callApiFrom(other, api, platform.adminToken)).failed).toMatch(/Failed to fetch/);
    } finally {
      await other.close();
    }
  });
});
