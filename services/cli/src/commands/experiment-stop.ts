// Ctrl-C or SIGTERM in the middle of `ser experiment`: the platform stops cleanly (an embedded store killed in the
// middle of a write may not open again), the runs cut short are not written as failed results, and the user learns
// how to resume. The partial results (results.partial.json) already hold every finished pre-training and cell.
import { join } from 'node:path';
import type { RunKind } from '@ser/events';
import {
  cancelRun,
  PARTIAL_RESULTS_FILE,
  runExperiment,
  writePartialResults,
  type ExecuteOptions,
  type ExperimentHooks,
  type ExperimentPlan,
  type ExperimentResults,
} from '@ser/experiments';
import { CliError } from '../cli-error';
import type { ExperimentSystem } from './experiment-system';
import { asCliFailure, progressHooks } from './run-progress';

/** Exit code of a command stopped by a signal (128 + SIGINT's number, as shells report it). */
const STOPPED_EXIT_CODE = 130;
/** How long cancelling one run in flight may take before the stop goes on without it. */
const CANCEL_DEADLINE_MS = 10_000;

export class ExperimentStop {
  private signal: NodeJS.Signals | null = null;
  private closing: Promise<void> | null = null;
  /** Runs started and not yet ended, by label: cancelled when the experiment stops before they end. */
  private readonly inFlight = new Map<string, { runId: string; kind: RunKind }>();
  private readonly onSignal = (signal: NodeJS.Signals) => {
    if (this.signal) return;
    this.signal = signal;
    this.progress.stop();
    process.stderr.write(`\n${signal}: stopping. ${this.howToResume()}\n`);
    setTimeout(() => process.exit(STOPPED_EXIT_CODE), 60_000).unref(); // a service that will not stop must not hold the terminal
    void this.close(); // the runs in flight then fail fast, and the experiment returns
  };

  constructor(
    private readonly outDir: string,
    private readonly system: ExperimentSystem,
    private readonly progress: { stop(): void },
  ) {
    // on(), not once(): a repeat (npm and tsx forward the terminal's signal, a library re-raises it) must find a
    // listener, or Node's default action kills the process halfway through the stop.
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  /**
   * The progress hooks plus keeping the partial results in the output folder as the experiment goes (failing to keep
   * them stops nothing), all silent once stopped: runs cut short by the stop are neither reported nor kept as failed.
   */
  hooks(progress: ExperimentHooks): ExperimentHooks {
    const guarded = this.guard({
      ...progress,
      onPartialResults: (partial) =>
        writePartialResults(this.outDir, partial).then(
          () => undefined,
          (err: Error) => void process.stderr.write(`could not keep partial results in ${this.outDir}: ${err.message}\n`),
        ),
    });
    // Tracked even after a signal (the guard silences only what the user sees).
    return {
      ...guarded,
      onRunStart: (label, runId, kind) => {
        this.inFlight.set(label, { runId, kind });
        guarded.onRunStart?.(label, runId, kind);
      },
      onRunEnd: (label, outcome) => {
        this.inFlight.delete(label);
        guarded.onRunEnd?.(label, outcome);
      },
    };
  }

  private guard(hooks: ExperimentHooks): ExperimentHooks {
    const live = <A extends unknown[], R>(fn: ((...args: A) => R) | undefined) => fn && ((...args: A) => (this.signal ? undefined : fn(...args)));
    return {
      onNote: live(hooks.onNote),
      onRunStart: live(hooks.onRunStart),
      onRunProgress: live(hooks.onRunProgress),
      onRunEnd: live(hooks.onRunEnd),
      onPartialResults: live(hooks.onPartialResults),
    };
  }

  /** After a signal: the error that ends the command with exit code 130 instead of results. */
  throwIfStopped(): void {
    if (this.signal) throw new CliError(`stopped by ${this.signal}. ${this.howToResume()}`, STOPPED_EXIT_CODE);
  }

  /**
   * Closes the system once, whoever asks first (the signal or the command's end), after cancelling the runs still in
   * flight: left queued or running, a trainer would recover them at its next start and train them ahead of the
   * resumed experiment's own runs (which start them afresh anyway).
   */
  close(): Promise<void> {
    this.closing ??= this.cancelInFlight().then(() => this.system.close());
    return this.closing;
  }

  private async cancelInFlight(): Promise<void> {
    const reason = `ser experiment stopped${this.signal ? ` by ${this.signal}` : ''}`;
    for (const [label, { runId, kind }] of this.inFlight) {
      const outcome = await cancelRun(this.system.backend, kind, runId, reason, CANCEL_DEADLINE_MS).then(
        () => 'cancelled',
        (err: Error) => `could not be cancelled (${err.message}); its trainer may train it to the end`,
      );
      process.stderr.write(`${label}: run ${runId} ${outcome}\n`);
    }
    this.inFlight.clear();
  }

  remove(): void {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }

  private howToResume(): string {
    return `Finished runs are kept in ${join(this.outDir, PARTIAL_RESULTS_FILE)}; resume with --reuse ${this.outDir} --out ${this.outDir}`;
  }
}

/**
 * Runs `plan` on `system` as a command the user can stop: progress lines, partial results kept in `outDir`, Ctrl-C
 * or SIGTERM ending it with exit 130 and the resume command. `finish` gets the complete results while the system is
 * still up (figures may need it); the system is closed in every case.
 */
export async function runStoppableExperiment(
  plan: ExperimentPlan,
  system: ExperimentSystem,
  outDir: string,
  options: Omit<ExecuteOptions, 'hooks'>,
  finish: (results: ExperimentResults) => Promise<void>,
): Promise<void> {
  const progress = progressHooks();
  const stop = new ExperimentStop(outDir, system, progress);
  try {
    const results = await runExperiment(plan, system.backend, { ...options, hooks: stop.hooks(progress.hooks) });
    stop.throwIfStopped();
    await finish(results);
  } catch (err) {
    stop.throwIfStopped();
    throw asCliFailure(err, system.description);
  } finally {
    stop.remove();
    progress.stop();
    await stop.close();
  }
}
