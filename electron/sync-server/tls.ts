import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface ServerCertificate {
  cert: string;
  key: string;
  /** SHA-256 fingerprint as Node prints it (`AB:CD:…`): what every PC pins when it joins. */
  fingerprint256: string;
}

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/**
 * The mission's own certificate, made once at setup. No public CA can vouch for a server on a closed LAN, so PCs
 * trust exactly this certificate: they keep it and check its fingerprint on every connection.
 */
export async function createServerCertificate(commonName: string, addresses: readonly string[], validDays = 3650): Promise<ServerCertificate> {
  const notAfterDate = new Date(Date.now() + validDays * 86_400_000);
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: addresses.map((ip) => ({ type: 7 as const, ip })) },
    ],
  });
  return { cert: pems.cert, key: pems.private, fingerprint256: fingerprintOf(pems.cert) };
}
