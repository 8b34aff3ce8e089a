import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../../renderer/src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * The ways an exception's own text used to reach the page: `e instanceof Error ? e.message : String(e)`, or
 * `String(error)` of a caught value. Errors are worded by ui/error-text.ts `describeError` instead.
 */
const RAW_TEXT = [/\binstanceof Error \? \w+\.message\b/, /\bString\((?:e|err|error|reason|cause)\)/];

/** Files allowed to read an exception's text, and why it never reaches the caseworker as the message. */
const ALLOWED: Readonly<Record<string, string>> = {
  'ui/error-text.ts': 'the one place errors are worded; it reads names and codes, not texts',
  'app/StartupError.tsx': 'the database failed to open: under the translated explanation, the technical detail for the administrator',
  'data/backup/restore.repo.ts': 'rethrows a non-Error as an Error; nothing is shown',
  'features/reports/report.worker.ts': 'the worker protocol carries the text to the log; the screen shows reports.failed',
  'features/reports/use-report.ts': 'the worker protocol carries the text to the log; the screen shows reports.failed',
};

function offences(file: string, text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, i) => (RAW_TEXT.some((pattern) => pattern.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

describe('no raw exception text in the renderer', () => {
  it('recognises the patterns it bans (so the scan below can fail)', () => {
    expect(offences('x.tsx', "setFailure(error instanceof Error ? error.message : String(error));")).toHaveLength(1);
    expect(offences('x.tsx', '(e: unknown) => setError(String(e))')).toHaveLength(1);
    expect(offences('x.tsx', 'setFailure(describeError(t, error));')).toEqual([]);
  });

  it('words every caught error through describeError', () => {
    const found = sourceFiles(root).flatMap((file) => {
      const relative = path.relative(root, file).split(path.sep).join('/');
      return relative in ALLOWED ? [] : offences(relative, fs.readFileSync(file, 'utf8'));
    });
    expect(found).toEqual([]);
  });

  it('lists only files that still exist', () => {
    for (const file of Object.keys(ALLOWED)) expect(fs.existsSync(path.join(root, file)), file).toBe(true);
  });
});
