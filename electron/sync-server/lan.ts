import { isIPv4, isIPv6 } from 'node:net';

/**
 * Whether an address belongs to a local network (RFC 1918, link-local, loopback, IPv6 unique-local/link-local).
 * The server binds only to such an address and answers only peers from one: the mission's LAN, never the internet.
 */
export function isLanAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIPv4(v4)) {
    const [a, b] = v4.split('.').map(Number) as [number, number];
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  if (isIPv6(address)) {
    const lower = address.toLowerCase();
    return lower === '::1' || /^f[cd][0-9a-f]{2}:/.test(lower) || /^fe[89ab][0-9a-f]:/.test(lower);
  }
  return false;
}
