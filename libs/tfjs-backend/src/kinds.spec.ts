import { describe, expect, it } from 'vitest';
import { backendFromEnv, isBackendKind } from './kinds';

describe('backendFromEnv', () => {
  it('means automatic selection when unset, empty or auto', () => {
    expect(backendFromEnv({})).toBeUndefined();
    expect(backendFromEnv({ SER_TFJS_BACKEND: '' })).toBeUndefined();
    expect(backendFromEnv({ SER_TFJS_BACKEND: 'auto' })).toBeUndefined();
  });

  it('accepts every kind, case- and space-insensitively', () => {
    expect(backendFromEnv({ SER_TFJS_BACKEND: 'wasm' })).toBe('wasm');
    expect(backendFromEnv({ SER_TFJS_BACKEND: ' Node-GPU ' })).toBe('node-gpu');
    expect(backendFromEnv({ SER_TFJS_BACKEND: 'cpu' })).toBe('cpu');
  });

  it('rejects a misspelt backend instead of silently going automatic', () => {
    expect(() => backendFromEnv({ SER_TFJS_BACKEND: 'wsam' })).toThrow(/SER_TFJS_BACKEND=wsam.*node-gpu, node, wasm, cpu/);
  });

  it('recognises kinds', () => {
    expect(isBackendKind('node')).toBe(true);
    expect(isBackendKind('tensorflow')).toBe(false);
  });
});
