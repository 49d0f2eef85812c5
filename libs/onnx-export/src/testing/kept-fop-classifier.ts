// A kept fop-classifier for specs that export or serve one: the write a classifier run makes, on a small seeded model.
import * as tf from '@tensorflow/tfjs';
import type { ArtifactStore } from '@ser/artifacts';
import { writeKeptModel } from '@ser/model-artifacts';
import { createFopClassifier, saveVariables, type FopClassifier, type FopModel } from '@ser/models';

/**
 * A classifier over `fop` with its head seeded `seed`, kept at `key` (run id: the key's last part). The head is
 * sharpened (x4) so the probabilities are far from uniform, not saturated either: a wrong op in an export shows.
 */
export async function keepSharpFopClassifier(artifacts: ArtifactStore, key: string, fop: FopModel, classes: string[], seed: number): Promise<FopClassifier> {
  const classifier = createFopClassifier(fop, classes.length, seed);
  classifier.variables['head.kernel']!.assign(tf.mul(classifier.variables['head.kernel']!, 4));
  await writeKeptModel(artifacts, key, {
    kind: 'fop-classifier',
    classes,
    fop: fop.config,
    weights: saveVariables(classifier.variables),
    bestEpoch: 1,
    lineage: { runId: key.split('/').pop()!, datasetVersionId: 'dv-1', pretrainedCheckpointId: null },
  });
  return classifier;
}
