// A terminal's Ctrl-C goes to every process of the foreground process group, and npm forwards it once
// more to its child, so the platform gets SIGINT twice within milliseconds (tsx's CLI, between npm and
// node in `npm start`, relays the forwarded one). The platform must take both as one Ctrl-C: stop
// gracefully and exit 0. The platform runs here as `node --import tsx` (no tsx CLI parent): the tsx CLI
// SIGKILLs its child when the child has not confirmed a relayed signal within 30 ms, which a loaded
// machine cannot promise, so a test through it would measure the machine, not the platform.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSerProto, type InferenceServiceClient } from '@ser/contracts';
import { closeClient, createClient } from '@ser/grpc-kit';
import { freePort } from '../infra/process';

const SERVICES = ['features', 'fopPretrainer', 'vqvaePretrainer', 'classifierTrainer', 'inference', 'gateway'];

interface GroupLeader {
  child: ChildProcess;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The all-in-one platform as the leader of a process group of its own, as a terminal runs a foreground job. */
async function startPlatform(dataDir: string, ports: Record<string, number>): Promise<GroupLeader> {
  const args = ['--import', 'tsx', 'services/all-in-one/src/main.ts', ...SERVICES.map((s) => `--ports.${s}=${ports[s]}`)];
  const env = { ...process.env, SER_DATA_DIR: dataDir, SER_SEED_DEMO: 'false', SER_LOG_LEVEL: 'info' };
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => out.includes('SER platform ready: GraphQL') && resolve()); // the banner: Ctrl-C is handled from here on
    void exit.then(({ code }) => reject(new Error(`platform exited with ${code} before it was ready: ${out}`)));
  });
  return { child, output: () => out, exit };
}

/** Log lines (pino JSON) whose msg is `msg`. */
const logged = (output: string, msg: string) => output.split('\n').filter((line) => line.startsWith('{') && line.includes(`"msg":"${msg}"`));

describe('Ctrl-C on the all-in-one platform', () => {
  let dataDir: string;
  const ports: Record<string, number> = {};
  let platform: GroupLeader | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-ctrl-c-'));
    for (const s of SERVICES) ports[s] = await freePort();
  });
  afterAll(() => {
    if (platform?.child.pid && platform.child.exitCode === null) process.kill(-platform.child.pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('SIGINT to the whole process group, then forwarded by npm, stops the platform gracefully and exits 0', async () => {
    platform = await startPlatform(dataDir, ports);
    const pid = platform.child.pid!;
    const { exit, output } = platform;
    const outputHas = (text: string) =>
      Promise.race([
        new Promise<void>((resolve) => {
          const check = () => output().includes(text) && resolve();
          platform!.child.stdout!.on('data', check);
          check();
        }),
        exit.then((e) => Promise.reject(new Error(`platform exited (${JSON.stringify(e)}) before logging "${text}": ${output()}`))),
      ]);
    // A client mid-stream holds the graceful stop open (gRPC lets in-flight calls finish) until it hangs up.
    const inference = createClient<InferenceServiceClient>(loadSerProto().grpc.ser.v1.InferenceService, `127.0.0.1:${ports.inference}`, { deadlineMs: 120_000 });
    const stream = inference.PredictStream();
    stream.on('error', () => undefined); // cancelled below
    stream.on('data', () => undefined);
    stream.write({ config: { encoding: 'AUDIO_ENCODING_PCM_S16LE', sampleRateHz: 16000, channels: 1, windowSeconds: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the call reaches the server

    process.kill(-pid, 'SIGINT'); // the terminal's Ctrl-C, to every process of the foreground group
    await outputHas('"msg":"stopping"'); // handled: the kernel cannot merge the two into one pending signal
    process.kill(pid, 'SIGINT'); // npm's signal forwarding to its child, while the platform stops
    await outputHas('same signal again');
    stream.cancel();
    closeClient(inference);
    expect(await exit, output()).toEqual({ code: 0, signal: null });
    expect(output()).not.toContain('exiting without waiting');
    expect(logged(output(), 'stopping'), output()).toHaveLength(1);
    expect(logged(output(), 'stopped'), output()).toHaveLength(1);
  }, 120_000);
});
