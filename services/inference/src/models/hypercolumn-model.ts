// Serving the models hypercolumn runs keep (@ser/model-artifacts' hypercolumn schemas have the format): the
// frozen FOP's hypercolumns of the utterance's log-mel frames (batchHypercolumns, shared with the trainer), then
// either an SVM / random forest on their mean over time, or the attention-LSTM on the z-scored sequence.
import * as tf from '@tensorflow/tfjs';
import { loadClassicalClassifier } from '@ser/classical';
import { readKeptWeights, type KeptModelOfKind } from '@ser/model-artifacts';
import { batchHypercolumns, createAttentionLstm, createFop, hypercolumnDim, loadVariables, poolFrames, type FopModel } from '@ser/models';
import { LOG_MEL } from '../audio/front-ends';
import { logMelFeatures } from './fop-classifier';
import { registerModelKind, type ServableModel } from './model-kinds';
import { disposeOnFailure, standardizeRows } from './model-files';

type HypercolumnManifest = KeptModelOfKind<'fop-hypercolumn-classical' | 'fop-hypercolumn-attention-lstm'>;

/** The servable parts every hypercolumn model shares; `classify` turns a batch's hypercolumns into probabilities. */
function hypercolumnModel(
  meta: HypercolumnManifest,
  fop: FopModel,
  classify: (sequences: Float32Array[], dim: number) => number[][],
  release: () => void,
): ServableModel {
  const nMels = meta.fop.config.nMels;
  const dim = hypercolumnDim(meta.fop.config, meta.representation);
  return {
    kind: meta.kind,
    labels: [...meta.classes],
    featureKind: 'log-mel',
    frontEnd: LOG_MEL,
    featurize: logMelFeatures,
    predict(inputs) {
      const frames = inputs.map((x) => x.length / nMels); // whole utterances, as the trainer evaluates them
      return classify(batchHypercolumns(fop, inputs, frames, meta.representation), dim);
    },
    dispose() {
      release();
      fop.dispose();
    },
  };
}

async function loadFrozenFop(artifacts: Parameters<typeof readKeptWeights>[0], key: string, meta: HypercolumnManifest): Promise<FopModel> {
  const weights = await readKeptWeights(artifacts, key, meta.fop.weights);
  const fop = createFop(meta.fop.config);
  return disposeOnFailure([fop], () => {
    loadVariables(fop.variables, weights);
    return fop;
  });
}

/**
 * SVM / forest on the pooled hypercolumns (mean, or mean and standard deviation), with the class probabilities whose
 * argmax the trainer evaluated: the forest's mean leaf distribution, an SVM's Platt estimates when trained with
 * `svm.probability` (it then predicts their argmax). An SVM trained without gives its decision at probability 1.
 */
registerModelKind('fop-hypercolumn-classical', async (artifacts, key, meta) => {
  const fop = await loadFrozenFop(artifacts, key, meta);
  const classifier = disposeOnFailure([fop], () => loadClassicalClassifier(meta.classifier));
  const classify = (sequences: Float32Array[], dim: number) => {
    const pooled = sequences.map((s) => poolFrames(s, dim, meta.pooling));
    const probabilities = classifier.predictProbability(pooled);
    if (!probabilities) return classifier.predict(pooled).map((predicted) => meta.classes.map((_, c) => (c === predicted ? 1 : 0)));
    const column = new Map(classifier.labels().map((label, j) => [label, j]));
    return probabilities.map((row) => meta.classes.map((_, c) => (column.has(c) ? row[column.get(c)!]! : 0)));
  };
  return hypercolumnModel(meta, fop, classify, () => classifier.dispose());
});

/** The attention-LSTM on the whole utterance's hypercolumns (as the trainer evaluates it), z-scored with the training statistics. */
registerModelKind('fop-hypercolumn-attention-lstm', async (artifacts, key, meta) => {
  const fop = await loadFrozenFop(artifacts, key, meta);
  const weights = await readKeptWeights(artifacts, key, meta.attentionLstm.weights).catch((err: unknown) => {
    fop.dispose();
    throw err;
  });
  const lstm = disposeOnFailure([fop], () => createAttentionLstm(meta.attentionLstm.config));
  disposeOnFailure([fop, lstm], () => loadVariables(lstm.variables, weights));
  const classify = (sequences: Float32Array[], dim: number) => {
    const lengths = sequences.map((s) => s.length / dim);
    const longest = Math.max(...lengths);
    const x = new Float32Array(sequences.length * longest * dim); // right-padded; the LSTM masks by length
    sequences.forEach((s, row) => x.set(standardizeRows(s, meta.standardizer, dim), row * longest * dim));
    return tf.tidy(() => lstm.forward(tf.tensor3d(x, [sequences.length, longest, dim]), { training: false, lengths }).probabilities.arraySync()); // [batch, classes]
  };
  return hypercolumnModel(meta, fop, classify, () => lstm.dispose());
});
