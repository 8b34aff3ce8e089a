import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveResult } from '../../data/cases/cases.repo';
import { findingText, pathLabel, problemsOf, type DocumentLike, type Problem, type Translate, wordsFor } from './describe';
import { FieldControl, type Option } from './FieldControl';
import { displayValue, fromEditorValue, toEditorValue, type EditorValue } from './field-values';
import { pathsRelated, type FieldDescriptor } from './fields';
import { describeError } from '../error-text';

export type Saver = (value: unknown) => Promise<SaveResult<unknown>>;

interface Props {
  descriptor: FieldDescriptor;
  /** The stored value. */
  value: unknown;
  /** The field's path as findings and audit entries name it. */
  formPath: string;
  /** Absent when the page is read-only. */
  save?: Saver | undefined;
  /** Which record the field belongs to («Документ 2»), for the edit button's accessible name. */
  context?: string;
  options?: readonly Option[];
  documents?: readonly DocumentLike[];
  /** Opens in the editor (the letter review opens a field where the caseworker clicked its value). */
  initiallyEditing?: boolean;
}

type State =
  | { mode: 'view'; saved: boolean; warnings: string[] }
  | { mode: 'edit'; draft: EditorValue; unreadable: boolean; problems: Problem[]; saving: boolean };

/**
 * One field shown as a value, edited in place: the edit button (or Enter on the value) opens the right
 * control; Enter or «Сохранить» saves through the repository, Escape or «Отмена» leaves it unchanged.
 * A refused save keeps what was typed and says why at the field.
 */
export function InlineField({ descriptor, value, formPath, save, context, options = [], documents = [], initiallyEditing = false }: Props) {
  const { t } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const editButton = useRef<HTMLButtonElement>(null);
  const [state, setState] = useState<State>(() =>
    initiallyEditing && save ? { mode: 'edit', draft: toEditorValue(descriptor.kind, value), unreadable: false, problems: [], saving: false } : { mode: 'view', saved: false, warnings: [] },
  );
  const label = t(descriptor.label);
  const fullLabel = context ? `${context} — ${label}` : label;

  const startEdit = () => setState({ mode: 'edit', draft: toEditorValue(descriptor.kind, value), unreadable: false, problems: [], saving: false });
  const backToView = (next: Extract<State, { mode: 'view' }>) => {
    setState(next);
    // The editor unmounts; keep keyboard users where they were.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  const submit = async () => {
    if (state.mode !== 'edit' || state.saving || !save) return;
    const parsed = state.unreadable ? ({ ok: false, code: 'invalid_format' } as const) : fromEditorValue(descriptor.kind, state.draft);
    if (!parsed.ok) {
      setState({ ...state, problems: [{ path: formPath, text: t(`validation.${parsed.code}`) }] });
      return;
    }
    setState({ ...state, saving: true, problems: [] });
    try {
      const result = await save(parsed.value);
      if (!result.ok) {
        setState({ ...state, saving: false, problems: problemsOf(tr, result) });
        return;
      }
      const warnings = result.warnings.filter((w) => pathsRelated(w.path, formPath)).map((w) => findingText(tr, w));
      backToView({ mode: 'view', saved: true, warnings });
    } catch (error) {
      setState({ ...state, saving: false, problems: [{ path: formPath, text: describeError(t, error) }] });
    }
  };

  if (state.mode === 'edit') {
    // Messages about another field (an issue date that makes the expiry wrong) are named, so they make sense here.
    const errorText = state.problems.map((p) => (pathsRelated(p.path, formPath) ? p.text : `${pathLabel(tr, p.path)}: ${p.text}`)).join(' ');
    return (
      <div className="inline-field inline-field--editing">
        <FieldControl
          descriptor={descriptor}
          label={label}
          value={state.draft}
          options={options}
          error={errorText || undefined}
          autoFocus
          onChange={(draft) => setState((s) => (s.mode === 'edit' ? { ...s, draft, problems: [] } : s))}
          onUnreadable={(unreadable) => setState((s) => (s.mode === 'edit' ? { ...s, unreadable } : s))}
          onSubmit={() => void submit()}
          onCancel={() => backToView({ mode: 'view', saved: false, warnings: [] })}
        />
        <div className="inline-field__actions">
          <button type="button" className="button button--primary button--small" disabled={state.saving} onClick={() => void submit()}>
            {state.saving ? t('casePage.edit.saving') : t('casePage.edit.save')}
          </button>
          <button type="button" className="button button--small" disabled={state.saving} onClick={() => backToView({ mode: 'view', saved: false, warnings: [] })}>
            {t('casePage.edit.cancel')}
          </button>
        </div>
      </div>
    );
  }

  const shown = displayValue(descriptor.kind, value, wordsFor(tr, descriptor, documents));
  return (
    <div className="inline-field">
      <span className="inline-field__label">{label}</span>
      <span
        className="inline-field__value"
        tabIndex={save ? 0 : undefined}
        aria-keyshortcuts={save ? 'Enter' : undefined}
        onKeyDown={(event) => {
          if (save && event.key === 'Enter') {
            event.preventDefault();
            startEdit();
          }
        }}
      >
        {shown || <span className="muted">{t('casePage.value.empty')}</span>}
      </span>
      {save ? (
        <button ref={editButton} type="button" className="button button--small inline-field__edit" aria-label={t('casePage.edit.editField', { field: fullLabel })} onClick={startEdit}>
          {t('casePage.edit.edit')}
        </button>
      ) : null}
      {state.saved ? (
        <span className="inline-field__saved" role="status">
          {t('casePage.edit.saved')}
        </span>
      ) : null}
      {state.warnings.map((warning) => (
        <span key={warning} className="inline-field__warning">
          {warning}
        </span>
      ))}
    </div>
  );
}
