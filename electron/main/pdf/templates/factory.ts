import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTemplate, type DocumentTemplate } from '../../../../shared/documents/template-schema';

/**
 * The factory templates: one JSON file per template in resources/templates (shipped as an extra resource,
 * outside app.asar). Every file is validated; a broken one is reported by file name and path, never skipped.
 */

export interface FactoryTemplateIssue {
  file: string;
  path: string;
  message: string;
}

export type FactoryTemplates = { ok: true; templates: DocumentTemplate[] } | { ok: false; issues: FactoryTemplateIssue[] };

export function loadFactoryTemplates(dir: string): FactoryTemplates {
  const issues: FactoryTemplateIssue[] = [];
  const templates: DocumentTemplate[] = [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      issues.push({ file, path: '', message: `Not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const result = parseTemplate(data);
    if (!result.ok) {
      issues.push(...result.issues.map((issue) => ({ file, ...issue })));
      continue;
    }
    if (`${result.template.id}.json` !== file) issues.push({ file, path: 'id', message: `The id must match the file name (${file})` });
    if (!result.template.readOnly) issues.push({ file, path: 'readOnly', message: 'A factory template is read-only' });
    templates.push(result.template);
  }
  const ids = new Set<string>();
  for (const t of templates) {
    if (ids.has(t.id)) issues.push({ file: `${t.id}.json`, path: 'id', message: 'Duplicate template id' });
    ids.add(t.id);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, templates };
}
