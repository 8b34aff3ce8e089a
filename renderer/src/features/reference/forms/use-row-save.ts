import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceIssue } from '../../../../../shared/reference/load';
import type { Actor } from '../../../data/cases/cases.repo';
import { issueLine, issueWhat } from '../issue-text';
import type { EditableRows, EditableTable } from '../row-edit';
import { saveRow } from '../save-row';
import { describeError } from '../../../ui/error-text';

export interface RowSaveState {
  busy: boolean;
  /** The row's own problems by field path, from the last attempt. */
  fields: Record<string, ReferenceIssue>;
  /** Lines for problems the edit causes outside the row. */
  other: string[];
  /** Why saving failed altogether (the row is gone, the database refused). */
  failure: string | null;
  /** Whether the last attempt was refused (the form shows its summary). */
  refused: boolean;
}

const IDLE: RowSaveState = { busy: false, fields: {}, other: [], failure: null, refused: false };

/**
 * Saving one row from an edit form. On success `onSaved` gets the sentence to announce; on failure the form
 * stays open with everything typed and the problems at their fields.
 */
export function useRowSave<T extends EditableTable>(table: T, actor: Actor, onSaved: (message: string) => void) {
  const { t } = useTranslation();
  const [state, setState] = useState<RowSaveState>(IDLE);

  const save = async (key: string, row: EditableRows[T], options: { insert?: boolean } = {}): Promise<void> => {
    setState((s) => ({ ...s, busy: true }));
    try {
      const result = await saveRow(actor, table, key, row, options);
      if (result.ok) {
        setState(IDLE);
        onSaved(result.changed ? t('reference.saved', { version: result.version }) : t('reference.unchanged'));
      } else if ('gone' in result) {
        setState({ ...IDLE, failure: t('reference.form.gone'), refused: true });
      } else {
        setState({ ...IDLE, fields: result.issues.fields, other: result.issues.other.map((i) => issueLine(t, i, result.edited)), refused: true });
      }
    } catch (error) {
      setState({ ...IDLE, failure: t('reference.form.failed', { reason: describeError(t, error) }), refused: true });
    }
  };

  /** The translated problem at `path` inside the row, if the last attempt had one. */
  const errorAt = (path: string, specific?: Partial<Record<string, string>>): string | undefined => {
    const issue = state.fields[path];
    return issue ? issueWhat(t, issue, specific) : undefined;
  };

  /** Refuses locally (a date that is not a date) without calling the store; older problems no longer apply. */
  const refuse = (): void => setState({ ...IDLE, refused: true });

  return { state, save, errorAt, refuse };
}
