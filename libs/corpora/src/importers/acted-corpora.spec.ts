import { afterEach, describe, expect, it } from 'vitest';
import { importCorpus } from '../scan-corpus';
import { TinyCorpora, writeText, writeWav } from '../testing/tiny-corpus';

const corpora = new TinyCorpora();
afterEach(() => corpora.removeAll());

const summary = (entries: Array<{ utteranceId: string; label: string | null; speaker: string | null; gender: string | null }>) =>
  entries.map((e) => [e.utteranceId, e.label, e.speaker, e.gender]);

describe('RAVDESS importer', () => {
  async function tinyRavdess() {
    const root = await corpora.root('ravdess');
    await writeWav(root, 'Actor_01/03-01-05-01-01-01-01.wav', 1);
    await writeWav(root, 'Actor_02/03-01-02-02-01-01-02.wav', 2);
    await writeWav(root, 'Actor_02/03-01-08-01-02-02-02.wav', 3);
    await writeWav(root, 'Actor_02/notes.wav', 4);
    return root;
  }

  it('reads emotion and actor from the seven fields; odd actors are male', async () => {
    const manifest = await importCorpus(await tinyRavdess(), { format: 'ravdess' });
    expect(summary(manifest.entries)).toEqual([
      ['03-01-05-01-01-01-01', 'angry', 'Actor_01', 'male'],
      ['03-01-02-02-01-01-02', 'calm', 'Actor_02', 'female'],
      ['03-01-08-01-02-02-02', 'surprised', 'Actor_02', 'female'],
    ]);
    expect(manifest.entries[0]!.rawLabel).toBe('05');
    expect(manifest.skipped).toEqual([{ path: 'Actor_02/notes.wav', reason: 'unrecognised file name' }]);
  });

  it('takes every container the front end decodes, not only WAV (the shared RAVDESS copy is FLAC)', async () => {
    const root = await corpora.root('ravdess-flac');
    await writeWav(root, 'Actor_03/03-01-04-01-01-01-03.flac', 1);
    await writeWav(root, 'Actor_04/03-01-03-01-01-01-04.mp3', 2);
    await writeText(root, 'Actor_04/03-01-03-01-01-02-04.txt', 'not audio');
    const manifest = await importCorpus(root, { format: 'ravdess' });
    expect(summary(manifest.entries)).toEqual([
      ['03-01-04-01-01-01-03', 'sad', 'Actor_03', 'male'],
      ['03-01-03-01-01-01-04', 'happy', 'Actor_04', 'female'],
    ]);
  });

  it('maps labels through a label map and skips the unmapped ones', async () => {
    const manifest = await importCorpus(await tinyRavdess(), { format: 'ravdess', labelMap: { calm: 'neutral', angry: 'angry' } });
    expect(manifest.entries.map((e) => e.label)).toEqual(['angry', 'neutral']);
    expect(manifest.skipped).toContainEqual({ path: 'Actor_02/03-01-08-01-02-02-02.wav', reason: 'label not in label map' });
  });
});

describe('CREMA-D importer', () => {
  async function tinyCremaD(withDemographics: boolean) {
    const root = await corpora.root('crema-d');
    await writeWav(root, 'AudioWAV/1001_DFA_ANG_XX.wav', 1);
    await writeWav(root, 'AudioWAV/1001_TIE_NEU_XX.wav', 2);
    await writeWav(root, 'AudioWAV/1002_IEO_HAP_HI.wav', 3);
    await writeWav(root, 'AudioWAV/1002_IEO_XYZ_HI.wav', 4);
    await writeWav(root, 'AudioWAV/1002-IEO-HAP.wav', 5);
    if (withDemographics)
      await writeText(
        root,
        'VideoDemographics.csv',
        'ActorID,Age,Sex,Race,Ethnicity\n1001,51,Male,Caucasian,Not Hispanic\n1002,21,Female,Caucasian,Not Hispanic\n',
      );
    return root;
  }

  it('reads speaker and emotion from the name and genders from VideoDemographics.csv', async () => {
    const manifest = await importCorpus(await tinyCremaD(true), { format: 'crema-d' });
    expect(summary(manifest.entries)).toEqual([
      ['1001_DFA_ANG_XX', 'angry', '1001', 'male'],
      ['1001_TIE_NEU_XX', 'neutral', '1001', 'male'],
      ['1002_IEO_HAP_HI', 'happy', '1002', 'female'],
    ]);
    expect(manifest.skipped).toEqual([
      { path: 'AudioWAV/1002-IEO-HAP.wav', reason: 'unrecognised file name' },
      { path: 'AudioWAV/1002_IEO_XYZ_HI.wav', reason: 'label not in protocol' },
    ]);
  });

  it('leaves genders unknown without the demographics file', async () => {
    const manifest = await importCorpus(await tinyCremaD(false), { format: 'crema-d' });
    expect(manifest.entries.map((e) => e.gender)).toEqual([null, null, null]);
  });
});

describe('EmoDB importer', () => {
  async function tinyEmodb() {
    const root = await corpora.root('emodb');
    await writeWav(root, 'wav/03a01Wa.wav', 1);
    await writeWav(root, 'wav/08b02La.wav', 2);
    await writeWav(root, 'wav/16a05Tc.wav', 3);
    await writeWav(root, 'wav/13a07Fd.wav', 4);
    return root;
  }

  it('reads speaker, German emotion letter and the documented speaker gender', async () => {
    const manifest = await importCorpus(await tinyEmodb(), { format: 'emodb' });
    expect(summary(manifest.entries)).toEqual([
      ['03a01Wa', 'angry', '03', 'male'],
      ['08b02La', 'bored', '08', 'female'],
      ['13a07Fd', 'happy', '13', 'female'],
      ['16a05Tc', 'sad', '16', 'female'],
    ]);
    expect(manifest.entries.map((e) => e.rawLabel)).toEqual(['W', 'L', 'F', 'T']);
  });

  it('reduces 7 classes to 4 with a label map, skipping boredom', async () => {
    const labelMap = { angry: 'angry', happy: 'happy', sad: 'sad', neutral: 'neutral' };
    const manifest = await importCorpus(await tinyEmodb(), { format: 'emodb', labelMap });
    expect(manifest.entries.map((e) => e.label)).toEqual(['angry', 'happy', 'sad']);
    expect(manifest.skipped).toEqual([{ path: 'wav/08b02La.wav', reason: 'label not in label map' }]);
  });
});

describe('TESS importer', () => {
  it('reads the two female speakers and the emotion from the last name field', async () => {
    const root = await corpora.root('tess');
    await writeWav(root, 'OAF_angry/OAF_back_angry.wav', 1);
    await writeWav(root, 'OAF_Fear/OAF_bite_fear.wav', 2);
    await writeWav(root, 'YAF_pleasant_surprised/YAF_dog_ps.wav', 3);
    await writeWav(root, 'YAF_neutral/YAF_dog_sleepy.wav', 4);
    await writeWav(root, 'misc/hello.wav', 5);
    const manifest = await importCorpus(root, { format: 'tess' });
    expect(summary(manifest.entries)).toEqual([
      ['OAF_bite_fear', 'fearful', 'OAF', 'female'],
      ['OAF_back_angry', 'angry', 'OAF', 'female'],
      ['YAF_dog_ps', 'surprised', 'YAF', 'female'],
    ]);
    expect(manifest.skipped).toEqual([
      { path: 'YAF_neutral/YAF_dog_sleepy.wav', reason: 'label not in protocol' },
      { path: 'misc/hello.wav', reason: 'unrecognised file name' },
    ]);
  });
});
