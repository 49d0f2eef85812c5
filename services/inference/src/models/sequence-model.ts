// Serving the model a sequence-model run keeps (@ser/model-artifacts' sequenceModelSchema has the format):
// the whole utterance's 32x129 spectrogram segments, as the trainer evaluates it (@ser/audio's TACN front end with the run's
// hop), z-scored per bin, through the CNN (+ the frozen VQ-VAE's latents fused in) and the sequence model.
import * as tf from '@tensorflow/tfjs';
import { readKeptWeights, type KeptModelOfKind } from '@ser/model-artifacts';
import { createSequenceNetwork, createVqvae, loadVariables, type VqvaeModel } from '@ser/models';
import { frontEndOf, type FrontEndSpec } from '../audio/front-ends';
import { registerModelKind, type ServableModel } from './model-kinds';
import { disposeOnFailure, standardizeRows } from './model-files';

type SequenceModelManifest = KeptModelOfKind<'sequence-model'>;

registerModelKind('sequence-model', async (artifacts, key, meta) => {
  const weights = await readKeptWeights(artifacts, key, meta.weights);
  const vqvaeWeights = meta.vqvae ? await readKeptWeights(artifacts, key, meta.vqvae.weights) : null;
  const network = createSequenceNetwork(meta.network, 0);
  const vqvae = meta.vqvae ? disposeOnFailure([network], () => createVqvae(meta.vqvae!.config)) : undefined;
  const owned = vqvae ? [network, vqvae] : [network];
  disposeOnFailure(owned, () => {
    loadVariables(network.variables, weights);
    if (vqvae) loadVariables(vqvae.variables, vqvaeWeights!);
  });
  return sequenceModel(meta, network, vqvae);
});

function sequenceModel(meta: SequenceModelManifest, network: ReturnType<typeof createSequenceNetwork>, vqvae: VqvaeModel | undefined): ServableModel {
  const { frames, bins, hopSamples } = meta.segments; // maxSegments bounds training windows only
  const size = frames * bins;
  const frontEnd: FrontEndSpec = { kind: 'tacn-segments', segmentHopSamples: hopSamples };
  return {
    kind: meta.kind,
    labels: [...meta.classes],
    featureKind: 'spectrogram-segments',
    frontEnd,
    featurize: frontEndOf(frontEnd), // [segments, frames, bins]
    predict(inputs) {
      const lengths = inputs.map((x) => x.length / size);
      const total = lengths.reduce((a, b) => a + b, 0);
      const raw = new Float32Array(total * size); // every utterance's segments back to back
      let offset = 0;
      inputs.forEach((x, i) => {
        raw.set(x, offset);
        offset += lengths[i]! * size;
      });
      return tf.tidy(() => {
        const segments = tf.tensor3d(standardizeRows(raw, meta.standardizer, bins), [total, frames, bins]);
        // The VQ-VAE reads the segments z-scored its own way (its pre-training statistics).
        const latent = vqvae ? vqvae.latent(tf.tensor3d(standardizeRows(raw, meta.vqvae!.normalisation, bins), [total, frames, bins])) : undefined;
        return tf.softmax(network.forward(segments, lengths, latent, { training: false })).arraySync() as number[][]; // [batch, classes]
      });
    },
    dispose() {
      network.dispose();
      vqvae?.dispose();
    },
  };
}
