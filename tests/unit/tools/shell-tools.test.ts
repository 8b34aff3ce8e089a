import { describe, expect, it } from 'vitest';
import { plainReason } from '../../tools/electron-binary';
import { signingArgs } from '../../tools/dist-signing';

describe('npm start: why Electron cannot start, in plain words', () => {
  it('names a missing network, a refused download, permissions and a full disk', () => {
    expect(plainReason('HTTPError: getaddrinfo ENOTFOUND github.com')).toBe('Electron is not installed on this computer and cannot be downloaded: there is no connection to its download server (github.com)');
    expect(plainReason('Error: connect ECONNREFUSED 1.2.3.4:443')).toMatch(/refused or cut off by the network/);
    expect(plainReason("EACCES: permission denied, open 'node_modules/electron/path.txt'")).toMatch(/no permission/);
    expect(plainReason('ENOSPC: no space left on device')).toMatch(/disk is full/);
    expect(plainReason('')).toBe('Electron is not installed on this computer and could not be downloaded');
    expect(plainReason('', Object.assign(new Error('spawnSync node ETIMEDOUT'), { code: 'ETIMEDOUT' }))).toMatch(/took too long/);
  });
});

describe('npm run dist: signing from the environment only', () => {
  it('keeps the "-unsigned" names without a certificate, and forces signing with plain names when one is given', () => {
    expect(signingArgs('win', {})).toEqual([]);
    expect(signingArgs('linux', { CSC_LINK: 'cert.p12' })).toEqual([]);
    for (const env of [{ CSC_LINK: 'cert.p12' }, { WIN_CSC_LINK: 'base64…' }]) {
      const args = signingArgs('win', env);
      expect(args).toContain('-c.forceCodeSigning=true');
      expect(args.join(' ')).not.toContain('unsigned');
      expect(args).toContain('-c.nsis.artifactName=${productName}-${version}-setup.${ext}');
    }
  });
});
