import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../ui/Dialog';
import { useDiscardGuard } from '../../../ui/discard-guard';
import type { RowSaveState } from './use-row-save';

interface Props {
  title: string;
  state: RowSaveState;
  /** Whether anything was changed: closing then asks before the changes are dropped. */
  dirty: boolean;
  onSubmit(): void;
  onClose(): void;
  children: ReactNode;
}

/** The modal every row editor shares: fields, a summary when saving was refused, Save and Cancel. */
export function EditDialog({ title, state, dirty, onSubmit, onClose, children }: Props) {
  const { t } = useTranslation();
  const guard = useDiscardGuard(dirty, onClose);
  const formRef = useRef<HTMLFormElement>(null);

  // After a refusal, take the keyboard to the first field at fault (or the summary when the fault is elsewhere).
  useEffect(() => {
    if (!state.refused || state.busy) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.ref-form__summary');
    target?.focus();
  }, [state]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!state.busy) onSubmit();
  };

  return (
    <Dialog open title={title} onClose={guard.request}>
      <form ref={formRef} className="ref-form" noValidate onSubmit={submit}>
        {state.refused ? (
          <div className="errors ref-form__summary" role="alert" tabIndex={-1}>
            <p>{state.failure ?? t('reference.form.invalid')}</p>
            {state.other.length > 0 ? (
              <>
                <p>{t('reference.form.otherProblems')}</p>
                <ul>
                  {state.other.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
        {children}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={state.busy} aria-busy={state.busy}>
            {state.busy ? t('reference.form.saving') : t('reference.form.save')}
          </button>
          <button type="button" className="button" onClick={guard.request}>
            {t('reference.form.cancel')}
          </button>
        </div>
      </form>
      {guard.dialog}
    </Dialog>
  );
}
