import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kafkaSecurityOptions } from './kafka-security';

describe('kafkaSecurityOptions', () => {
  it('is plaintext without settings', () => {
    expect(kafkaSecurityOptions()).toEqual({});
    expect(kafkaSecurityOptions({ tls: { enabled: false }, sasl: {} })).toEqual({});
  });

  it('trusts the CA file given, and checks certificates unless told not to', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ser-kafka-ca-'));
    try {
      writeFileSync(join(dir, 'ca.crt'), '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n');
      expect(kafkaSecurityOptions({ tls: { enabled: true, caFile: join(dir, 'ca.crt') } })).toEqual({
        ssl: { ca: ['-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n'], rejectUnauthorized: true },
      });
      expect(kafkaSecurityOptions({ tls: { enabled: true, rejectUnauthorized: false } })).toEqual({ ssl: { rejectUnauthorized: false } });
      expect(() => kafkaSecurityOptions({ tls: { enabled: true, caFile: join(dir, 'missing.crt') } })).toThrow(/CA file .*missing.crt cannot be read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes SCRAM credentials and refuses a mechanism without them', () => {
    expect(kafkaSecurityOptions({ sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' } })).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' },
    });
    expect(() => kafkaSecurityOptions({ sasl: { mechanism: 'scram-sha-512', username: 'u' } })).toThrow(/needs a username and a password/);
  });
});
