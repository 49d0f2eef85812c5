import { describe, expect, it } from 'vitest';
import { decideLabel, normaliseEmotionName } from './emotion-labels';

describe('normaliseEmotionName', () => {
  it('maps corpus spellings to platform labels', () => {
    expect(normaliseEmotionName('ANG')).toBe('angry');
    expect(normaliseEmotionName('Happiness')).toBe('happy');
    expect(normaliseEmotionName('Pleasant surprise')).toBe('surprised');
    expect(normaliseEmotionName('ps')).toBe('surprised');
    expect(normaliseEmotionName('fear')).toBe('fearful');
    expect(normaliseEmotionName('Boredom')).toBe('bored');
    expect(normaliseEmotionName('frustrated')).toBeNull();
  });
});

describe('decideLabel', () => {
  it('keeps the protocol label without a map and drops labels outside the protocol', () => {
    expect(decideLabel('exc', 'happy', undefined)).toEqual({ label: 'happy' });
    expect(decideLabel('fru', null, undefined)).toEqual({ dropped: 'label not in protocol' });
    expect(decideLabel('fru', null, {})).toEqual({ dropped: 'label not in protocol' });
  });

  it('looks a non-empty map up by raw label first, then by normalised label, and drops the rest', () => {
    const map = { fru: 'frustrated', angry: 'negative', W: 'anger-by-letter' };
    expect(decideLabel('fru', null, map)).toEqual({ label: 'frustrated' });
    expect(decideLabel('ang', 'angry', map)).toEqual({ label: 'negative' });
    expect(decideLabel('W', 'angry', map)).toEqual({ label: 'anger-by-letter' });
    expect(decideLabel('sad', 'sad', map)).toEqual({ dropped: 'label not in label map' });
  });

  it('does not find inherited object keys in the map', () => {
    expect(decideLabel('constructor', 'constructor', { happy: 'happy' })).toEqual({ dropped: 'label not in label map' });
  });

  it('passes unlabelled audio through whatever the map', () => {
    expect(decideLabel(null, null, { happy: 'happy' })).toEqual({ label: null });
  });
});
