import { describe, expect, it } from 'vitest';
import { trainFoldModel } from './fold-training';

describe('trainFoldModel', () => {
  const tracked = () => {
    const freed: string[] = [];
    return { freed, optimizer: { dispose: () => freed.push('optimizer') }, disposeModel: () => freed.push('model') };
  };

  it('frees the optimizer and hands the model to the caller when training succeeds', async () => {
    const t = tracked();
    await expect(trainFoldModel(t.optimizer, t.disposeModel, async () => 'trained')).resolves.toBe('trained');
    expect(t.freed).toEqual(['optimizer']);
  });

  it('frees the model and the optimizer when training throws, and rethrows', async () => {
    const t = tracked();
    await expect(trainFoldModel(t.optimizer, t.disposeModel, async () => Promise.reject(new Error('NaN loss')))).rejects.toThrow('NaN loss');
    expect(t.freed).toEqual(['model', 'optimizer']);
  });
});
