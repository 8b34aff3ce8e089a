import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../../../shared/security/csp';

describe('content security policy', () => {
  it('is the same in index.html as in the protocol and bridge headers', () => {
    const html = readFileSync(path.resolve(__dirname, '../../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY_META);
    expect(CONTENT_SECURITY_POLICY).toBe(`${CONTENT_SECURITY_POLICY_META}; frame-ancestors 'none'`);
  });

  it('allows no inline code, no eval and no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  });

  it('requires Trusted Types for script sinks and allows only the default policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("require-trusted-types-for 'script'");
    expect(CONTENT_SECURITY_POLICY).toContain('trusted-types default');
  });

  it('the default policy passes same-origin script URLs only and creates no HTML or script', async () => {
    const { trustedTypesRules } = await import('../../../../renderer/src/app/trusted-types');
    const rules = trustedTypesRules('app://aryz');
    expect(rules.createScriptURL('app://aryz/assets/pdf.worker.min.mjs')).toBe('app://aryz/assets/pdf.worker.min.mjs');
    expect(rules.createScriptURL('/assets/report.worker.js')).toBe('app://aryz/assets/report.worker.js');
    expect(() => rules.createScriptURL('https://evil.example/x.js')).toThrow();
    expect(() => rules.createScriptURL('data:text/javascript,alert(1)')).toThrow();
    expect(Object.keys(rules)).toEqual(['createScriptURL']);
  });

  it('the policy is installed before anything else in the page runs', () => {
    const main = readFileSync(path.resolve(__dirname, '../../../../renderer/src/main.tsx'), 'utf8');
    expect(main.split('\n')[0]).toBe("import '../../../../renderer/src/app/trusted-types';");
  });

  it('index.html has no inline script', () => {
    const html = readFileSync(path.resolve(__dirname, '../../../../renderer/index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
