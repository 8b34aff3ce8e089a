import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Findings that cannot be fixed in code, each with the reason written next to the code it concerns.
 * A justification only counts while its marker `electronegativity: <ID>` is still in that file, so deleting
 * the explanation brings the finding back.
 */
const JUSTIFIED: Readonly<Record<string, string>> = {
  // csp-evaluator's "'self' can be problematic if you host JSONP or user uploads": app:// serves only the
  // built renderer (electron/main/protocol.ts), never attachments or any user file.
  CSP_GLOBAL_CHECK: 'shared/security/csp.ts',
};

/** The check needs the list of Electron releases from the internet; our machines and users' PCs are offline. */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

export interface AuditFinding {
  id: string;
  severity: string;
  file: string;
  line: number;
  description: string;
}

export interface AuditReport {
  /** Findings above informational that are neither fixed nor justified. */
  findings: AuditFinding[];
  justified: AuditFinding[];
  errors: unknown[];
}

interface RawIssue {
  id: string;
  severity: { name: string } | string;
  file: string;
  location?: { line?: number };
  description: string;
}

/**
 * Runs Electronegativity (Doyensec's Electron security audit) over the sources that ship: the main process
 * and preload, the renderer (TS/TSX and index.html with its CSP) and shared code. The sources are copied
 * to a scratch folder because the scanner walks whole trees and must not read node_modules.
 */
export async function electronegativityAudit(options: { root?: string; dirs?: readonly string[] } = {}): Promise<AuditReport> {
  const root = options.root ?? ROOT;
  const dirs = options.dirs ?? ['electron', 'renderer', 'shared'];
  // The scanner is CommonJS with no types; loaded lazily so importing this module costs nothing.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<{ issues: RawIssue[]; errors: unknown[] }>;
  const scratch = mkdtempSync(path.join(tmpdir(), 'aryz-eng-'));
  try {
    for (const dir of dirs) {
      cpSync(path.join(root, dir), path.join(scratch, dir), { recursive: true, filter: (src) => !src.includes('node_modules') });
    }
    const quiet = console.log;
    console.log = () => undefined; // the scanner prints a banner and its table
    let result: { issues: RawIssue[]; errors: unknown[] };
    try {
      result = await run({
        input: scratch,
        isRelative: true,
        electronVersionOverride: '45.4.0',
        parserPlugins: ['typescript', 'jsx'],
        excludeFromScan: EXCLUDED_CHECKS,
      });
    } finally {
      console.log = quiet;
    }
    const report: AuditReport = { findings: [], justified: [], errors: result.errors };
    for (const issue of result.issues) {
      const severity = typeof issue.severity === 'string' ? issue.severity : issue.severity.name;
      if (severity.toUpperCase() === 'INFORMATIONAL') continue;
      const finding: AuditFinding = { id: issue.id, severity, file: issue.file, line: issue.location?.line ?? 0, description: issue.description };
      const where = JUSTIFIED[issue.id];
      const explained = where !== undefined && root === ROOT && readFileSync(path.join(ROOT, where), 'utf8').includes(`electronegativity: ${issue.id}`);
      (explained ? report.justified : report.findings).push(finding);
    }
    return report;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
