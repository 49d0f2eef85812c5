/** torch.hann_window(length, periodic): 0.5 - 0.5 cos(2 pi n / length), the STFT window. */
export function hannWindow(length: number, periodic = true): Float64Array {
  const denominator = periodic ? length : length - 1;
  const out = new Float64Array(length);
  if (length === 1) {
    out[0] = 1;
    return out;
  }
  for (let n = 0; n < length; n++) out[n] = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / denominator);
  return out;
}

/** Index into a signal of length n reflected at both ends without repeating the edge (numpy 'reflect'). */
export function reflectIndex(i: number, n: number): number {
  if (n === 1) return 0;
  const period = 2 * (n - 1);
  const r = ((i % period) + period) % period;
  return r < n ? r : period - r;
}

/**
 * The signal with `pad` reflected samples on each side (repeats the reflection for very short
 * input), written into `into` when given (it must hold signal.length + 2 pad samples).
 */
export function reflectPad(signal: Float32Array, pad: number, into?: Float32Array): Float32Array {
  const n = signal.length;
  const out = into ? into.subarray(0, n + 2 * pad) : new Float32Array(n + 2 * pad);
  out.set(signal, pad);
  for (let i = 0; i < pad; i++) {
    out[i] = signal[reflectIndex(i - pad, n)]!;
    out[pad + n + i] = signal[reflectIndex(n + i, n)]!;
  }
  return out;
}
