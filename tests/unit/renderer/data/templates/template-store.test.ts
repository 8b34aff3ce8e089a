import { describe, expect, it } from 'vitest';
import {
  loadTemplates,
  resetTemplateToFactory,
  saveTemplateVersion,
  templateById,
  templateHistory,
} from '../../../../../renderer/src/data/templates/templates.repo';
import type { DocumentTemplate } from '../../../../../shared/documents/template-schema';
import { TEMPLATE_IDS } from '../../../../../shared/reference/schema';
import { db } from '../../../../../renderer/src/data/schema';
import { actor, freshDb, selectDb } from '../../../support/db-fixtures';
import { factoryApi } from '../../../support/template-fixtures';

const api = factoryApi();
const T0 = new Date('2026-01-10T09:00:00Z');

/** The mission letter with its first paragraph's text replaced. */
async function edited(text: string): Promise<DocumentTemplate> {
  // Read from a scratch database, so the edit starts from the factory text; then back to the test's.
  const current = db();
  freshDb();
  const entry = await templateById('mission_letter_mvd', api);
  selectDb(current);
  const template = structuredClone(entry!.template);
  const index = template.blocks.findIndex((b) => b.type === 'paragraph');
  template.blocks[index] = { ...(template.blocks[index] as Extract<DocumentTemplate['blocks'][number], { type: 'paragraph' }>), text };
  return template;
}

describe('template store', () => {
  it('starts with the factory templates only, read-only, at their factory version', async () => {
    freshDb();
    const entries = await loadTemplates(api);
    expect(entries.map((e) => e.template.id).sort()).toEqual([...TEMPLATE_IDS].sort());
    expect(entries.every((e) => e.origin === 'factory' && e.template.readOnly && e.version === e.template.version)).toBe(true);
  });

  it('saves an edit as version 2 over the factory template, audited, and the next edit as version 3', async () => {
    const db = freshDb();
    const first = await saveTemplateVersion(await edited('Первая правка {{person.fullNameRu}}.'), actor, { api, now: T0 });
    expect(first).toMatchObject({ ok: true, entry: { id: 'mission_letter_mvd', version: 2, origin: 'custom' } });
    const second = await saveTemplateVersion(await edited('Вторая правка.'), actor, { api, now: new Date(T0.getTime() + 60_000) });
    expect(second.ok && second.entry.version).toBe(3);

    const entry = await templateById('mission_letter_mvd', api);
    expect(entry).toMatchObject({ version: 3, origin: 'custom', template: { version: 3, readOnly: false } });
    expect(entry!.template.blocks.some((b) => b.type === 'paragraph' && b.text === 'Вторая правка.')).toBe(true);
    // The other templates are still the factory ones.
    const all = await loadTemplates(api);
    expect(all.filter((e) => e.origin === 'custom').map((e) => e.id)).toEqual(['mission_letter_mvd']);

    const audit = await db.audit.where('caseId').equals('').toArray();
    expect(audit.map((a) => [a.entity, a.entityId, a.action, a.who])).toEqual([
      ['template', 'mission_letter_mvd@2', 'create', actor.who],
      ['template', 'mission_letter_mvd@3', 'update', actor.who],
    ]);
    expect((audit[1]!.changes[0]!.before as DocumentTemplate).version).toBe(2);
  });

  it('refuses an invalid template and stores nothing, naming the block and field at fault', async () => {
    const db = freshDb();
    const broken = await edited('Непарный ** жирный');
    const result = await saveTemplateVersion(broken, actor, { api, now: T0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const index = broken.blocks.findIndex((b) => b.type === 'paragraph');
    expect(result.issues).toContainEqual({ path: `blocks.${index}.text`, message: 'Unpaired ** (bold marker)' });
    expect(await db.templates.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('refuses to drop a block the kind requires, or to change the kind', async () => {
    freshDb();
    const template = await edited('Текст.');
    const withoutSignature = { ...template, blocks: template.blocks.filter((b) => b.type !== 'signature') };
    const result = await saveTemplateVersion(withoutSignature, actor, { api, now: T0 });
    expect(result.ok === false && result.issues.map((i) => i.path)).toEqual(['blocks']);
    const otherKind = await saveTemplateVersion({ ...template, kind: 'reminder' }, actor, { api, now: T0 });
    expect(otherKind.ok).toBe(false);
  });

  it('resets to factory: the factory template is in force again, the custom versions stay in history, and numbering continues', async () => {
    const db = freshDb();
    await saveTemplateVersion(await edited('Правка.'), actor, { api, now: T0 });
    const reset = await resetTemplateToFactory('mission_letter_mvd', actor, { api, now: new Date(T0.getTime() + 1000) });
    expect(reset).toMatchObject({ origin: 'factory', version: 1 });
    expect(await templateById('mission_letter_mvd', api)).toMatchObject({ origin: 'factory', version: 1, template: { readOnly: true } });
    const history = await templateHistory('mission_letter_mvd');
    expect(history.map((h) => [h.action, h.version, h.template === null])).toEqual([
      ['reset', 1, true],
      ['edit', 2, false],
    ]);
    const audit = await db.audit.orderBy('seq').last();
    expect(audit).toMatchObject({ entity: 'template', action: 'update', note: 'reset_to_factory' });

    // A reset of a template already in its factory form writes nothing.
    await resetTemplateToFactory('mission_letter_mvd', actor, { api });
    expect(await db.templates.count()).toBe(2);

    const again = await saveTemplateVersion(await edited('Снова.'), actor, { api, now: new Date(T0.getTime() + 2000) });
    expect(again.ok && again.entry.version).toBe(3);
  });

  it('keeps an unsaved draft until the version is saved', async () => {
    const db = freshDb();
    await db.templateDrafts.put({ id: 'mission_letter_mvd', baseVersion: 1, meta: '{}', blocks: [{ key: 'b0', text: null, json: '{}' }], savedAt: T0.toISOString() });
    await saveTemplateVersion(await edited('Правка.'), actor, { api, now: T0 });
    expect(await db.templateDrafts.get('mission_letter_mvd')).toBeUndefined();
  });
});

describe('template store: fields that do not exist', () => {
  it('refuses a placeholder naming no field of the sample model, naming the block', async () => {
    const { buildDocumentModel } = await import('../../../../../shared/documents/model');
    const { fixtureInputs } = await import('../../../support/document-fixtures');
    const sample = buildDocumentModel(fixtureInputs('mission_letter_mvd'));
    const db = freshDb();
    const typo = await edited('Гражданин {{person.fullNmeRu}}.');
    const result = await saveTemplateVersion(typo, actor, { api, now: T0, sample });
    const index = typo.blocks.findIndex((b) => b.type === 'paragraph');
    expect(result).toEqual({ ok: false, issues: [{ path: `blocks.${index}`, message: 'No such field: person.fullNmeRu' }] });
    expect(await db.templates.count()).toBe(0);
  });
});
