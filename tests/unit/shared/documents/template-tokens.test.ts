import { describe, expect, it } from 'vitest';
import { tokenizeTemplateText } from '../../../../shared/documents/template-tokens';

describe('tokenizeTemplateText', () => {
  it('splits literal text and fields, keeping the bold state the markers leave', () => {
    expect(tokenizeTemplateText('Исх. **№ {{outgoing.number}}** от {{ outgoing.date }}.')).toEqual([
      { kind: 'text', text: 'Исх. ', bold: false },
      { kind: 'text', text: '№ ', bold: true },
      { kind: 'field', path: 'outgoing.number', bold: true },
      { kind: 'text', text: ' от ', bold: false },
      { kind: 'field', path: 'outgoing.date', bold: false },
      { kind: 'text', text: '.', bold: false },
    ]);
  });

  it('gives no empty literal pieces and treats text without markers as one plain piece', () => {
    expect(tokenizeTemplateText('{{a}}{{b}}')).toEqual([
      { kind: 'field', path: 'a', bold: false },
      { kind: 'field', path: 'b', bold: false },
    ]);
    expect(tokenizeTemplateText('Просим рассмотреть.')).toEqual([{ kind: 'text', text: 'Просим рассмотреть.', bold: false }]);
    expect(tokenizeTemplateText('')).toEqual([]);
  });

  it('an unclosed bold marker leaves the rest bold; braces that are not a field stay text', () => {
    expect(tokenizeTemplateText('**Важно: {x}')).toEqual([{ kind: 'text', text: 'Важно: {x}', bold: true }]);
  });
});
