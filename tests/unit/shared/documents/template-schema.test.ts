import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactoryTemplates } from '../../../../electron/main/pdf/templates/factory';
import {
  blockTexts,
  parseTemplate,
  placeholders,
  REQUIRED_BLOCKS,
  REQUIRED_REQUISITES,
  TEMPLATE_KINDS,
  type DocumentTemplateInput,
} from '../../../../shared/documents/template-schema';
import { fixtureModel, factoryTemplates, TEMPLATES_DIR } from '../../support/document-fixtures';
import { resolveField, UNKNOWN } from '../../../../shared/documents/model';

function raw(kind: string): DocumentTemplateInput {
  return JSON.parse(readFileSync(path.join(TEMPLATES_DIR, `${kind}.json`), 'utf8')) as DocumentTemplateInput;
}

function issuesOf(data: unknown): string[] {
  const result = parseTemplate(data);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('factory templates', () => {
  it('ship one valid, read-only template per kind, each file named after its id', () => {
    const templates = factoryTemplates();
    expect(templates.map((t) => t.kind).sort()).toEqual([...TEMPLATE_KINDS].sort());
    for (const t of templates) {
      expect(t.id).toBe(t.kind);
      expect(t.version).toBe(1);
      expect(t.readOnly).toBe(true);
      expect(t.fontSize).toBeGreaterThanOrEqual(12);
      expect(t.fontSize).toBeLessThanOrEqual(14);
      for (const lang of ['ru', 'ky', 'en'] as const) expect(t.title[lang].length).toBeGreaterThan(0);
    }
  });

  it('name in every placeholder, condition and collection a field the merge model has', () => {
    for (const template of factoryTemplates()) {
      const model = fixtureModel(template.kind);
      for (const block of template.blocks) {
        const conditions = [block.if ?? []].flat().map((c) => c.replace(/^!/, ''));
        const each = block.type === 'list' || block.type === 'table' ? block.each : undefined;
        for (const path of [...conditions, ...(each ? [each] : [])]) {
          expect(resolveField(model, path), `${template.id}: ${path}`).not.toBe(UNKNOWN);
        }
        for (const { text, repeated } of blockTexts(block)) {
          for (const path of placeholders(text)) {
            if (repeated && (path === 'index' || path.startsWith('item.'))) continue;
            expect(resolveField(model, path), `${template.id}: {{${path}}}`).not.toBe(UNKNOWN);
          }
        }
      }
      for (const r of template.requisites) expect(resolveField(model, r.path), `${template.id}: ${r.path}`).not.toBe(UNKNOWN);
    }
  });

  it('cite legal provisions only through the legal-references table (no act or article typed into the text)', () => {
    const citation = /\d+-ФЗ|\bст\.\s*\d|\bстать[яиеёю]\s+\d|Указ[а-я]*\s+Президента|Постановлени[а-я]+\s+Правительства|Кодекс[а-я]*\s/u;
    for (const template of factoryTemplates()) {
      for (const block of template.blocks) {
        for (const { text } of blockTexts(block)) {
          const literal = text.replace(/\{\{[^}]*\}\}/g, '');
          expect(literal, `${template.id}: ${text}`).not.toMatch(citation);
        }
      }
    }
  });

  it('are loaded with their problems reported by file, never skipped', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aryz-templates-'));
    try {
      cpSync(TEMPLATES_DIR, dir, { recursive: true });
      const letter = raw('mission_letter_mvd');
      writeFileSync(path.join(dir, 'mission_letter_mvd.json'), JSON.stringify({ ...letter, readOnly: false }));
      writeFileSync(path.join(dir, 'receipt.json'), '{ not json');
      const result = loadFactoryTemplates(dir);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues).toEqual(
        expect.arrayContaining([
          { file: 'mission_letter_mvd.json', path: 'readOnly', message: 'A factory template is read-only' },
          expect.objectContaining({ file: 'receipt.json', path: '', message: expect.stringMatching(/^Not valid JSON/) }),
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('template schema rejects malformed templates', () => {
  const letter = () => raw('mission_letter_mvd');

  it('accepts the factory letter as it is (the baseline for the cases below)', () => {
    expect(issuesOf(letter())).toEqual([]);
  });

  it('an unknown kind, block type or property', () => {
    expect(issuesOf({ ...letter(), kind: 'court_claim' }).some((i) => i.startsWith('kind:'))).toBe(true);
    expect(issuesOf({ ...letter(), blocks: [...letter().blocks, { type: 'emblem' }] }).length).toBeGreaterThan(0);
    expect(issuesOf({ ...letter(), colour: 'red' }).length).toBeGreaterThan(0);
    expect(issuesOf({ ...letter(), blocks: [...letter().blocks, { type: 'paragraph', text: 'x', size: 40 }] }).length).toBeGreaterThan(0);
  });

  it('a body size outside 12–14 pt', () => {
    expect(issuesOf({ ...letter(), fontSize: 11 }).some((i) => i.startsWith('fontSize:'))).toBe(true);
    expect(issuesOf({ ...letter(), fontSize: 15 }).some((i) => i.startsWith('fontSize:'))).toBe(true);
  });

  it('malformed placeholders, unpaired bold markers and bad conditions', () => {
    const para = (text: string, extra: object = {}) => ({ ...letter(), blocks: [...letter().blocks, { type: 'paragraph', text, ...extra }] });
    expect(issuesOf(para('Тел.: {{person..phones}}'))).toEqual([expect.stringContaining('Bad placeholder {{person..phones}}')]);
    expect(issuesOf(para('Тел.: {{person.phones}'))).toEqual([expect.stringContaining('Unpaired {{ or }}')]);
    expect(issuesOf(para('**Важно: {{person.phones}}'))).toEqual([expect.stringContaining('Unpaired **')]);
    expect(issuesOf(para('x', { if: 'person phones' })).length).toBeGreaterThan(0);
    expect(issuesOf(para('x', { if: [] })).length).toBeGreaterThan(0);
  });

  it('a kind without its structural blocks, or with one of them only under a condition', () => {
    const withoutSignature = { ...letter(), blocks: letter().blocks.filter((b) => b.type !== 'signature') };
    expect(issuesOf(withoutSignature)).toEqual(['blocks: A mission_letter_mvd template needs an unconditional signature block']);
    const conditionalAttachments = { ...letter(), blocks: letter().blocks.map((b) => (b.type === 'attachments' ? { ...b, if: 'attachments' } : b)) };
    expect(issuesOf(conditionalAttachments)).toEqual(['blocks: A mission_letter_mvd template needs an unconditional attachments block']);
    const application = raw('citizen_application_mvd');
    expect(issuesOf({ ...application, blocks: application.blocks.filter((b) => b.type !== 'date_signature') })).toEqual([
      'blocks: A citizen_application_mvd template needs an unconditional date_signature block',
    ]);
  });

  it('a kind that drops a mandatory requisite (59-ФЗ art. 7: the postal address for the reply)', () => {
    const application = raw('citizen_application_mvd');
    const issues = issuesOf({ ...application, requisites: application.requisites.filter((r) => r.path !== 'person.postalAddress') });
    expect(issues).toEqual(['requisites: A citizen_application_mvd template must list the requisite person.postalAddress']);
    for (const kind of TEMPLATE_KINDS) {
      expect(REQUIRED_BLOCKS[kind].length).toBeGreaterThan(0);
      expect(REQUIRED_REQUISITES[kind].length).toBeGreaterThan(0);
    }
  });

  it('a legal citation that does not depend on the provision being verified', () => {
    const cite = { type: 'paragraph', text: 'В срок, установленный {{legal.59fz-art12.cite}}.' };
    expect(issuesOf({ ...letter(), blocks: [...letter().blocks, cite] })).toEqual([
      expect.stringContaining('{{legal.59fz-art12.cite}} needs the condition legal.59fz-art12'),
    ]);
    expect(issuesOf({ ...letter(), blocks: [...letter().blocks, { ...cite, if: 'legal.59fz-art12' }] })).toEqual([]);
    expect(issuesOf({ ...letter(), blocks: [...letter().blocks, { ...cite, if: 'legal.59fz-art7' }] })).toHaveLength(1);
  });

  it('row fields outside a repeated row, and lists that are neither repeated nor fixed', () => {
    expect(issuesOf({ ...letter(), blocks: [...letter().blocks, { type: 'paragraph', text: '{{item.title}}' }] })).toEqual([
      expect.stringContaining('{{item.title}} is only meaningful inside a repeated row'),
    ]);
    expect(issuesOf({ ...letter(), blocks: [...letter().blocks, { type: 'list', each: 'attachments', items: ['x'] }] }).length).toBeGreaterThan(0);
    expect(issuesOf({ ...letter(), blocks: [...letter().blocks, { type: 'list', each: 'attachments' }] }).length).toBeGreaterThan(0);
  });

  it('a signature block with a position but no name, a table without columns, an empty requisite list', () => {
    expect(issuesOf({ ...letter(), blocks: [...letter().blocks, { type: 'signature', position: '{{signatory.position}}' }] })).toEqual([
      expect.stringContaining('Position and name go together'),
    ]);
    expect(issuesOf({ ...letter(), blocks: [...letter().blocks, { type: 'table', each: 'citizens', columns: [] }] }).length).toBeGreaterThan(0);
    expect(issuesOf({ ...letter(), requisites: [] }).some((i) => i.startsWith('requisites'))).toBe(true);
  });
});
