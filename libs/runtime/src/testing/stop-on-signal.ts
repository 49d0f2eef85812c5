// The smallest process with the platform's signal handling: runUntilSignal and one stoppable that takes
// SER_TEST_STOP_MS to stop. signals.spec.ts spawns it in a process group of its own.
import { createLogger } from '@ser/logging';
import { runUntilSignal } from '../signals';

const stopMs = Number(process.env['SER_TEST_STOP_MS'] ?? 300);
const duplicateWindowMs = process.env['SER_TEST_WINDOW_MS'] ? Number(process.env['SER_TEST_WINDOW_MS']) : undefined;
runUntilSignal([{ stop: () => new Promise((resolve) => setTimeout(resolve, stopMs)) }], createLogger('signal-test', { level: 'info' }), { duplicateWindowMs });
setInterval(() => undefined, 60_000); // stay up until a signal
process.stdout.write('ready\n');
