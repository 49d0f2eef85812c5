// The classifier methods by name: the one place a run's `method` is looked up. A new method is a folder beside
// these with its config schema in the union of run/classifier-config.ts and one line here.
import { fineTuneMethod } from './fine-tune';
import { hypercolumnsMethod } from './hypercolumns';
import type { ClassifierMethod, ClassifierMethodName } from './method';
import { sequenceMethod } from './sequence';

export type { ClassifierMethodName, ConfigOf, MethodData, WorkerDataset } from './method';

const CLASSIFIER_METHODS: { [M in ClassifierMethodName]: ClassifierMethod<M> } = {
  'fop-fine-tune': fineTuneMethod,
  'fop-hypercolumns': hypercolumnsMethod,
  'sequence-model': sequenceMethod,
};

/**
 * The registry entry of a method. Called with a config's union-typed `method`, it takes that union's configs and
 * data; the cast states what the mapped type above guarantees but TypeScript cannot correlate.
 */
export function methodFor<M extends ClassifierMethodName>(method: M): ClassifierMethod<M> {
  return CLASSIFIER_METHODS[method] as unknown as ClassifierMethod<M>;
}
