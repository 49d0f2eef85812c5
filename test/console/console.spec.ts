import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../infra/process';
import { seriousViolations } from './accessibility';
import { launchChromium, screenshot } from './browser';
import { callApiFrom, originOf, startOtherOrigin } from './other-origin';
import { demoClip, longClip, prepareDemoDataDir, startPlatformProcess, type StartedPlatform } from './platform';

const EMOTIONS = ['angry', 'happy', 'neutral', 'sad'];
// How long the page may take to show what a request or a subscription brings (expect.poll's default is 1 s).
const UI_WAIT = { timeout: 20_000, interval: 250 };
// The console's trusted documents (graphql-codegen's manifest): the gateway under test runs only these.
const MANIFEST = 'services/console/src/gql/persisted-documents.json';
const SIGN_IN_CHECK = Object.values(JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>).find((d) => d.startsWith('query SignInCheck'))!;

// The web console in Debian's Chromium against the platform started as `npm start` starts it.
describe('the web console', () => {
  let dataDir: string;
  let platform: StartedPlatform;
  let browser: Browser;
  let page: Page;
  let allowedOrigin: Server;
  let refusedOrigin: Server;
  let runPath: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-console-'));
    const [allowedPort, refusedPort] = [await freePort(), await freePort()];
    [allowedOrigin, refusedOrigin] = await Promise.all([startOtherOrigin(allowedPort), startOtherOrigin(refusedPort)]);
    await prepareDemoDataDir(dataDir);
    // As the chart runs the gateway: an operator-chosen admin token and the console's documents as the safelist.
    platform = await startPlatformProcess(dataDir, {
      SER_GATEWAY_CORS_ORIGINS: `http://127.0.0.1:${allowedPort}`,
      SER_BOOTSTRAP_ADMIN_TOKEN: randomBytes(32).toString('base64url'),
      SER_GATEWAY_TRUSTED_DOCUMENTS: MANIFEST,
    });
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
    // npm start names where the admin token came from, and never prints an operator's secret.
    expect(platform.output()).toContain('The admin API token is the one in SER_BOOTSTRAP_ADMIN_TOKEN');
    expect(platform.output()).not.toContain(platform.adminToken);
    await page.goto(platform.baseUrl);
    await expectAccessible(page, 'sign in');
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
    runPath = new URL(page.url()).pathname;
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

    // Its ONNX export, fetched with the signed-in token (a plain link could not send it) and saved under the registry's name.
    const saved = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: 'Download v2 as ONNX' }).click();
    const download = await saved;
    expect(download.suggestedFilename()).toBe('fop-emotion-2.onnx');
    expect(readFileSync((await download.path())!).length).toBeGreaterThan(1000);
  }, 180_000);

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

  it('predicts long audio window by window, each label shown as it arrives', async () => {
    const long = join(dataDir, 'long.wav');
    writeFileSync(long, longClip(dataDir, 6));
    await page.getByLabel(/^Audio file/).setInputFiles(long);
    await page.getByLabel('Window length (seconds)').fill('1');
    await page.getByRole('button', { name: 'Predict over time' }).click();
    await expect.poll(() => page.getByTestId('timeline-status').textContent(), { timeout: 60_000, interval: 500 }).toMatch(/finished/);
    const table = page.getByRole('table', { name: 'Label per window' });
    const rows = await table.locator('tbody tr').allTextContents();
    // Six seconds in 1 s windows: six, less any the service's VAD found silent.
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.length).toBeLessThanOrEqual(6);
    for (const label of await table.locator('tbody tr td:nth-child(3)').allTextContents()) expect(EMOTIONS).toContain(label);
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, '05b-predict-over-time');
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
      await other.goto(originOf(allowedOrigin));
      const allowed = await callApiFrom(other, api, platform.adminToken, SIGN_IN_CHECK);
      expect(allowed.failed).toBeUndefined();
      expect(allowed.data).toEqual({ __typename: 'Query' });
      // The safelist: a document that is not one of the console's is refused, whoever sends it.
      const untrusted = await callApiFrom(other, api, platform.adminToken, '{ __typename }');
      expect([untrusted.status, untrusted.errors?.[0]?.extensions?.code]).toEqual([400, 'QUERY_NOT_IN_SAFELIST']);

      await other.goto(originOf(refusedOrigin));
      expect((await callApiFrom(other, api, platform.adminToken, SIGN_IN_CHECK)).failed).toMatch(/Failed to fetch/);
    } finally {
      await other.close();
    }
  });

  it('makes an API token shown once, lists it, and revokes it', async () => {
    await page.getByRole('link', { name: 'Tokens' }).click();
    await page.getByLabel('Name (who or what uses it)').fill('ci-reader');
    await page.getByRole('radio', { name: /^viewer/ }).check();
    await page.getByRole('button', { name: 'Make token' }).click();
    const secret = (await page.getByTestId('new-token-secret').textContent({ timeout: 20_000 }))!.trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const row = page.getByRole('row').filter({ hasText: 'ci-reader' });
    await expect.poll(() => row.textContent(), UI_WAIT).toContain('viewer');
    await screenshot(page, '06-tokens');
    const api = new URL('graphql', platform.baseUrl).toString();
    expect((await callApiFrom(page, api, secret, SIGN_IN_CHECK)).data).toEqual({ __typename: 'Query' });

    // Shown once: gone after "I have kept it", and not in the list.
    await page.getByRole('button', { name: 'I have kept it' }).click();
    expect(await page.locator('main').textContent()).not.toContain(secret);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Revoke ci-reader' }).click();
    await expect.poll(() => row.count(), UI_WAIT).toBe(0);
    expect((await callApiFrom(page, api, secret, SIGN_IN_CHECK)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('has no serious or critical accessibility violations on any page, at 1280 px and at 390 px', async () => {
    const pages = ['/datasets', '/runs', runPath, '/models', '/predict', '/history', '/tokens'];
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      for (const path of pages) {
        await page.goto(new URL(path, platform.baseUrl).toString());
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, `${path} at ${width} px`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 180_000);
});

async function expectAccessible(page: Page, where: string): Promise<void> {
  expect(await seriousViolations(page), where).toEqual([]);
}
