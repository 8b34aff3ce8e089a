import type { TFunction } from 'i18next';
import type { EditorIssue } from './draft-model';

/**
 * An editor issue as a sentence in the user's language. The template schema's own messages are English
 * sentences for developers; the ones a caseworker can meet are recognised here and translated, with the
 * names they carry (a field, a block type, a requisite).
 */

const CUSTOM: Array<[RegExp, (t: TFunction, m: RegExpExecArray) => string]> = [
  [/^Unpaired \*\*/, (t) => t('templates.issues.unpairedBold')],
  [/^Unpaired \{\{ or \}\}/, (t) => t('templates.issues.unpairedBraces', { open: '{{', close: '}}' })],
  [/^Bad placeholder (.*)$/, (t, m) => t('templates.issues.badPlaceholder', { name: m[1] })],
  [/needs an unconditional (\w+) block/, (t, m) => t('templates.issues.missingBlock', { block: t(`templates.blockTypes.${m[1]}`, { defaultValue: m[1] }) })],
  [/must list the requisite (\S+)/, (t, m) => t('templates.issues.missingRequisite', { requisite: m[1] })],
  [/^At most one executor/, (t) => t('templates.issues.oneExecutor')],
  [/^\{\{.*\}\} needs the condition (legal\.\S+?):/, (t, m) => t('templates.issues.legalCondition', { condition: m[1] })],
  [/^(\{\{.*\}\}) is only meaningful inside a repeated row/, (t, m) => t('templates.issues.rowOnly', { name: m[1] })],
  [/^A list has either/, (t) => t('templates.issues.listForm')],
  [/^A signature block needs/, (t) => t('templates.issues.signatureNeeds')],
  [/^Position and name go together/, (t) => t('templates.issues.signaturePair')],
  [/^Expected a field path/, (t) => t('templates.issues.fieldPath')],
];

const list = (value: unknown) => (Array.isArray(value) ? value.map(String).join(', ') : String(value ?? ''));

function schemaText(t: TFunction, issue: Extract<EditorIssue, { kind: 'schema' }>): string {
  for (const [pattern, text] of CUSTOM) {
    const match = pattern.exec(issue.message);
    if (match) return text(t, match);
  }
  const p = issue.params;
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? t('templates.issues.required') : t('templates.issues.invalidType', { expected: list(p.expected) });
    case 'too_small':
      return p.origin === 'string' && p.minimum === 1 ? t('templates.issues.empty') : t('templates.issues.tooSmall', { minimum: String(p.minimum) });
    case 'too_big':
      return t('templates.issues.tooBig', { maximum: String(p.maximum) });
    case 'invalid_value':
      return t('templates.issues.invalidOption', { values: list(p.values) });
    case 'invalid_union':
      // An unknown block type is the one union a user meets: the discriminator names the allowed types.
      return p.note === 'No matching discriminator' || Array.isArray(p.options) ? t('templates.issues.unknownType', { values: list(p.options) }) : t('templates.issues.invalid');
    case 'unrecognized_keys':
      return t('templates.issues.unknownKey', { keys: list(p.keys) });
    case 'invalid_format':
      return t('templates.issues.invalidFormat');
    default:
      return t('templates.issues.invalid');
  }
}

/** «Блок 5 (Абзац)», «Параметры шаблона» or «Шаблон». */
export function issuePlace(t: TFunction, issue: EditorIssue, blockType: (index: number) => string | undefined): string {
  if (issue.where === 'template') return t('templates.issues.where.template');
  if (issue.where === 'meta') return t('templates.issues.where.meta');
  const type = blockType(issue.where);
  return t('templates.issues.where.block', { index: issue.where + 1, type: t(`templates.blockTypes.${type ?? 'unknown'}`, { defaultValue: type }) });
}

/** What is wrong, with the field when there is one: «поле «text»: непарный маркер жирного шрифта **». */
export function issueText(t: TFunction, issue: EditorIssue): string {
  let text: string;
  switch (issue.kind) {
    case 'json':
      text = t('templates.issues.json', { line: issue.line, column: issue.column });
      break;
    case 'not_object':
      text = t('templates.issues.notObject');
      break;
    case 'unknown_field':
      text = t('templates.issues.unknownField', { name: `{{${issue.name}}}` });
      break;
    default:
      text = schemaText(t, issue);
  }
  return issue.field ? `${t('templates.issues.field', { field: issue.field })}: ${text}` : text;
}
