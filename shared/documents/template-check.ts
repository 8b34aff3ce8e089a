import { resolveField, resolveInScope, UNKNOWN, type DocumentModel } from './model';
import { blockTexts, placeholders, type DocumentTemplate, type TemplateCondition } from './template-schema';

/** A field a template names that the model does not have, and where (`blocks.3`, `requisites.1`). */
export interface UnknownFieldIssue {
  path: string;
  field: string;
}

function conditionPaths(condition: TemplateCondition | undefined): string[] {
  if (condition === undefined) return [];
  return (Array.isArray(condition) ? condition : [condition]).map((c) => c.replace(/^!/, ''));
}

/**
 * Every placeholder, condition, collection and requisite of a template that names no field of the model
 * (a typo such as {{person.fullNmeRu}}), located by block or requisite so an editor can point at it. Row
 * fields (`item.…`) are checked against the collection's first row; an empty collection cannot be checked.
 */
export function unknownFieldIssues(template: DocumentTemplate, model: DocumentModel): UnknownFieldIssue[] {
  const issues: UnknownFieldIssue[] = [];
  const seen = new Set<string>();
  const report = (path: string, field: string) => {
    const key = `${path}|${field}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push({ path, field });
  };
  template.requisites.forEach((r, i) => {
    if (resolveField(model, r.path) === UNKNOWN) report(`requisites.${i}`, r.path);
  });
  template.blocks.forEach((block, i) => {
    const where = `blocks.${i}`;
    const guards = [...conditionPaths(block.if)];
    if (block.type === 'addressee' || block.type === 'applicant') for (const line of block.lines) if (typeof line !== 'string') guards.push(...conditionPaths(line.if));
    if (block.type === 'fields') for (const row of block.rows) guards.push(...conditionPaths(row.if));
    for (const path of guards) if (resolveField(model, path) === UNKNOWN) report(where, path);
    const each = block.type === 'list' || block.type === 'table' ? block.each : undefined;
    let first: unknown;
    if (each) {
      const rows = resolveField(model, each);
      if (rows === UNKNOWN || (rows !== null && !Array.isArray(rows))) report(where, each);
      first = Array.isArray(rows) ? rows[0] : undefined;
    }
    for (const { text, repeated } of blockTexts(block)) {
      for (const path of placeholders(text)) {
        if (repeated && (path === 'index' || path === 'item')) continue;
        if (repeated && path.startsWith('item.')) {
          if (first !== undefined && resolveInScope(model, path, { item: first, index: 1 }) === UNKNOWN) report(where, path);
          continue;
        }
        if (resolveField(model, path) === UNKNOWN) report(where, path);
      }
    }
  });
  return issues;
}
