import * as tf from '@tensorflow/tfjs';
import { createLogMel } from '@ser/audio';
import { readKeptWeights, type KeptModelOfKind } from '@ser/model-artifacts';
import { createFop, createFopClassifier, loadVariables, type SavedTensors } from '@ser/models';
import { registerModelKind, type ServableModel } from './model-kinds';

// The trainer's features: the features service's log-mel front end (DEFAULT_MEL_CONFIG, no normalisation).
const logMel = createLogMel();

/** Log-mel frames [frames * nMels] of 16 kHz samples, as every FOP-based model was trained on. */
export const logMelFeatures = (samples: Float32Array): Float32Array => logMel.compute(samples).data;

/**
 * A fine-tuned FOP (pooled softmax head) from models/<run>/ (model.json and its weights file). Inputs of a batch
 * are right-padded to the longest and the pooling masked by length, so each classifies as it would alone.
 */
export function fopClassifierFromWeights(meta: Pick<KeptModelOfKind<'fop-classifier'>, 'fop' | 'classes'>, weights: SavedTensors): ServableModel {
  const fop = createFop(meta.fop);
  const classifier = createFopClassifier(fop, meta.classes.length);
  try {
    loadVariables(classifier.variables, weights);
  } catch (err) {
    classifier.dispose();
    fop.dispose();
    throw err;
  }
  const nMels = meta.fop.nMels;
  return {
    kind: 'fop-classifier',
    labels: [...meta.classes],
    featureKind: 'log-mel',
    featurize: logMelFeatures, // [frames * nMels]
    predict(inputs) {
      const lengths = inputs.map((x) => x.length / nMels);
      const longest = Math.max(...lengths);
      const padded = new Float32Array(inputs.length * longest * nMels);
      inputs.forEach((x, row) => padded.set(x, row * longest * nMels));
      return tf.tidy(() => {
        const x = tf.tensor3d(padded, [inputs.length, longest, nMels]); // [batch, frames, nMels]
        return classifier.forward(x, { training: false, lengths }).probabilities.arraySync(); // [batch, classes]
      });
    },
    dispose() {
      classifier.dispose();
      fop.dispose();
    },
  };
}

registerModelKind('fop-classifier', async (artifacts, key, model) => fopClassifierFromWeights(model, await readKeptWeights(artifacts, key, model.weights)));
