import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createPdfEngine } from '../../electron/main/pdf/engine';
import { defaultFontDir } from '../../electron/main/pdf/fonts';
import { templatePdf } from '../../electron/main/pdf/templates/layout';
import { factoryTemplates, fixtureModel, GENERATED_AT } from '../unit/support/document-fixtures';

/**
 * `npm run samples -- --out DIR`: one sample PDF of every factory template, filled from the fixture case
 * (tests/unit/support/document-fixtures.ts), written into DIR (created if needed). Prints each file and its page count.
 */

const USAGE = 'usage: npm run samples -- --out DIR';

function outDir(argv: readonly string[]): string {
  const at = argv.indexOf('--out');
  const value = at >= 0 ? argv[at + 1] : undefined;
  if (!value || value.startsWith('--')) throw new Error(USAGE);
  return path.resolve(value);
}

async function main(): Promise<void> {
  const dir = outDir(process.argv.slice(2));
  mkdirSync(dir, { recursive: true });
  const engine = createPdfEngine(defaultFontDir());
  const templates = factoryTemplates();
  for (const template of templates) {
    const rendered = await templatePdf(engine, template, fixtureModel(template.kind), { generatedAt: GENERATED_AT });
    const file = path.join(dir, `${template.id}.pdf`);
    writeFileSync(file, rendered.pdf);
    console.log(`${file}  ${rendered.pages} ${rendered.pages === 1 ? 'page' : 'pages'}  (${template.id} v${rendered.templateVersion})`);
  }
  console.log(`${templates.length} samples written to ${dir}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
