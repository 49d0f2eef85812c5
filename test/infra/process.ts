// Process and port helpers shared by the infrastructure starters (Kafka, PostgreSQL) and the system tests.
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

// Below Linux's ephemeral range (32768-60999): the kernel hands those to every outgoing connection (Kafka clients,
// PostgreSQL pools), so a port probed free there could be taken as a local port before the child binds it (CI saw
// EADDRINUSE). Here only other test workers pick, at random, and never twice in one process.
const PORT_FLOOR = 20_000;
const PORT_CEILING = 32_767;
const handedOut = new Set<number>();

/** A loopback port that was free a moment ago (for servers in child processes, which cannot report port 0 back). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = PORT_FLOOR + Math.floor(Math.random() * (PORT_CEILING - PORT_FLOOR + 1));
    if (handedOut.has(port)) continue;
    if (await canListen(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free loopback port between ${PORT_FLOOR} and ${PORT_CEILING} after 200 tries`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Sends `signal` (the server's graceful shutdown), then SIGKILL if it has not exited within graceMs. */
export async function terminate(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** fn at most once: every later call gets the first call's promise. */
export function once(fn: () => Promise<void>): () => Promise<void> {
  let pending: Promise<void> | null = null;
  return () => (pending ??= fn());
}
