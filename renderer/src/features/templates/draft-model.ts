import type { DocumentModel } from '../../../../shared/documents/model';
import { unknownFieldIssues } from '../../../../shared/documents/template-check';
import { documentTemplateSchema, type DocumentTemplate } from '../../../../shared/documents/template-schema';
import { jsonErrorOffset } from './json-error';

/**
 * The editor's working copy of a template. Each block is kept as text the user types: its main text (for the
 * blocks that have one: heading, salutation, paragraph) in a plain field, and its other properties as JSON.
 * Nothing is parsed away while typing, so an unfinished edit is never lost; `assembleDraft` turns the working
 * copy back into a template and says exactly which block and field is wrong.
 */

export interface DraftBlock {
  /** Stable React key across moves and inserts. */
  key: string;
  text: string | null;
  json: string;
}

export interface TemplateDraft {
  id: string;
  baseVersion: number;
  meta: string;
  blocks: DraftBlock[];
}

const META_KEYS = ['title', 'language', 'fontSize', 'maxPages', 'requisites'] as const;

let keySeq = 0;
export const newBlockKey = () => `b${Date.now().toString(36)}${(keySeq++).toString(36)}`;

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export function draftBlockOf(block: DocumentTemplate['blocks'][number]): DraftBlock {
  const { text, ...rest } = block as { text?: unknown } & Record<string, unknown>;
  const hasText = (block.type === 'heading' || block.type === 'salutation' || block.type === 'paragraph') && typeof text === 'string';
  return { key: newBlockKey(), text: hasText ? (text as string) : null, json: pretty(hasText ? rest : block) };
}

export function draftOf(template: DocumentTemplate): TemplateDraft {
  const meta = Object.fromEntries(META_KEYS.filter((k) => template[k] !== undefined).map((k) => [k, template[k]]));
  return { id: template.id, baseVersion: template.version, meta: pretty(meta), blocks: template.blocks.map(draftBlockOf) };
}

/** A new paragraph to insert: the most common edit. */
export function newParagraph(): DraftBlock {
  return { key: newBlockKey(), text: 'Текст абзаца.', json: pretty({ type: 'paragraph' }) };
}

/** Where an issue is: the template as a whole, its settings, or a block (0-based index). */
export type IssueWhere = 'template' | 'meta' | number;

export type EditorIssue =
  | { where: IssueWhere; field: string; kind: 'json'; line: number; column: number }
  | { where: IssueWhere; field: string; kind: 'not_object' }
  | { where: IssueWhere; field: string; kind: 'unknown_field'; name: string }
  | { where: IssueWhere; field: string; kind: 'schema'; code: string; message: string; params: Record<string, unknown> };

export type Assembled = { ok: true; template: DocumentTemplate } | { ok: false; issues: EditorIssue[] };

/** Line and column (1-based) where a JSON text goes wrong. */
function jsonIssue(where: IssueWhere, source: string): EditorIssue {
  const before = source.slice(0, jsonErrorOffset(source)).split('\n');
  return { where, field: '', kind: 'json', line: before.length, column: before[before.length - 1]!.length + 1 };
}

function parseObject(where: IssueWhere, source: string, issues: EditorIssue[]): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    issues.push(jsonIssue(where, source));
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({ where, field: '', kind: 'not_object' });
    return null;
  }
  return value as Record<string, unknown>;
}

/** A schema issue path → where it belongs and the field inside it. */
function locate(path: readonly PropertyKey[]): { where: IssueWhere; field: string } {
  const parts = path.map(String);
  if (parts[0] === 'blocks' && parts.length >= 2 && /^\d+$/.test(parts[1]!)) return { where: Number(parts[1]), field: parts.slice(2).join('.') };
  if (parts[0] === 'blocks' || parts.length === 0) return { where: 'template', field: '' };
  return { where: 'meta', field: parts.join('.') };
}

/**
 * The working copy as a template (the id, kind and version of `base`; never read-only), validated by the
 * template schema and, given a sample model, checked for fields that do not exist. Issues name the block
 * (or the settings) and the field.
 */
export function assembleDraft(draft: TemplateDraft, base: DocumentTemplate, sample?: DocumentModel): Assembled {
  const issues: EditorIssue[] = [];
  const meta = parseObject('meta', draft.meta, issues);
  const blocks = draft.blocks.map((block, index) => {
    const parsed = parseObject(index, block.json, issues);
    if (parsed && block.text !== null) parsed.text = block.text;
    return parsed;
  });
  if (issues.length > 0 || meta === null) return { ok: false, issues };
  for (const key of Object.keys(meta)) {
    if (!(META_KEYS as readonly string[]).includes(key)) issues.push({ where: 'meta', field: key, kind: 'schema', code: 'unrecognized_keys', message: '', params: { keys: [key] } });
  }
  const candidate = { ...meta, id: base.id, kind: base.kind, version: base.version, readOnly: false, blocks };
  const result = documentTemplateSchema.safeParse(candidate);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const { code, message, path, ...rest } = issue as { code: string; message: string; path: PropertyKey[] } & Record<string, unknown>;
      const params = { ...rest, ...((rest.params as Record<string, unknown> | undefined) ?? {}) };
      delete params.input;
      issues.push({ ...locate(path), kind: 'schema', code, message, params });
    }
  }
  if (issues.length > 0 || !result.success) return { ok: false, issues };
  if (sample) {
    for (const unknown of unknownFieldIssues(result.data, sample)) {
      const [section, index] = unknown.path.split('.');
      issues.push(section === 'blocks' ? { where: Number(index), field: '', kind: 'unknown_field', name: unknown.field } : { where: 'meta', field: `requisites.${index}`, kind: 'unknown_field', name: unknown.field });
    }
    if (issues.length > 0) return { ok: false, issues };
  }
  return { ok: true, template: result.data };
}

/** Whether a draft says anything different from the template it was started from. */
export function draftChanged(draft: TemplateDraft, template: DocumentTemplate): boolean {
  const fresh = draftOf(template);
  return fresh.meta !== draft.meta || fresh.blocks.length !== draft.blocks.length || fresh.blocks.some((b, i) => b.text !== draft.blocks[i]!.text || b.json !== draft.blocks[i]!.json);
}
