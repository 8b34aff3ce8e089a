import { describe, expect, it } from 'vitest';
import { isLanAddress } from '../../../../electron/sync-server/lan';

describe('LAN-only addresses', () => {
  it('accepts private, loopback and link-local addresses, IPv4-mapped ones too', () => {
    for (const address of ['10.0.0.5', '172.16.0.1', '172.31.255.254', '192.168.1.10', '127.0.0.1', '169.254.3.4', '::1', 'fd12:3456::1', 'fe80::1', '::ffff:192.168.0.7']) {
      expect(isLanAddress(address), address).toBe(true);
    }
  });

  it('refuses public addresses, the wildcard and names', () => {
    for (const address of ['0.0.0.0', '::', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2001:db8::1', '::ffff:8.8.8.8', 'server.local', '']) {
      expect(isLanAddress(address), address).toBe(false);
    }
  });
});
