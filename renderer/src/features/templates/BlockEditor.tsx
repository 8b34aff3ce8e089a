import { useTranslation } from 'react-i18next';
import type { DraftBlock, EditorIssue } from './draft-model';
import { issueText } from './issue-text';

/** The block type a draft block declares, read leniently from its JSON (it may not parse while being typed). */
export function declaredType(block: DraftBlock): string | undefined {
  return /"type"\s*:\s*"([a-z_]+)"/.exec(block.json)?.[1];
}

/** Rows for a textarea showing `text`: all of it up to a limit. */
const rowsFor = (text: string, max: number) => Math.min(max, Math.max(2, text.split('\n').length));

interface Props {
  block: DraftBlock;
  index: number;
  count: number;
  issues: EditorIssue[];
  readOnly: boolean;
  onChange(next: DraftBlock): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
  onInsertAfter(): void;
}

export const blockFieldId = (index: number, part: 'text' | 'json') => `template-block-${index}-${part}`;

/** One block of the template: its text in a plain field (when it has one), its other properties as JSON. */
export function BlockEditor({ block, index, count, issues, readOnly, onChange, onMove, onRemove, onInsertAfter }: Props) {
  const { t } = useTranslation();
  const number = index + 1;
  const type = declaredType(block);
  const typeName = t(`templates.blockTypes.${type ?? 'unknown'}`, { defaultValue: type });
  const textIssues = issues.filter((i) => i.field === 'text' || i.field.startsWith('text.'));
  const otherIssues = issues.filter((i) => !textIssues.includes(i));
  const headingId = `template-block-${index}-heading`;
  const textErrorId = `template-block-${index}-text-error`;
  const jsonErrorId = `template-block-${index}-json-error`;
  return (
    <li className={issues.length > 0 ? 'template-block template-block--invalid' : 'template-block'} aria-labelledby={headingId}>
      <div className="template-block__head">
        <h3 id={headingId}>{t('templates.editor.blockHeading', { index: number, type: typeName })}</h3>
        {readOnly ? null : (
          <div className="template-block__actions" role="group" aria-label={t('templates.editor.blockActions', { index: number })}>
            <button type="button" className="button button--small" disabled={index === 0} onClick={() => onMove(-1)}>
              {t('templates.editor.moveUp')}
            </button>
            <button type="button" className="button button--small" disabled={index === count - 1} onClick={() => onMove(1)}>
              {t('templates.editor.moveDown')}
            </button>
            <button type="button" className="button button--small" onClick={onInsertAfter}>
              {t('templates.editor.addParagraph')}
            </button>
            <button type="button" className="button button--small button--danger" onClick={onRemove}>
              {t('templates.editor.remove')}
            </button>
          </div>
        )}
      </div>
      {block.text !== null ? (
        <div className="field template-field">
          <label htmlFor={blockFieldId(index, 'text')}>{t('templates.editor.blockText', { index: number })}</label>
          <textarea
            id={blockFieldId(index, 'text')}
            value={block.text}
            readOnly={readOnly}
            rows={rowsFor(block.text, 8) + (block.text.length > 240 ? 2 : 0)}
            spellCheck
            aria-invalid={textIssues.length > 0 || undefined}
            aria-describedby={textIssues.length > 0 ? textErrorId : undefined}
            onChange={(event) => onChange({ ...block, text: event.target.value })}
          />
          {readOnly ? null : <div className="field__hint">{t('templates.editor.blockTextHint', { field: '{{person.fullNameRu}}' })}</div>}
          {textIssues.length > 0 ? (
            <div id={textErrorId} className="field__error">
              {textIssues.map((issue) => (
                <p key={issueText(t, issue)}>{issueText(t, issue)}</p>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="field template-field">
        <label htmlFor={blockFieldId(index, 'json')}>{t(block.text !== null ? 'templates.editor.blockJson' : 'templates.editor.blockJsonOnly', { index: number })}</label>
        <textarea
          id={blockFieldId(index, 'json')}
          className="template-json"
          value={block.json}
          readOnly={readOnly}
          rows={rowsFor(block.json, 14)}
          spellCheck={false}
          aria-invalid={otherIssues.length > 0 || undefined}
          aria-describedby={otherIssues.length > 0 ? jsonErrorId : undefined}
          onChange={(event) => onChange({ ...block, json: event.target.value })}
        />
        {otherIssues.length > 0 ? (
          <div id={jsonErrorId} className="field__error">
            {otherIssues.map((issue) => (
              <p key={issueText(t, issue)}>{issueText(t, issue)}</p>
            ))}
          </div>
        ) : null}
      </div>
    </li>
  );
}
