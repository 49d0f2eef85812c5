import { describe, expect, it } from 'vitest';
import { DateTimeScalar, parseDateTime } from './scalars';
import { Kind } from '../graphql-runtime';

describe('DateTime', () => {
  it('reads ISO 8601 date-times with an offset as the instant they name', () => {
    expect(parseDateTime('2025-01-31T12:00:00Z').toISOString()).toBe('2025-01-31T12:00:00.000Z');
    expect(parseDateTime('2024-02-29T23:59:59.123+02:00').toISOString()).toBe('2024-02-29T21:59:59.123Z');
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2025-01-31T12:00:00-05:30' })).toEqual(new Date('2025-01-31T17:30:00Z'));
  });

  it.each([
    'yesterday',
    '2025-01-31',
    '2025-01-31T12:00:00',
    '2023-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T12:60:00Z',
    '2024-01-01T12:00:00+24:00',
    1738324800000,
    null,
  ])('refuses %j as BAD_USER_INPUT', (value) => {
    expect(() => parseDateTime(value)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
  });

  it('writes Date values as UTC ISO strings and refuses anything else', () => {
    expect(DateTimeScalar.serialize(new Date('2025-01-31T12:00:00+01:00'))).toBe('2025-01-31T11:00:00.000Z');
    expect(() => DateTimeScalar.serialize(new Date(Number.NaN))).toThrow(/cannot represent/);
    expect(() => DateTimeScalar.serialize(42)).toThrow(/cannot represent/);
  });
});
