import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/security/password-strength';
import { changeOwnPassword } from './access-api';
import { PasswordStrengthNote, usePasswordStrength } from './PasswordStrength';
import { describeError } from '../../ui/error-text';

/**
 * «Сменить свой пароль»: only with the current one (main checks it by unwrapping the data key with it). Also the
 * screen a reset password leads to, where `record` is false because the database is not open yet.
 */
export function ChangePasswordForm({ userInputs, onChanged, record = true }: { userInputs: string[]; onChanged?: () => void; record?: boolean }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = usePasswordStrength(next, userInputs);
  const ids = { current: useId(), next: useId(), repeat: useId(), strength: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) return setNote({ ok: false, text: t('access.setup.mismatch') });
    setBusy(true);
    try {
      const answer = await changeOwnPassword({ current, next }, record);
      if (answer.status === 'ok') {
        setCurrent('');
        setNext('');
        setRepeat('');
        setNote({ ok: true, text: t('accounts.password.changed') });
        onChanged?.();
      } else if (answer.status === 'wrong_password') setNote({ ok: false, text: t('accounts.password.wrongCurrent') });
      else if (answer.status === 'weak') setNote({ ok: false, text: t(`access.strength.${answer.problem}`, { min: MIN_PASSWORD_LENGTH }) });
      else setNote({ ok: false, text: t(`access.refused.${answer.reason}`) });
    } catch (error) {
      setNote({ ok: false, text: t('accounts.failed', { reason: describeError(t, error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor={ids.current}>{t('accounts.password.current')}</label>
        <input id={ids.current} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.next}>{t('accounts.password.next')}</label>
        <input id={ids.next} type="password" autoComplete="new-password" aria-describedby={ids.strength} value={next} onChange={(e) => setNext(e.target.value)} />
        <PasswordStrengthNote id={ids.strength} strength={strength} />
      </div>
      <div className="field">
        <label htmlFor={ids.repeat}>{t('accounts.password.repeat')}</label>
        <input id={ids.repeat} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </div>
      {note ? (
        <p role={note.ok ? 'status' : 'alert'} className={note.ok ? 'status status--ok' : 'errors'}>
          {note.text}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy || current === '' || next === ''}>
          {t('accounts.password.submit')}
        </button>
      </div>
    </form>
  );
}
