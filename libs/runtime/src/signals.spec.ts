import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';

interface Spawned {
  child: ChildProcess;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** testing/stop-on-signal.ts as the leader of a process group of its own, as a terminal runs a foreground job. */
async function spawnGroup(env: Record<string, string>): Promise<Spawned> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'libs/runtime/src/testing/stop-on-signal.ts'], {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => out.includes('ready') && resolve());
    void exit.then(({ code }) => reject(new Error(`exited with ${code} before it was ready: ${out}`)));
  });
  return { child, output: () => out, exit };
}

const messages = (output: string) =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => (JSON.parse(l) as { msg: string }).msg);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runUntilSignal', () => {
  let spawned: Spawned | undefined;
  afterEach(() => {
    if (spawned?.child.exitCode === null && spawned.child.signalCode === null) process.kill(-spawned.child.pid!, 'SIGKILL');
    spawned = undefined;
  });

  it('takes a SIGINT to the process group plus the one npm forwards as one Ctrl-C and stops gracefully, exit 0', async () => {
    spawned = await spawnGroup({ SER_TEST_STOP_MS: '500' });
    process.kill(-spawned.child.pid!, 'SIGINT'); // the terminal, to the whole foreground group
    await sleep(50);
    process.kill(spawned.child.pid!, 'SIGINT'); // npm (or tsx) forwarding it to its child
    const exit = await spawned.exit;
    expect(exit, spawned.output()).toEqual({ code: 0, signal: null });
    expect(messages(spawned.output())).toEqual([
      'stopping',
      'same signal again (forwarded by npm or tsx): still stopping gracefully; send it again to exit without waiting',
      'stopped',
    ]);
  });

  it('exits at once, 130, on a deliberate second signal after the duplicate window', async () => {
    spawned = await spawnGroup({ SER_TEST_STOP_MS: '60000', SER_TEST_WINDOW_MS: '300' });
    process.kill(-spawned.child.pid!, 'SIGINT');
    await sleep(800);
    process.kill(-spawned.child.pid!, 'SIGINT');
    const exit = await spawned.exit;
    expect(exit, spawned.output()).toEqual({ code: 130, signal: null });
    expect(messages(spawned.output())).toEqual(['stopping', 'second signal: exiting without waiting']);
  });
});
