import { describe, expect, it } from 'vitest';
import { envChoice } from './env-choice';
import { ConfigError } from './load-config';

const SHAPES = ['round', 'square'] as const;

describe('envChoice', () => {
  it('is the variable when it names a choice, the fallback when unset or empty', () => {
    expect(envChoice('SHAPE', SHAPES, 'round', { SHAPE: 'square' })).toBe('square');
    expect(envChoice('SHAPE', SHAPES, 'round', {})).toBe('round');
    expect(envChoice('SHAPE', SHAPES, 'round', { SHAPE: '' })).toBe('round');
  });

  it('refuses any other value with a ConfigError naming the variable, the choices and the fallback', () => {
    const read = () => envChoice('SHAPE', SHAPES, 'round', { SHAPE: 'Square' });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow("SHAPE must be one of round, square, not 'Square' (unset means round)");
  });
});
