import { ExperimentError, type ExperimentHooks } from '@ser/experiments';
import { CliError } from '../cli-error';
import { progressBar } from '../progress';

/** Hooks that draw one progress bar per run on stderr and print each run's outcome; `stop` clears the bars. */
export function progressHooks(): { hooks: ExperimentHooks; stop(): void } {
  const bars = new Map<string, ReturnType<typeof progressBar>>();
  return {
    hooks: {
      onNote: (line) => process.stderr.write(`${line}\n`),
      onRunProgress(label, fraction) {
        if (!bars.has(label)) bars.set(label, progressBar(label));
        bars.get(label)!.update(Math.round(fraction * 100), 100);
      },
      onRunEnd(label, outcome) {
        bars.get(label)?.stop();
        process.stderr.write(`${label}: ${outcome}\n`);
      },
    },
    stop: () => bars.forEach((bar) => bar.stop()),
  };
}

/** An experiment's failure as the CLI says it: a CliError for what the user can act on, anything else unchanged. */
export function asCliFailure(err: unknown, where: string): unknown {
  if (err instanceof ExperimentError) return new CliError(err.message);
  if ((err as { code?: number }).code === 14) return new CliError(`a service is not reachable (${where}): ${(err as Error).message}`);
  return err;
}
