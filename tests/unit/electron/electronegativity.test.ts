import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronegativityAudit } from '../../tools/prove/electronegativity';

describe('Electronegativity audit', () => {
  it('finds nothing above informational in the app sources, or only findings justified next to the code', async () => {
    const report = await electronegativityAudit();
    expect(report.errors).toEqual([]);
    expect(report.findings).toEqual([]);
    // The one justified finding (see shared/security/csp.ts): csp-evaluator's general warning about 'self'.
    expect([...new Set(report.justified.map((f) => f.id))]).toEqual(['CSP_GLOBAL_CHECK']);
  }, 120_000);

  // The checks our code passes (navigation limits, permission handler, CSP, web security) do fire on an
  // app without them, so a clean report above means something.
  it('reports an insecure app (the audit is not blind)', async () => {
    const report = await electronegativityAudit({ root: path.resolve(__dirname, '../../fixtures/electronegativity/insecure'), dirs: ['electron'] });
    const ids = report.findings.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['WEB_SECURITY_JS_CHECK', 'AUXCLICK_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK']));
  }, 120_000);
});
