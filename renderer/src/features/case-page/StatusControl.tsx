import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, type CaseStatus } from '../../../../shared/case/schema';
import { changeStatus } from '../../data/cases/cases.repo';
import { useCaseEditing } from '../../ui/case/editing';
import { describeError } from '../../ui/error-text';

/** Moves the case along its workflow; every move is kept in the status history and the audit trail. */
export function StatusControl({ current }: { current: CaseStatus }) {
  const { t } = useTranslation();
  const editing = useCaseEditing();
  const id = useId();
  const [next, setNext] = useState<CaseStatus>(current);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!editing) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next === current || busy) return;
    setBusy(true);
    try {
      await changeStatus(editing.caseId, next, note, editing.actor);
      setNote('');
      setMessage({ ok: true, text: t('casePage.status.changed', { status: t(`cases.status.${next}`) }) });
    } catch (error) {
      setMessage({ ok: false, text: describeError(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="status-control" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('casePage.status.title')}</h2>
      <div className="status-control__row">
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('casePage.status.next')}</label>
          <select id={`${id}-status`} value={next} onChange={(event) => setNext(event.target.value as CaseStatus)}>
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
          <input id={`${id}-note`} type="text" maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        <button type="submit" className="button button--primary" disabled={busy || next === current}>
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
