export { specToPng, specToSvg } from './render';
export { confusionMatrixPng, confusionMatrixSpec, type ConfusionInput } from './confusion';
export { tsne2d, tsnePng, tsneScatterSpec, type ScatterPanel, type TsneOptions } from './tsne';
