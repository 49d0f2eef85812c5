export interface StreamWindow {
  index: number;
  startSeconds: number;
  endSeconds: number;
  /** The window's samples at the stream's rate. */
  samples: Float32Array;
}

/**
 * Cuts a live mono signal into windows of `windowSamples`, one every `hopSamples`, as chunks arrive. Only
 * complete windows come out; samples no later window needs are dropped, so memory stays at one window.
 */
export class StreamWindows {
  private buffer = new Float32Array(0);
  /** Stream position (in samples) of buffer[0]. */
  private bufferStart = 0;
  private nextIndex = 0;

  constructor(
    private readonly rate: number,
    private readonly windowSamples: number,
    private readonly hopSamples: number,
  ) {
    if (windowSamples < 1 || hopSamples < 1) throw new RangeError('window and hop must be at least one sample');
  }

  push(chunk: Float32Array): StreamWindow[] {
    const joined = new Float32Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    this.buffer = joined;
    const out: StreamWindow[] = [];
    for (;;) {
      const start = this.nextIndex * this.hopSamples;
      const offset = start - this.bufferStart;
      if (offset < 0 || offset + this.windowSamples > this.buffer.length) {
        // With hop > window the next start may lie beyond what has arrived: drop up to what has arrived.
        const drop = Math.max(0, Math.min(offset, this.buffer.length));
        this.buffer = this.buffer.slice(drop);
        this.bufferStart += drop;
        return out;
      }
      out.push({
        index: this.nextIndex,
        startSeconds: start / this.rate,
        endSeconds: (start + this.windowSamples) / this.rate,
        samples: this.buffer.slice(offset, offset + this.windowSamples),
      });
      this.nextIndex++;
    }
  }
}
