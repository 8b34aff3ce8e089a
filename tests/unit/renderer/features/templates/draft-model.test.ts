import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleDraft, draftChanged, draftOf, newParagraph, type EditorIssue } from '../../../../../renderer/src/features/templates/draft-model';
import { issuePlace, issueText } from '../../../../../renderer/src/features/templates/issue-text';
import { templatesMessages } from '../../../../../renderer/src/features/templates/messages';
import { buildDocumentModel } from '../../../../../shared/documents/model';
import { sampleInputs } from '../../../../../shared/documents/sample-case';
import { factoryBundle } from '../../../support/reference-fixtures';
import { factoryTemplate } from '../../../support/document-fixtures';

const letter = factoryTemplate('mission_letter_mvd');
const sample = buildDocumentModel(sampleInputs('mission_letter_mvd', factoryBundle()));
const closing = letter.blocks.findIndex((b) => b.type === 'paragraph' && b.text.includes('заранее благодарит'));
const signature = letter.blocks.findIndex((b) => b.type === 'signature');

let t: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'ru', resources: { ru: { translation: { templates: templatesMessages.ru } } }, interpolation: { escapeValue: false }, fallbackLng: false });
  t = instance.t.bind(instance) as TFunction;
});

function say(issue: EditorIssue, blocks = draftOf(letter).blocks): string {
  const typeAt = (i: number) => /"type"\s*:\s*"([a-z_]+)"/.exec(blocks[i]?.json ?? '')?.[1];
  return `${issuePlace(t, issue, typeAt)}: ${issueText(t, issue)}`;
}

describe('template draft', () => {
  it('round-trips a factory template unchanged, as an editable (not read-only) template', () => {
    const draft = draftOf(letter);
    expect(draft.blocks[closing]!.text).toContain('заранее благодарит');
    expect(draft.blocks[signature]!.text).toBeNull();
    const result = assembleDraft(draft, letter, sample);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect({ ...result.template, readOnly: true }).toEqual(letter);
    expect(draftChanged(draft, letter)).toBe(false);
  });

  it('names the block and field of a schema error, in Russian', () => {
    const draft = draftOf(letter);
    draft.blocks[closing] = { ...draft.blocks[closing]!, text: 'Непарный ** маркер' };
    const result = assembleDraft(draft, letter, sample);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => say(i, draft.blocks))).toEqual([`Блок ${closing + 1} (Абзац): поле «text»: непарный маркер жирного шрифта **`]);
    expect(draftChanged(draft, letter)).toBe(true);
  });

  it('reports a JSON syntax error by block, line and column, without losing the text typed', () => {
    const draft = draftOf(letter);
    draft.blocks[signature] = { ...draft.blocks[signature]!, json: '{\n  "type": "signature",\n  "seal": tru\n}' };
    const result = assembleDraft(draft, letter, sample);
    if (result.ok) throw new Error('expected issues');
    expect(result.issues).toHaveLength(1);
    expect(say(result.issues[0]!, draft.blocks)).toMatch(new RegExp(`^Блок ${signature + 1} \\(Подпись\\): ошибка синтаксиса JSON, строка 3, позиция 14$`));
    expect(draft.blocks[signature]!.json).toContain('tru');
  });

  it('reports a missing required block, an unknown property, a wrong enum value and an unknown field', () => {
    const withoutSignature = draftOf(letter);
    withoutSignature.blocks.splice(signature, 1);
    const missing = assembleDraft(withoutSignature, letter, sample);
    expect(missing.ok === false && missing.issues.map((i) => say(i, withoutSignature.blocks))).toEqual(['Шаблон: для этого вида документа нужен блок «Подпись» без условия']);

    const draft = draftOf(letter);
    draft.blocks[closing] = { ...draft.blocks[closing]!, json: JSON.stringify({ type: 'paragraph', align: 'middle', colour: 'red' }) };
    const wrong = assembleDraft(draft, letter, sample);
    if (wrong.ok) throw new Error('expected issues');
    const texts = wrong.issues.map((i) => say(i, draft.blocks));
    expect(texts).toContain(`Блок ${closing + 1} (Абзац): поле «align»: недопустимое значение; возможные: justify, left, right, center`);
    expect(texts).toContain(`Блок ${closing + 1} (Абзац): неизвестное свойство: colour`);

    const typo = draftOf(letter);
    typo.blocks[closing] = { ...typo.blocks[closing]!, text: 'Гражданин {{person.fullNmeRu}}.' };
    const unknown = assembleDraft(typo, letter, sample);
    expect(unknown.ok === false && unknown.issues.map((i) => say(i, typo.blocks))).toEqual([`Блок ${closing + 1} (Абзац): поле {{person.fullNmeRu}} не существует`]);
  });

  it('reports settings errors under the settings', () => {
    const draft = draftOf(letter);
    draft.meta = JSON.stringify({ ...JSON.parse(draft.meta), fontSize: 20 });
    const result = assembleDraft(draft, letter, sample);
    expect(result.ok === false && result.issues.map((i) => say(i))).toEqual(['Параметры шаблона: поле «fontSize»: значение больше допустимого (14)']);
  });

  it('accepts an inserted paragraph', () => {
    const draft = draftOf(letter);
    draft.blocks.splice(closing, 0, newParagraph());
    const result = assembleDraft(draft, letter, sample);
    expect(result.ok && result.template.blocks[closing]).toEqual({ type: 'paragraph', text: 'Текст абзаца.', align: 'justify', indent: true, bold: false, spaceBefore: 0 });
  });

  it('locates JSON errors of every kind', async () => {
    const { jsonErrorOffset } = await import('../../../../../renderer/src/features/templates/json-error');
    for (const [text, offset] of [
      ['{"a": 1,}', 8],
      ['{"a" 1}', 5],
      ['{"a": "x\n"}', 8],
      ['{"a": [1, 2}', 11],
      ['{"a": 01}', 7],
      ['{"a": 1} x', 9],
      ['', 0],
    ] as const) {
      expect([text, jsonErrorOffset(text)]).toEqual([text, offset]);
    }
  });
});
