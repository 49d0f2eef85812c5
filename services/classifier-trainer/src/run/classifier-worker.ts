// A classifier run in its own thread, so the service keeps answering gRPC (health, watch, cancel) while
// TensorFlow.js computes. Talks to the service only by messages; the method's registry entry does the work.
import { parentPort, workerData } from 'node:worker_threads';
import { createArtifactStore } from '@ser/artifacts';
import { initTfjs } from '@ser/tfjs-backend';
import { methodFor } from '../methods';
import type { ClassifierJobEvents } from './job-events';
import type { ClassifierWorkerData, WorkerMessage } from './worker-data';

const data = workerData as ClassifierWorkerData;
const port = parentPort!;
let cancelled = false;
port.on('message', (m: { type: string }) => {
  if (m.type === 'cancel') cancelled = true;
});
const post = (m: WorkerMessage) => port.postMessage(m);

try {
  const { backend } = await initTfjs();
  post({ type: 'started', backend });
  const events: ClassifierJobEvents = {
    shouldCancel: () => cancelled,
    onEpoch: (e) => post({ type: 'epoch', ...e }),
    onFold: (f) => post({ type: 'fold', ...f }),
    onModelSaved: (m) => post({ type: 'model', ...m }),
  };
  const evaluation = await methodFor(data.method).run(
    { runId: data.runId, config: data.config, data: data.data, artifacts: createArtifactStore(data.artifactStore) },
    events,
  );
  post({ type: 'done', evaluation });
} catch (err) {
  post({ type: 'failed', message: (err as Error).stack ?? String(err) });
}
