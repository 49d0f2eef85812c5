// A speed probe of the paper's FOP on the active tfjs backend: the training step (batch 32 x 200 frames, Adam,
// L1 next-frame loss, dropout on) through the shared trainLoop, and inference on 1 x 500 frames. Used by
// test/bench/fop.ts (side by side with PyTorch) and `ser bench fop-train|fop-infer`.
import * as tf from '@tensorflow/tfjs';
import { createFop, fopNextFrameLoss } from '../fop';
import { countParameters } from '../layers/variables';
import { createAdam } from '../training/optimizer-state';
import { trainLoop } from '../training/train-loop';

export const [BATCH, FRAMES, INFER_FRAMES, N_MELS] = [32, 200, 500, 80];

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Forward FLOPs per the peer's own count, so both sides report GFLOP/s on the same work. */
export function forwardFlops(batch: number, frames: number): number {
  const [d, ff, layers] = [256, 513, 2];
  const perFrame = 2 * N_MELS * d + layers * (4 * 2 * d * d + 2 * 2 * frames * d + 2 * 2 * d * ff) + 2 * d * N_MELS;
  return perFrame * batch * frames;
}

function seededFrames(shape: [number, number, number], seed: number): tf.Tensor3D {
  let s = seed >>> 0;
  const values = new Float32Array(shape[0] * shape[1] * shape[2]);
  for (let i = 0; i < values.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    values[i] = s / 2 ** 31 - 1;
  }
  return tf.tensor3d(values, shape);
}

export interface Measured {
  trainMs: number[];
  inferMs: number[];
}

/** The FOP, Adam and inputs, kept across rounds so only the first round pays for warmup. */
export function createFopSpeedProbe(log: (line: string) => void = () => {}) {
  const fop = createFop({}, 0);
  const optimizer = createAdam();
  const x = seededFrames([BATCH, FRAMES, N_MELS], 1);
  const xi = seededFrames([1, INFER_FRAMES, N_MELS], 2);
  let step = 0;

  async function train(count: number, label: string): Promise<number[]> {
    const stepMs: number[] = [];
    let last = performance.now();
    const result = await trainLoop({
      variables: fop.variables,
      optimizer,
      batches: Array.from({ length: count }, () => x),
      lossFn: (batch, context) => fopNextFrameLoss(fop, batch, context),
      epochs: 1,
      startStep: step,
      hooks: {
        onBatchEnd: ({ step: s, loss }) => {
          const now = performance.now();
          stepMs.push(now - last);
          log(`${label} step ${s}: ${(now - last).toFixed(0)} ms, loss ${loss.toFixed(4)}`);
          last = now;
        },
      },
    });
    step = result.steps;
    return stepMs;
  }

  async function infer(count: number): Promise<number[]> {
    const ms: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      const { prediction, hidden, embedded } = fop.forward(xi, { training: false });
      await prediction.data();
      tf.dispose([prediction, embedded, ...hidden]);
      ms.push(performance.now() - start);
    }
    return ms;
  }

  const dispose = () => {
    tf.dispose([x, xi]);
    optimizer.dispose();
    fop.dispose();
  };
  return { params: countParameters(fop.variables), train, infer, dispose };
}

export const summarise = (m: Measured) => {
  const trainMedianMs = median(m.trainMs);
  const infMedianMs = median(m.inferMs);
  return {
    trainMedianMs,
    trainGflops: (3 * forwardFlops(BATCH, FRAMES)) / (trainMedianMs / 1e3) / 1e9,
    infMedianMs,
    infGflops: forwardFlops(1, INFER_FRAMES) / (infMedianMs / 1e3) / 1e9,
  };
};
