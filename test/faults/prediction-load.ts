// Concurrent Predict clients for the inference fault test: each answer is compared with the answer a healthy server
// gave for the same clip, and every failure is counted by its gRPC status code.
import type { InferenceServiceClient, Prediction__Output } from '@ser/contracts';
import { callUnary, GrpcStatus } from '@ser/grpc-kit';

export interface Answer {
  label: string;
  probabilities: number[];
}

export interface LoadTally {
  requests: number;
  answered: number;
  /** Answers that differ from the healthy server's for the same clip. */
  wrong: number;
  /** Failed requests by gRPC status name (UNAVAILABLE is the retriable one). */
  failures: Record<string, number>;
  /** When the last answer came (ms since epoch). */
  lastAnswerAt: number;
}

const TOLERANCE = 1e-4;

export function toAnswer(p: Prediction__Output | null | undefined): Answer {
  return { label: p?.label ?? '', probabilities: (p?.classProbabilities ?? []).map((c) => c.probability) };
}

export function sameAnswer(a: Answer, b: Answer): boolean {
  return (
    a.label === b.label && a.probabilities.length === b.probabilities.length && a.probabilities.every((p, i) => Math.abs(p - b.probabilities[i]!) <= TOLERANCE)
  );
}

/**
 * Runs `concurrency` client loops over the clips until stop() is called; a failed request is followed by a short
 * pause (a client's backoff) and the next clip.
 */
export function startLoad(
  client: InferenceServiceClient,
  clips: Buffer[],
  expected: Answer[],
  concurrency: number,
): { tally: LoadTally; stop(): Promise<LoadTally> } {
  const tally: LoadTally = { requests: 0, answered: 0, wrong: 0, failures: {}, lastAnswerAt: 0 };
  let running = true;
  const loop = async (worker: number) => {
    for (let i = worker; running; i += concurrency) {
      const clip = i % clips.length;
      tally.requests++;
      try {
        const { prediction } = await callUnary(client, 'Predict', { audio: { content: clips[clip]! }, recordOptOut: true }, { deadlineMs: 20_000 });
        tally.answered++;
        tally.lastAnswerAt = Date.now();
        if (!sameAnswer(toAnswer(prediction), expected[clip]!)) tally.wrong++;
      } catch (err) {
        const code = (err as { code?: number }).code ?? -1;
        const name = (GrpcStatus as unknown as Record<number, string>)[code] ?? `code ${code}`;
        tally.failures[name] = (tally.failures[name] ?? 0) + 1;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  const loops = Array.from({ length: concurrency }, (_, w) => loop(w));
  return {
    tally,
    async stop() {
      running = false;
      await Promise.all(loops);
      return tally;
    },
  };
}
