// A kept fop-hypercolumn-classical model (the production recipe: a frozen FOP's hypercolumns, pooled over the
// utterance, into an SVM or a random forest; representation F is the log-mel baseline with no FOP nodes) as one
// ONNX graph: fopHypercolumn, the pooling of @ser/models poolFrames over each row's real frames, then the classifier.
import type { KeptModelOfKind } from '@ser/model-artifacts';
import { decodeTensors, hypercolumnDim, type SavedTensors } from '@ser/models';
import { FOP_ONNX_IO } from './fop-classifier-onnx';
import { fopHypercolumn } from './fop-trunk-onnx';
import { forestProbabilities } from './forest-onnx';
import { OnnxGraph } from './graph-builder';
import { svmProbabilities } from './svm-onnx';

const FLOAT = 1;
const DOUBLE = 11;

type HypercolumnClassical = KeptModelOfKind<'fop-hypercolumn-classical'>;

/**
 * poolFrames over the frames t < length of each row: the mean (float64 sums, rounded to float32), and for
 * 'mean-std' then the population standard deviation around that float32 mean, as poolFrames computes them.
 * h: [batch, frames, dim] float -> [batch, dim or 2 dim] float.
 */
function pooledFrames(g: OnnxGraph, h: string, lengths: string, pooling: HypercolumnClassical['pooling']): string {
  const frames = g.op('Gather', [g.op('Shape', [h]), g.constant([1], [], 'int64')], { axis: 0 });
  const positions = g.op('Range', [g.constant([0], [], 'int64'), frames, g.constant([1], [], 'int64')]); // [frames]
  const real = g.op('Less', [g.op('Unsqueeze', [positions, g.constant([0], [1], 'int64')]), g.op('Unsqueeze', [lengths, g.constant([1], [1], 'int64')])]); // [batch, frames]
  const mask = g.op('Unsqueeze', [g.op('Cast', [real], { to: DOUBLE }), g.constant([2], [1], 'int64')]); // [batch, frames, 1]
  const count = g.op('Unsqueeze', [g.op('Cast', [lengths], { to: DOUBLE }), g.constant([1], [1], 'int64')]); // [batch, 1]
  const values = g.op('Cast', [h], { to: DOUBLE });
  const sumOverFrames = (x: string) => g.op('ReduceSum', [g.op('Mul', [x, mask]), g.constant([1], [1], 'int64')], { keepdims: 0 }); // [batch, dim]
  const mean = g.op('Cast', [g.op('Div', [sumOverFrames(values), count])], { to: FLOAT });
  if (pooling === 'mean') return mean;
  const centred = g.op('Sub', [values, g.op('Unsqueeze', [g.op('Cast', [mean], { to: DOUBLE }), g.constant([1], [1], 'int64')])]);
  const std = g.op('Cast', [g.op('Sqrt', [g.op('Div', [sumOverFrames(g.op('Mul', [centred, centred])), count])])], { to: FLOAT });
  return g.op('Concat', [mean, std], { axis: 1 });
}

/**
 * The graph of a fop-hypercolumn-classical model: features [batch, frames, nMels] (right-padded log-mel frames) and
 * lengths [batch] (int64) in; probabilities [batch, classes] out (the name of that value), as the inference service
 * computes them: the forest's mean leaf distribution, an SVM's Platt estimates, or an SVM's vote at probability 1.
 */
export function buildHypercolumnClassicalGraph(model: HypercolumnClassical, fopWeights: SavedTensors): { graph: OnnxGraph; probabilities: string } {
  const g = new OnnxGraph();
  const config = model.fop.config;
  const hypercolumns = fopHypercolumn(g, decodeTensors(fopWeights), config, FOP_ONNX_IO.features, model.representation); // [batch, frames, dim]
  const pooled = pooledFrames(g, hypercolumns, FOP_ONNX_IO.lengths, model.pooling);
  const features = (model.pooling === 'mean-std' ? 2 : 1) * hypercolumnDim(config, model.representation);
  const classifier = model.classifier;
  const width = classifier.kind === 'svm' ? classifier.standardizer.mean.length : null;
  if (width !== null && width !== features)
    throw new Error(`the SVM reads ${width} features; ${model.representation} pooled by ${model.pooling} gives ${features}`);
  const probabilities =
    classifier.kind === 'svm'
      ? svmProbabilities(g, classifier, pooled, model.classes.length)
      : forestProbabilities(g, classifier, pooled, model.classes.length);
  return { graph: g, probabilities };
}
