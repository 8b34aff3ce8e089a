import { describe, expect, it } from 'vitest';
import { letterView, type FieldSegment, type LetterParagraph } from '../../../../shared/documents/letter-view';
import { buildDocumentModel } from '../../../../shared/documents/model';
import { factoryTemplate, factoryTemplates, fixtureInputs } from '../../support/document-fixtures';

const plain = (p: LetterParagraph) => p.segments.map((s) => s.text).join('');
const fields = (p: LetterParagraph) => p.segments.filter((s): s is FieldSegment => s.kind === 'field');

describe('letterView', () => {
  const template = factoryTemplate('mission_letter_mvd');

  it('reads as the letter: values in place, each naming its model path, paragraphs with ids stable across renders', () => {
    const model = buildDocumentModel(fixtureInputs('mission_letter_mvd'));
    const view = letterView(template, model, { numberPending: true });
    const all = view.paragraphs.map(plain).join('\n');
    expect(all).toContain('Усенов Манызбек Жумабекович');
    expect(all).toContain('С уважением');
    const person = view.paragraphs.flatMap(fields).find((f) => f.path === 'person.fullNameRu');
    expect(person).toMatchObject({ text: 'Усенов Манызбек Жумабекович', requisite: 'фамилия, имя, отчество гражданина', missing: false });
    const number = view.paragraphs.flatMap(fields).find((f) => f.path === 'outgoing.number');
    expect(number?.pending).toBe(true);
    expect(view.missing).toEqual([]);
    const ids = view.paragraphs.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(letterView(template, model).paragraphs.map((p) => p.id)).toEqual(ids);
    // The executor mark is the letter's last line, as it prints on the foot of the last page.
    expect(view.paragraphs.at(-1)?.role).toBe('executor');
  });

  it('marks a missing requisite where it would print, and lists those it cannot place', () => {
    const inputs = fixtureInputs('mission_letter_mvd');
    const model = buildDocumentModel({ ...inputs, attachments: [], caseworker: { ...inputs.caseworker, phone: '' }, mission: { ...inputs.mission, phones: '' } });
    const view = letterView(template, model);
    expect(view.missing.map((m) => m.path)).toEqual(expect.arrayContaining(['attachments', 'executor.phone']));
    const attachments = view.paragraphs.find((p) => p.role === 'attachments');
    expect(fields(attachments!)[0]).toMatchObject({ path: 'attachments', missing: true, requisite: expect.stringContaining('перечень приложений') });
    const executor = view.paragraphs.find((p) => p.role === 'executor')!;
    expect(fields(executor).find((f) => f.path === 'executor.phone')).toMatchObject({ missing: true });
    expect(view.unplaced).toEqual([]);
  });

  it('names the path of a repeated row value as <collection>[].<field>, and lays out every factory template', () => {
    for (const t of factoryTemplates()) {
      const view = letterView(t, buildDocumentModel(fixtureInputs(t.kind)));
      expect(view.paragraphs.length, t.kind).toBeGreaterThan(2);
      for (const f of view.paragraphs.flatMap(fields)) expect(f.path, t.kind).not.toMatch(/^item\./);
    }
    const certificate = letterView(factoryTemplate('name_spelling_certificate'), buildDocumentModel(fixtureInputs('name_spelling_certificate')));
    const table = certificate.paragraphs.find((p) => p.table);
    expect(table?.table?.rows.length).toBeGreaterThan(1);
    expect(table?.table?.rows[0]!.flat().some((s) => s.kind === 'field' && s.path.startsWith('spelling.rows[].'))).toBe(true);
  });
});
