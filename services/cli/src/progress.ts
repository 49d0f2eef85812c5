import { SingleBar, Presets } from 'cli-progress';

/** A progress bar on stderr when it is a terminal; otherwise occasional plain lines (CI logs, pipes). */
export function progressBar(label: string): { update(done: number, total: number): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      { format: `${label} [{bar}] {percentage}% {value}/{total} {eta_formatted}`, stream: process.stderr, hideCursor: true },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) bar.start(total, done);
        started = true;
        bar.setTotal(total);
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastPercent = -10;
  return {
    update(done, total) {
      const percent = total ? Math.floor((100 * done) / total) : 0;
      if (percent >= lastPercent + 10 || done === total) {
        lastPercent = percent;
        process.stderr.write(`${label}: ${done}/${total} (${percent}%)\n`);
      }
    },
    stop() {},
  };
}
