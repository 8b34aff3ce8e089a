import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, statusChangeSchema, type CaseStatus } from '../../../../shared/case/schema';
import { maxLengthAt } from '../../../../shared/validation/max-length';
import { changeStatus } from '../../data/cases/cases.repo';
import { useCaseEditing } from '../../ui/case/editing';
import { codeResolver } from '../../ui/code-resolver';
import { describeError } from '../../ui/error-text';

/** The manual move: the status and its note as a status history entry holds them (the time is added on saving). */
const statusFormSchema = statusChangeSchema.pick({ status: true, note: true });
type Values = { status: CaseStatus; note: string };

/** Moves the case along its workflow; every move is kept in the status history and the audit trail. */
export function StatusControl({ current }: { current: CaseStatus }) {
  const { t } = useTranslation();
  const editing = useCaseEditing();
  const id = useId();
  // A status moved meanwhile by the work (a letter generated, an answer recorded) shows here unless one is being chosen.
  const form = useForm<Values>({ resolver: codeResolver(statusFormSchema), values: { status: current, note: '' }, resetOptions: { keepDirtyValues: true } });
  const next = useWatch({ control: form.control, name: 'status' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!editing) return null;

  const submit = form.handleSubmit(async ({ status, note }) => {
    if (status === current) return;
    try {
      await changeStatus(editing.caseId, status, note, editing.actor);
      form.reset({ status, note: '' });
      setMessage({ ok: true, text: t('casePage.status.changed', { status: t(`cases.status.${status}`) }) });
    } catch (error) {
      setMessage({ ok: false, text: describeError(t, error) });
    }
  });

  return (
    <form className="status-control" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('casePage.status.title')}</h2>
      <div className="status-control__row">
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('casePage.status.next')}</label>
          <select id={`${id}-status`} {...form.register('status')}>
            {CASE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`cases.status.${status}`)}
                {status === current ? ` (${t('casePage.status.currentMark')})` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field status-control__note">
          <label htmlFor={`${id}-note`}>{t('casePage.status.note')}</label>
          <input id={`${id}-note`} type="text" maxLength={maxLengthAt(statusFormSchema, 'note')} {...form.register('note')} />
        </div>
        <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting || next === current}>
          {t('casePage.status.confirm')}
        </button>
      </div>
      {message ? (
        <p className={`status ${message.ok ? 'status--ok' : 'status--error'}`} role="status">
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
