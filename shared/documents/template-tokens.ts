import { PLACEHOLDER } from './template-schema';

/**
 * A template's inline text as the PDF and the review both read it: literal text and `{{path}}` fields, each
 * with the bold state `**` markers left it in. The markers come from the template only; a field's value never
 * toggles bold, which is why fields are tokens here and not substituted text.
 */
export type TemplateToken = { kind: 'text'; text: string; bold: boolean } | { kind: 'field'; path: string; bold: boolean };

const TOKEN = new RegExp(`${PLACEHOLDER.source}|\\*\\*`, 'g');

/** Splits template text into literal pieces (never empty) and fields, in order. */
export function tokenizeTemplateText(text: string): TemplateToken[] {
  const out: TemplateToken[] = [];
  let bold = false;
  let last = 0;
  const literal = (piece: string) => {
    if (piece !== '') out.push({ kind: 'text', text: piece, bold });
  };
  for (const m of text.matchAll(TOKEN)) {
    literal(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[0] === '**') bold = !bold;
    else out.push({ kind: 'field', path: m[1]!, bold });
  }
  literal(text.slice(last));
  return out;
}
