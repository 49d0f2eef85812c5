import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTIAL_RESULTS_FILE, type ExperimentResults } from '@ser/experiments';
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
    // Stop it once the pre-training and the first cell are kept, before the table is done.
    for (let i = 0; (readPartial()?.cells.length ?? 0) < 1; i++) {
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
});
