// What the inference service and its forward-pass worker threads say to each other. Every request carries an id
// and gets exactly one reply with that id; a worker handles its requests one at a time, in the order sent.
import type { BackendKind } from '@ser/tfjs-backend';

/** The files a model's loader read, by artifact key, so a worker rebuilds the same model without the store. */
export type ModelFiles = Array<[key: string, bytes: Uint8Array]>;

export type ForwardRequest =
  | { id: number; op: 'load'; modelId: string; artifactKey: string; files: ModelFiles }
  | { id: number; op: 'predict'; modelId: string; inputs: Float32Array[] }
  | { id: number; op: 'unload'; modelId: string };

/** A request before the pool numbers it. */
export type ForwardRequestBody = ForwardRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** A successful reply's payload: the probabilities of a predict, nothing for a load or an unload. */
export interface ForwardAnswer {
  probabilities?: number[][];
}

export interface ForwardFailure {
  message: string;
}

export type ForwardReply = { op: 'ready'; backend: string } | ({ id: number; ok: true } & ForwardAnswer) | ({ id: number; ok: false } & ForwardFailure);

/** What the pool hands a worker at start: the backend the service runs, so both compute alike. */
export interface ForwardWorkerData {
  backend: BackendKind;
}
