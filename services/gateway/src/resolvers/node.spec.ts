import { describe, expect, it } from 'vitest';
import { parseGlobalId, storeId, toGlobalId } from './global-ids';

describe('global ids', () => {
  it('are base64url of Type:storeId, and only what toGlobalId made parses', () => {
    expect(toGlobalId('Run', 'r-1')).toBe(Buffer.from('Run:r-1').toString('base64url'));
    expect(parseGlobalId(toGlobalId('ModelVersion', 'a:b'))).toEqual({ type: 'ModelVersion', id: 'a:b' });
    for (const bare of [
      '0b7e3c1a-8d3f-4c1e-9a57-2f0c8e1d4b6a',
      'demo',
      Buffer.from('Nope:1').toString('base64url'),
      Buffer.from('Run:').toString('base64url'),
      '',
    ]) {
      expect(parseGlobalId(bare)).toBeNull();
    }
  });

  it('name a store id in arguments; a bare store id passes, another type is refused', () => {
    expect(storeId('Run', toGlobalId('Run', 'r-1'))).toBe('r-1');
    expect(storeId('Run', 'r-1')).toBe('r-1');
    expect(() => storeId('Run', toGlobalId('Dataset', 'demo'))).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
  });
});
