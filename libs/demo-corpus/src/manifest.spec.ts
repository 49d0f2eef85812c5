import { describe, expect, it } from 'vitest';
import { manifestCsv } from './manifest';

describe('manifestCsv', () => {
  it('writes a header and one line per row, quoting only fields that need it', () => {
    const csv = manifestCsv([
      { path: 'Angry/spk01_male_001.wav', label: 'angry', speaker: 'spk01', gender: 'male' },
      { path: 'Sad/a,"b".wav', label: 'sad', speaker: 'spk02', gender: 'female' },
    ]);
    expect(csv).toBe('path,label,speaker,gender\nAngry/spk01_male_001.wav,angry,spk01,male\n"Sad/a,""b"".wav",sad,spk02,female\n');
  });
});
