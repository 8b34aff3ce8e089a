import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from '../../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../../shared/security/csp';

const root = mkdtempSync(path.join(tmpdir(), 'aryz-proto-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'secret');

describe('app:// protocol', () => {
  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://aryz/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://aryz/assets/app.js?x=1#y')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('never resolves outside the root, however the dots are spelled', () => {
    for (const url of ['app://aryz/../secret.txt', 'app://aryz/%2e%2e/secret.txt', 'app://aryz/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 'app://aryz/a/../../../secret.txt']) {
      const resolved = resolveAppPath(root, url);
      expect(resolved === null || resolved.startsWith(root + path.sep), `${url} -> ${resolved}`).toBe(true);
    }
  });

  it('refuses backslashes, NUL, bad encodings, other hosts and other schemes', () => {
    for (const url of [
      'app://aryz/..%5csecret.txt',
      'app://aryz/%00index.html',
      'app://evil/index.html',
      'file:///etc/passwd',
      'https://aryz/index.html',
      'app://aryz/%E0%A4%A',
      'not a url',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('serves GET with the CSP header, refuses other methods and missing files', async () => {
    const handle = createAppProtocolHandler(root);
    const ok = await handle(new Request('app://aryz/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(ok.headers.get('content-type')).toContain('text/html');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await handle(new Request('app://aryz/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    expect((await handle(new Request('app://aryz/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://aryz/%2e%2e/secret.txt'))).status).toBe(404);
  });
});
