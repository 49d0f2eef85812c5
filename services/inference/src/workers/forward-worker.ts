// A forward-pass worker thread of the inference service: it starts the service's TensorFlow.js backend, rebuilds
// each model from the files the service's own load read (the same loaders, so the same model), and answers
// predictions, so the forward passes run off the service's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { initTfjs } from '@ser/tfjs-backend';
import { loadServableModel, type ServableModel } from '../models/model-kinds';
import '../models/fop-classifier'; // registers the kinds the service serves, as model-host.ts does
import '../models/hypercolumn-model';
import '../models/sequence-model';
import type { ForwardReply, ForwardRequest, ForwardWorkerData } from './forward-messages';
import { readOnlyArtifacts } from './recorded-artifacts';

const port = parentPort;
if (!port) throw new Error('forward-worker.ts must run in a worker thread');
const { backend } = workerData as ForwardWorkerData;
const models = new Map<string, ServableModel>();

async function handle(request: ForwardRequest): Promise<number[][] | undefined> {
  switch (request.op) {
    case 'load': {
      const model = await loadServableModel(readOnlyArtifacts(request.files), request.artifactKey);
      models.get(request.modelId)?.dispose();
      models.set(request.modelId, model);
      return undefined;
    }
    case 'predict': {
      const model = models.get(request.modelId);
      if (!model) throw new Error(`model ${request.modelId} is not loaded in this worker`);
      return await model.predict(request.inputs);
    }
    case 'unload':
      models.get(request.modelId)?.dispose();
      models.delete(request.modelId);
      return undefined;
  }
}

const reply = (m: ForwardReply) => port.postMessage(m);
const runtime = await initTfjs({ prefer: backend });
// One request at a time, in order: a predict sent after a load finds the model loaded.
let queue = Promise.resolve();
port.on('message', (request: ForwardRequest) => {
  queue = queue.then(async () => {
    try {
      reply({ id: request.id, ok: true, probabilities: await handle(request) });
    } catch (err) {
      reply({ id: request.id, ok: false, message: err instanceof Error ? err.message : String(err) });
    }
  });
});
reply({ op: 'ready', backend: runtime.backend });
