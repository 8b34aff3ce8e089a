import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createPdfEngine } from '../../electron/main/pdf/engine';
import { defaultFontDir } from '../../electron/main/pdf/fonts';
import { templatePdf, TemplateRefusedError } from '../../electron/main/pdf/templates/layout';
import { consistencyFindings, REGISTER_START_DEFAULT, type ConsistencyFinding } from '../../shared/documents/checks';
import { buildDocumentModel } from '../../shared/documents/model';
import { checkCases, cleanInputs } from '../unit/support/check-cases';
import { factoryTemplates, GENERATED_AT } from '../unit/support/document-fixtures';

/**
 * `npm run samples -- --out DIR`: one sample PDF of every factory template, filled from the fixture case made
 * consistent (tests/unit/support/check-cases.ts `cleanInputs`), and one PDF per consistency check from a case
 * that check must flag (`check-<name>.pdf`), written into DIR (created if needed). `DIR/checks.txt` lists, for
 * every sample, the findings the review screen would show: none for the clean samples.
 */

const USAGE = 'usage: npm run samples -- --out DIR';

function outDir(argv: readonly string[]): string {
  const at = argv.indexOf('--out');
  const value = at >= 0 ? argv[at + 1] : undefined;
  if (!value || value.startsWith('--')) throw new Error(USAGE);
  return path.resolve(value);
}

function describe(findings: readonly ConsistencyFinding[]): string[] {
  if (findings.length === 0) return ['  (none)'];
  return findings.map((f) => `  ${f.severity} ${f.code} at ${f.block === null ? 'document' : `block ${f.block + 1}`}: ${JSON.stringify(f.params)}`);
}

async function main(): Promise<void> {
  const dir = outDir(process.argv.slice(2));
  mkdirSync(dir, { recursive: true });
  const engine = createPdfEngine(defaultFontDir());
  const report: string[] = [];
  const templates = factoryTemplates();
  for (const template of templates) {
    const inputs = cleanInputs(template.kind);
    const rendered = await templatePdf(engine, template, buildDocumentModel(inputs), { generatedAt: GENERATED_AT });
    const file = path.join(dir, `${template.id}.pdf`);
    writeFileSync(file, rendered.pdf);
    console.log(`${file}  ${rendered.pages} ${rendered.pages === 1 ? 'page' : 'pages'}  (${template.id} v${rendered.templateVersion})`);
    const options = { registerStart: REGISTER_START_DEFAULT, learnedAt: inputs.caseRecord.learnedAt ?? '', checkDates: inputs.registerCheck ? [inputs.registerCheck.date] : [] };
    report.push(`${template.id}.pdf`, ...describe(consistencyFindings(template, inputs, options)));
  }
  const cases = checkCases();
  for (const c of cases) {
    const file = path.join(dir, `check-${c.name}.pdf`);
    try {
      const rendered = await templatePdf(engine, c.template, buildDocumentModel(c.inputs), { generatedAt: GENERATED_AT });
      writeFileSync(file, rendered.pdf);
      console.log(`${file}  ${rendered.pages} ${rendered.pages === 1 ? 'page' : 'pages'}  (check ${c.code})`);
    } catch (error) {
      // A case the renderer itself refuses (a missing requisite): no PDF, the refusal goes into the report.
      if (!(error instanceof TemplateRefusedError)) throw error;
      report.push(`check-${c.name}.pdf not rendered: ${error.message}`);
      console.log(`${file}  not rendered (check ${c.code}): ${error.message}`);
    }
    const options = { registerStart: REGISTER_START_DEFAULT, ...(c.learnedAt ? { learnedAt: c.learnedAt } : {}), checkDates: c.checkDates ?? [] };
    report.push(`check-${c.name}.pdf`, ...describe(consistencyFindings(c.template, c.inputs, options)));
  }
  writeFileSync(path.join(dir, 'checks.txt'), `${report.join('\n')}\n`);
  console.log(`${templates.length} samples and ${cases.length} check samples written to ${dir}; findings in checks.txt`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
