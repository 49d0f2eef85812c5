import * as tf from '@tensorflow/tfjs';
import { readKeptWeights, type KeptModelOfKind } from '@ser/model-artifacts';
import { createFop, createFopClassifier, loadVariables, type SavedTensors } from '@ser/models';
import { frontEndOf, LOG_MEL } from '../audio/front-ends';
import { registerModelKind, type ServableModel } from './model-kinds';

/** Log-mel frames [frames * nMels] of 16 kHz samples, as every FOP-based model was trained on (the features service's front end). */
export const logMelFeatures = frontEndOf(LOG_MEL);

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
    frontEnd: LOG_MEL,
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
