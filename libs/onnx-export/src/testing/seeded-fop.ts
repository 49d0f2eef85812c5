// Shared by the export specs: generated clips through the log-mel front end, and one FOP with seeded weights per spec
// file, the frozen trunk the exported models are built on.
import { afterAll, beforeAll } from 'vitest';
import { createLogMel, synthesizeTestSignal } from '@ser/audio';
import { createFop, type FopConfig, type FopModel } from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';

const logMel = createLogMel();

/** The log-mel frames (flat, 80 mels each) of a generated 16 kHz clip: about 100 frames a second. */
export const logMelClip = (seconds: number, seed: number): Float32Array => logMel.compute(synthesizeTestSignal({ sampleRate: 16000, seconds, seed })).data;

/**
 * Registers the spec file's beforeAll/afterAll: tfjs initialised and a FOP of `config` with weights of `seed`,
 * disposed at the end. The field is set once beforeAll has run, so read it inside the tests.
 */
export function useSeededFop(config: Partial<FopConfig>, seed: number): { fop: FopModel } {
  const setup = {} as { fop: FopModel };
  beforeAll(async () => {
    await initTfjs();
    setup.fop = createFop(config, seed);
  });
  afterAll(() => setup.fop?.dispose());
  return setup;
}
