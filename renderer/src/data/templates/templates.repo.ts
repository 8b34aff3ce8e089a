import { writeAudit } from '../audit.repo';
import { useLiveQuery } from 'dexie-react-hooks';
import type { DocumentTemplate } from '../../../../shared/documents/template-schema';
import type { DocumentModel } from '../../../../shared/documents/model';
import { unknownFieldIssues } from '../../../../shared/documents/template-check';
import { parseTemplate } from '../../../../shared/documents/template-schema';
import type { AryzApi } from '../../../../shared/ipc/contract';
import { IpcCallError } from '../../../../shared/ipc/result';
import { getApi } from '../../api';
import { db, type TemplateVersionRow } from '../schema';
import type { Actor } from '../cases/cases.repo';

/** A template in force: the factory one, or the latest custom version saved over it. */
export type TemplateEntry = { id: string; version: number; origin: 'factory' | 'custom'; template: DocumentTemplate };

type FactorySource = Pick<AryzApi, 'getFactoryTemplates'>;

let factory: { api: FactorySource; templates: Promise<DocumentTemplate[]> } | null = null;

/** The factory templates from main, fetched once per API (they only change with the app). */
export function factoryTemplates(api: FactorySource = getApi()): Promise<DocumentTemplate[]> {
  if (factory?.api === api) return factory.templates;
  const templates = (async () => {
    const result = await api.getFactoryTemplates({});
    if (!result.ok) throw new IpcCallError(result.error, 'factory templates unavailable');
    return result.value.templates;
  })();
  factory = { api, templates };
  templates.catch(() => {
    if (factory?.templates === templates) factory = null;
  });
  return templates;
}

/** The last history row of every template id (highest seq). */
async function latestRows(): Promise<Map<string, TemplateVersionRow>> {
  const latest = new Map<string, TemplateVersionRow>();
  await db().templates.orderBy('seq').each((row) => {
    latest.set(row.id, row);
  });
  return latest;
}

function entryOf(base: DocumentTemplate | undefined, row: TemplateVersionRow | undefined): TemplateEntry | undefined {
  if (row?.template) return { id: row.id, version: row.version, origin: 'custom', template: row.template };
  if (base) return { id: base.id, version: base.version, origin: 'factory', template: base };
  return undefined;
}

/** Every template in force, in the factory order: custom edits override the factory template of the same id. */
export async function loadTemplates(api: FactorySource = getApi()): Promise<TemplateEntry[]> {
  const [templates, latest] = await Promise.all([factoryTemplates(api), latestRows()]);
  return templates.map((t) => entryOf(t, latest.get(t.id))!);
}

export async function templateById(id: string, api: FactorySource = getApi()): Promise<TemplateEntry | undefined> {
  const [templates, rows] = await Promise.all([factoryTemplates(api), db().templates.where('id').equals(id).sortBy('seq')]);
  return entryOf(
    templates.find((t) => t.id === id),
    rows[rows.length - 1],
  );
}

/** The templates in force, live (undefined while loading). */
export function useTemplates(): TemplateEntry[] | undefined {
  return useLiveQuery(() => loadTemplates(), []);
}

/** A template's saved history, newest first. */
export async function templateHistory(id: string): Promise<TemplateVersionRow[]> {
  return (await db().templates.where('id').equals(id).sortBy('seq')).reverse();
}

export function useTemplateHistory(id: string): TemplateVersionRow[] | undefined {
  return useLiveQuery(() => templateHistory(id), [id]);
}

export interface StoreOptions {
  api?: FactorySource;
  now?: Date;
}

export type TemplateSave = { ok: true; entry: TemplateEntry } | { ok: false; issues: Array<{ path: string; message: string }> };

/**
 * Validates an edited template (and, given the sample model, that every field it names exists) and stores it as the next version of its id (numbers continue after the
 * factory version and every earlier custom one, so a version number is never reused). Invalid → nothing
 * stored. The new version is audited with the whole template before and after.
 */
export async function saveTemplateVersion(edited: unknown, actor: Actor, options: StoreOptions & { sample?: DocumentModel } = {}): Promise<TemplateSave> {
  const { api = getApi(), now = new Date() } = options;
  const templates = await factoryTemplates(api);
  const id = typeof edited === 'object' && edited !== null ? (edited as { id?: unknown }).id : undefined;
  const base = templates.find((t) => t.id === id);
  if (!base) return { ok: false, issues: [{ path: 'id', message: 'Unknown template id' }] };
  const candidate = { ...(edited as object), readOnly: false, version: base.version + 1 };
  const parsed = parseTemplate(candidate);
  if (!parsed.ok) return parsed;
  if (parsed.template.kind !== base.kind) return { ok: false, issues: [{ path: 'kind', message: 'The kind of a template cannot change' }] };
  if (options.sample) {
    const unknown = unknownFieldIssues(parsed.template, options.sample);
    if (unknown.length > 0) return { ok: false, issues: unknown.map((u) => ({ path: u.path, message: `No such field: ${u.field}` })) };
  }
  return db().transaction('rw', [db().templates, db().audit, db().templateDrafts], async () => {
    const rows = await db().templates.where('id').equals(base.id).sortBy('seq');
    const current = entryOf(base, rows[rows.length - 1])!;
    const version = Math.max(base.version, ...rows.map((r) => r.version)) + 1;
    const template: DocumentTemplate = { ...parsed.template, version };
    const at = now.toISOString();
    await db().templates.add({ id: base.id, version, action: 'edit', template, at, who: actor.who });
    await writeAudit({
      at,
      who: actor.who,
      caseId: '',
      entity: 'template',
      entityId: `${base.id}@${version}`,
      action: current.origin === 'factory' ? 'create' : 'update',
      changes: [{ field: `template.${base.id}`, before: current.template, after: template }],
      note: `version ${version}`,
    });
    await db().templateDrafts.delete(base.id);
    return { ok: true as const, entry: { id: base.id, version, origin: 'custom' as const, template } };
  });
}

/** Puts the factory template back in force; the custom versions stay in the history. Audited. */
export async function resetTemplateToFactory(id: string, actor: Actor, options: StoreOptions = {}): Promise<TemplateEntry> {
  const { api = getApi(), now = new Date() } = options;
  const base = (await factoryTemplates(api)).find((t) => t.id === id);
  if (!base) throw new Error(`No factory template ${id}`);
  return db().transaction('rw', [db().templates, db().audit, db().templateDrafts], async () => {
    const rows = await db().templates.where('id').equals(id).sortBy('seq');
    const current = entryOf(base, rows[rows.length - 1])!;
    const factoryEntry: TemplateEntry = { id, version: base.version, origin: 'factory', template: base };
    if (current.origin === 'factory') return factoryEntry;
    const at = now.toISOString();
    await db().templates.add({ id, version: base.version, action: 'reset', template: null, at, who: actor.who });
    await writeAudit({
      at,
      who: actor.who,
      caseId: '',
      entity: 'template',
      entityId: `${id}@${base.version}`,
      action: 'update',
      changes: [{ field: `template.${id}`, before: current.template, after: base }],
      note: 'reset_to_factory',
    });
    await db().templateDrafts.delete(id);
    return factoryEntry;
  });
}
