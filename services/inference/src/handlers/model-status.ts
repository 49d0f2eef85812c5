import * as tf from '@tensorflow/tfjs';
import type { GetModelStatusRequest__Output, GetModelStatusResponse } from '@ser/contracts';
import type { ModelHost } from '../models/model-host';

/** GetModelStatus: loaded versions, their aliases, warmth and counters; a selector narrows it to one model. */
export function modelStatus(host: ModelHost, req: GetModelStatusRequest__Output): GetModelStatusResponse {
  const s = req.model;
  const models = host
    .status()
    .filter(({ version, aliases }) => {
      if (!s?.name) return true;
      if (version.name !== s.name) return false;
      if (s.target === 'version' && s.version) return String(version.version) === s.version;
      if (s.target === 'alias' && s.alias) return aliases.includes(s.alias);
      return true;
    })
    .map(({ version, aliases }) => ({
      model: { name: version.name, version: String(version.version) },
      aliases,
      warm: version.warm,
      loadedAtMs: version.loadedAt,
      backend: tf.getBackend(),
      predictionsServed: version.predictionsServed,
      batchesBySize: Object.fromEntries(version.batchesBySize),
    }));
  return { models };
}
