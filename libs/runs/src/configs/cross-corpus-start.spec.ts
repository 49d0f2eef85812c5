import type { MetadataStore } from '@ser/store';
import { describe, expect, it } from 'vitest';
import { checkCrossCorpus, runDatasetVersionIds } from './cross-corpus-start';

/** A store that knows dataset versions by id, with their class counts (all a start check reads). */
function storeWith(versions: Record<string, Record<string, number>>): MetadataStore {
  return { datasets: { getVersion: async (id: string) => (versions[id] ? { id, classCounts: versions[id] } : null) } } as unknown as MetadataStore;
}
const four = { angry: 10, happy: 10, neutral: 5, sad: 10 };
const store = storeWith({ ravdess: four, urdu: four, calm: { ...four, calm: 3 }, two: { angry: 4, sad: 4 } });
const crossCorpus = (testDatasets: string[], trainAlsoDatasets?: string[]) => ({
  kind: 'cross-corpus' as const,
  testDatasets,
  ...(trainAlsoDatasets ? { trainAlsoDatasets } : {}),
});

async function failure(promise: Promise<unknown>): Promise<{ code?: number; message: string } | 'no error'> {
  try {
    await promise;
  } catch (err) {
    return err as { code?: number; message: string };
  }
  return 'no error';
}

describe('a cross-corpus classifier run, when it is queued', () => {
  it('reads its own dataset, the ones also trained on and the test ones (in that order, for its lineage)', () => {
    expect(runDatasetVersionIds({ datasetVersionId: 'ravdess', protocol: crossCorpus(['urdu'], ['extra']) })).toEqual(['ravdess', 'extra', 'urdu']);
    expect(runDatasetVersionIds({ datasetVersionId: 'ravdess', protocol: { kind: 'leave-one-speaker-out' } })).toEqual(['ravdess']);
  });

  it('accepts corpora with the same class names', async () => {
    expect(await failure(checkCrossCorpus(store, { datasetVersionId: 'ravdess', protocol: crossCorpus(['urdu']) }))).toBe('no error');
  });

  it('refuses a class on one side only (INVALID_ARGUMENT), an unknown version (NOT_FOUND) and testing on the training data', async () => {
    const calm = await failure(checkCrossCorpus(store, { datasetVersionId: 'calm', protocol: crossCorpus(['urdu']) }));
    expect(calm).toMatchObject({ code: 3, message: expect.stringMatching(/training classes calm are missing from the test data/) });
    const fewer = await failure(checkCrossCorpus(store, { datasetVersionId: 'two', protocol: crossCorpus(['urdu']) }));
    expect(fewer).toMatchObject({ code: 3, message: expect.stringMatching(/test classes happy, neutral are missing from the training data/) });
    expect(await failure(checkCrossCorpus(store, { datasetVersionId: 'ravdess', protocol: crossCorpus(['nowhere']) }))).toMatchObject({ code: 5 });
    expect(await failure(checkCrossCorpus(store, { datasetVersionId: 'ravdess', protocol: crossCorpus(['ravdess']) }))).toMatchObject({
      code: 3,
      message: expect.stringMatching(/both trained and tested/),
    });
  });
});
