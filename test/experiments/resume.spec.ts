import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '@ser/config';
import { PARTIAL_RESULTS_FILE, type ExperimentResults } from '@ser/experiments';
import { openPlatform } from '@ser/runtime';
import { prepareDataDir, ser } from './prepare-data';

// An experiment stopped halfway (Ctrl-C, a session's end) keeps what it finished: results.partial.json after every
// run, a clean stop on SIGTERM, and --reuse OUT takes the finished runs over so only the rest trains.
describe('ser experiment stopped and resumed', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-resume-'));
    await prepareDataDir(dataDir);
  }, 300_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps partial results, stops on SIGTERM with how to resume, and --reuse of the folder trains only the rest', async () => {
    const out = join(dataDir, 'table1');
    const args = ['experiment', 'fop-table1', '--dataset', 'four', '--pretrain', 'four', '--smoke', '--out', out, '--data-dir', dataDir];
    const partialFile = join(out, PARTIAL_RESULTS_FILE);
    const readPartial = () => (existsSync(partialFile) ? (JSON.parse(readFileSync(partialFile, 'utf8')) as ExperimentResults) : null);

    const child = spawn(process.execPath, ['bin/ser.js', ...args], { env: { ...process.env, SER_LOG_LEVEL: 'warn' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Stop it once the pre-training and the first cell are kept and the next cell's run is under way.
    const nextRunUnderWay = () => (readPartial()?.cells.length ?? 0) >= 1 && /\[3\/4\][^\n]*\d+\/100/.test(stderr);
    for (let i = 0; !nextRunUnderWay(); i++) {
      if (i > 3000) throw new Error(`no partial results after 300 s:\n${stderr}`);
      if (child.exitCode !== null) throw new Error(`the experiment ended before it could be stopped:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGTERM');
    expect(await exited, stderr).toBe(130);
    expect(stderr).toContain(`stopped by SIGTERM. Finished runs are kept in ${partialFile}; resume with --reuse ${out} --out ${out}`);
    const partial = readPartial()!;
    expect(partial.finishedAt).toBeNull();
    expect(partial.pretraining).toHaveLength(1);
    expect(existsSync(join(out, 'results.json'))).toBe(false);
    // The run cut short is cancelled, not left for its trainer to recover and train ahead of the resumed experiment.
    const cancelled = [...stderr.matchAll(/: run ([0-9a-f-]{36}) cancelled/g)].map((m) => m[1]!);
    expect(await runsLeftInFlight(dataDir)).toEqual([]);
    expect(cancelled, stderr).toHaveLength(1);
    expect(await runStatuses(dataDir, cancelled)).toEqual(['cancelled']);
    const kept = partial.cells.filter((c) => c.status === 'succeeded');
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(kept.length).toBeLessThan(3); // none, pretrain:four, baseline: stopped before the end

    const resumed = await ser([...args, '--reuse', out]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`[1/4] pre-training on four: reused run ${partial.pretraining[0]!.runId}`);
    for (const cell of kept) expect(resumed.stderr).toContain(`${cell.row} × ${cell.column}: reused run ${cell.runId}`);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ExperimentResults;
    expect(results.cells.map((c) => c.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(results.finishedAt).not.toBeNull();
    expect(existsSync(partialFile)).toBe(false); // the finished results replace the partial ones
    for (const cell of kept.filter((c) => c.curvesFile)) expect(existsSync(join(out, cell.curvesFile!))).toBe(true);
  }, 900_000);

  it('stops cleanly with exit 130 during an attention-LSTM cell, cancelling its run', async () => {
    // The LSTM cell's stop takes longer than a fine-tuning cell's, long enough for the embedded gateway's Apollo
    // Server to stop and re-raise the SIGTERM to the process (its own termination handler): the process died by the
    // signal and left the run running, for the trainer to recover at the next start.
    const out = join(dataDir, 'table2');
    const args = ['experiment', 'fop-table2', '--dataset', 'four', '--pretrain', 'demo', '--smoke', '--out', out, '--data-dir', dataDir];
    const child = spawn(process.execPath, ['bin/ser.js', ...args], { env: { ...process.env, SER_LOG_LEVEL: 'warn' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
    for (let i = 0; !/attention-lstm: \d+\/100/.test(stderr); i++) {
      if (i > 3000) throw new Error(`no attention-LSTM cell started within 300 s:\n${stderr}`);
      if (child.exitCode !== null) throw new Error(`the experiment ended before it could be stopped:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 1500)); // into the cell's training
    child.kill('SIGTERM');
    expect(await exited, stderr).toEqual([130, null]);
    const cancelled = [...stderr.matchAll(/attention-lstm: run ([0-9a-f-]{36}) cancelled/g)].map((m) => m[1]!);
    expect(cancelled, stderr).toHaveLength(1);
    expect(await runStatuses(dataDir, cancelled)).toEqual(['cancelled']);
    expect(await runsLeftInFlight(dataDir)).toEqual([]);
  }, 900_000);
});

async function withStore<T>(dataDir: string, read: (platform: Awaited<ReturnType<typeof openPlatform>>) => Promise<T>): Promise<T> {
  const platform = await openPlatform(loadPlatformConfig({ env: { SER_DATA_DIR: dataDir, SER_LOG_LEVEL: 'warn' }, overrides: ['--metricsPort=0'] }));
  try {
    return await read(platform);
  } finally {
    await platform.close();
  }
}

/** Runs of any kind still queued or running in the data folder's store, as 'kind id status'. */
function runsLeftInFlight(dataDir: string): Promise<string[]> {
  return withStore(dataDir, async (platform) => {
    const page = await platform.store.runs.list({ status: ['queued', 'running'] });
    return page.edges.map(({ node: r }) => `${r.kind} ${r.id} ${r.status}`);
  });
}

function runStatuses(dataDir: string, runIds: readonly string[]): Promise<(string | undefined)[]> {
  return withStore(dataDir, (platform) => Promise.all(runIds.map(async (id) => (await platform.store.runs.get(id))?.status)));
}
