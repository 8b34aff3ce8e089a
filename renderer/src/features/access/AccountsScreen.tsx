import { useCallback, useEffect, useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IDLE_MINUTES, MIN_IDLE_MINUTES, ROLES, type Role } from '../../../../shared/accounts/roles';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/security/password-strength';
import { sessionSnapshot, subscribeSession } from '../../lib/session';
import { describeError } from '../../ui/error-text';
import { accountsStatus, addAccount, resetAccountPassword, setIdleMinutes, updateAccount, type AccountsStatus } from './access-api';
import { ActivityLogPanel } from './ActivityLogPanel';
import { ChangePasswordForm } from './ChangePasswordForm';
import { PasswordStrengthNote, usePasswordStrength } from './PasswordStrength';

type Account = AccountsStatus['accounts'][number];
type Note = { ok: boolean; text: string } | null;

/**
 * «Учётные записи» (#/settings/accounts). Everyone changes their own password here; the administrator also adds
 * staff, resets passwords, disables and enables accounts, changes roles and sets the idle lock. Main refuses every
 * administrator's act from anyone else; this screen just does not offer them.
 */
export function AccountsScreen() {
  const { t } = useTranslation();
  const session = useSyncExternalStore(subscribeSession, sessionSnapshot);
  const info = session.info;
  return (
    <div className="screen accounts-screen">
      <h1>{t('accounts.title')}</h1>
      <section className="panel" aria-labelledby="accounts-own-title">
        <h2 id="accounts-own-title">{t('accounts.password.title')}</h2>
        {info ? <ChangePasswordForm userInputs={[info.name, info.position]} /> : null}
      </section>
      {info?.role === 'admin' ? <AdministratorPanels selfId={info.accountId} /> : null}
    </div>
  );
}

function AdministratorPanels({ selfId }: { selfId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AccountsStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const reload = useCallback(() => {
    accountsStatus().then(setStatus, (error: unknown) => setFailure(describeError(t, error)));
  }, [t]);
  useEffect(reload, [reload]);
  if (failure) return <p className="errors" role="alert">{t('accounts.failed', { reason: failure })}</p>;
  if (!status) return <p role="status">{t('app.loading')}</p>;
  return (
    <>
      <AccountsTable accounts={status.accounts} selfId={selfId} onChanged={reload} />
      <AddAccountPanel onAdded={reload} />
      <IdlePanel minutes={status.idleMinutes} onSaved={reload} />
      <ActivityLogPanel />
    </>
  );
}

/** A refusal or weak-password answer in the user's words. */
function useAnswerText() {
  const { t } = useTranslation();
  return (answer: { status: 'weak'; problem: string } | { status: 'refused'; reason: string }) =>
    answer.status === 'weak' ? t(`access.strength.${answer.problem}`, { min: MIN_PASSWORD_LENGTH }) : t(`access.refused.${answer.reason}`);
}

function AccountsTable({ accounts, selfId, onChanged }: { accounts: Account[]; selfId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState<Note>(null);
  const [resetting, setResetting] = useState<string | null>(null);
  const answerText = useAnswerText();

  const change = async (account: Account, patch: { role?: Role; disabled?: boolean }, done: string) => {
    try {
      const answer = await updateAccount({ accountId: account.id, ...patch });
      setNote(answer.status === 'ok' ? { ok: true, text: t(done, { name: account.name }) } : { ok: false, text: answerText(answer) });
    } catch (error) {
      setNote({ ok: false, text: t('accounts.failed', { reason: describeError(t, error) }) });
    }
    onChanged();
  };

  return (
    <section className="panel" aria-labelledby="accounts-list-title">
      <h2 id="accounts-list-title">{t('accounts.list.title')}</h2>
      <table className="accounts-table">
        <thead>
          <tr>
            <th scope="col">{t('accounts.list.name')}</th>
            <th scope="col">{t('accounts.list.position')}</th>
            <th scope="col">{t('accounts.list.role')}</th>
            <th scope="col">{t('accounts.list.status')}</th>
            <th scope="col">{t('accounts.list.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <AccountRow
              key={account.id}
              account={account}
              self={account.id === selfId}
              resetting={resetting === account.id}
              onReset={() => setResetting(resetting === account.id ? null : account.id)}
              onResetDone={(text) => {
                setResetting(null);
                setNote({ ok: true, text });
                onChanged();
              }}
              onRole={(role) => void change(account, { role }, 'accounts.list.roleChanged')}
              onToggle={() => void change(account, { disabled: !account.disabled }, account.disabled ? 'accounts.list.enabledDone' : 'accounts.list.disabledDone')}
            />
          ))}
        </tbody>
      </table>
      {note ? (
        <p role={note.ok ? 'status' : 'alert'} className={note.ok ? 'status status--ok' : 'errors'}>
          {note.text}
        </p>
      ) : null}
    </section>
  );
}

function AccountRow(props: {
  account: Account;
  self: boolean;
  resetting: boolean;
  onReset: () => void;
  onResetDone: (text: string) => void;
  onRole: (role: Role) => void;
  onToggle: () => void;
}) {
  const { account, self } = props;
  const { t } = useTranslation();
  const roleId = useId();
  const state = account.disabled ? 'disabled' : account.mustChangePassword ? 'mustChange' : 'active';
  return (
    <>
      <tr className={account.disabled ? 'accounts-table__row--disabled' : undefined}>
        <th scope="row">
          {account.name}
          {self ? <span className="muted"> {t('accounts.list.you')}</span> : null}
        </th>
        <td>{account.position}</td>
        <td>
          <label htmlFor={roleId} className="accounts-sr-only">
            {t('accounts.list.roleOf', { name: account.name })}
          </label>
          <select id={roleId} value={account.role} onChange={(e) => props.onRole(e.target.value as Role)}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`access.role.${role}`)}
              </option>
            ))}
          </select>
        </td>
        <td>{t(`accounts.list.state.${state}`)}</td>
        <td>
          <div className="accounts-table__actions">
            <button type="button" className="button button--small" aria-expanded={props.resetting} onClick={props.onReset}>
              {t('accounts.reset.open', { name: account.name })}
            </button>
            {self ? null : (
              <button type="button" className="button button--small" onClick={props.onToggle}>
                {account.disabled ? t('accounts.list.enable', { name: account.name }) : t('accounts.list.disable', { name: account.name })}
              </button>
            )}
          </div>
        </td>
      </tr>
      {props.resetting ? (
        <tr>
          <td colSpan={5}>
            <ResetPasswordForm account={account} self={self} onDone={props.onResetDone} onCancel={props.onReset} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function ResetPasswordForm({ account, self, onDone, onCancel }: { account: Account; self: boolean; onDone: (text: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const strength = usePasswordStrength(password, [account.name, account.position]);
  const ids = { password: useId(), strength: useId() };
  const answerText = useAnswerText();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const answer = await resetAccountPassword({ accountId: account.id, password });
      if (answer.status === 'ok') onDone(t(self ? 'accounts.reset.doneSelf' : 'accounts.reset.done', { name: account.name }));
      else setMessage(answerText(answer));
    } catch (error) {
      setMessage(t('accounts.failed', { reason: describeError(t, error) }));
    }
  };
  return (
    <form
      className="accounts-reset"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p>{t(self ? 'accounts.reset.introSelf' : 'accounts.reset.intro', { name: account.name })}</p>
      <div className="field">
        <label htmlFor={ids.password}>{t('accounts.reset.password', { name: account.name })}</label>
        <input id={ids.password} type="password" autoFocus autoComplete="new-password" aria-describedby={ids.strength} value={password} onChange={(e) => setPassword(e.target.value)} />
        <PasswordStrengthNote id={ids.strength} strength={strength} />
      </div>
      {message ? <p className="errors" role="alert">{message}</p> : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={password === ''}>
          {t('accounts.reset.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('accounts.cancel')}
        </button>
      </div>
    </form>
  );
}

function AddAccountPanel({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [position, setPosition] = useState('');
  const [role, setRole] = useState<Role>('caseworker');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);
  const strength = usePasswordStrength(password, [name, position]);
  const ids = { name: useId(), position: useId(), role: useId(), password: useId(), repeat: useId(), strength: useId() };
  const answerText = useAnswerText();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setNote({ ok: false, text: t('access.setup.required') });
    if (password !== repeat) return setNote({ ok: false, text: t('access.setup.mismatch') });
    setBusy(true);
    try {
      const answer = await addAccount({ name: name.trim(), position: position.trim(), role, password });
      if (answer.status === 'ok') {
        // What was typed stays until the account exists: a refusal loses nothing.
        setName('');
        setPosition('');
        setPassword('');
        setRepeat('');
        setRole('caseworker');
        setNote({ ok: true, text: t('accounts.add.done', { name: answer.account.name }) });
        onAdded();
      } else setNote({ ok: false, text: answerText(answer) });
    } catch (error) {
      setNote({ ok: false, text: t('accounts.failed', { reason: describeError(t, error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="accounts-add-title">
      <h2 id="accounts-add-title">{t('accounts.add.title')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={ids.name}>{t('accounts.add.name')}</label>
          <input id={ids.name} autoComplete="off" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.position}>{t('accounts.add.position')}</label>
          <input id={ids.position} autoComplete="off" value={position} maxLength={200} onChange={(e) => setPosition(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.role}>{t('accounts.add.role')}</label>
          <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`access.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('accounts.add.password')}</label>
          <input id={ids.password} type="password" autoComplete="new-password" aria-describedby={ids.strength} value={password} onChange={(e) => setPassword(e.target.value)} />
          <PasswordStrengthNote id={ids.strength} strength={strength} />
        </div>
        <div className="field">
          <label htmlFor={ids.repeat}>{t('accounts.add.repeat')}</label>
          <input id={ids.repeat} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </div>
        {note ? (
          <p role={note.ok ? 'status' : 'alert'} className={note.ok ? 'status status--ok' : 'errors'}>
            {note.text}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('accounts.add.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function IdlePanel({ minutes, onSaved }: { minutes: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(minutes));
  const [note, setNote] = useState<Note>(null);
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < MIN_IDLE_MINUTES || parsed > MAX_IDLE_MINUTES) {
      return setNote({ ok: false, text: t('accounts.idle.range', { min: MIN_IDLE_MINUTES, max: MAX_IDLE_MINUTES }) });
    }
    try {
      const answer = await setIdleMinutes(parsed);
      setNote(answer.status === 'ok' ? { ok: true, text: t('accounts.idle.saved', { minutes: parsed }) } : { ok: false, text: t(`access.refused.${answer.reason}`) });
      onSaved();
    } catch (error) {
      setNote({ ok: false, text: t('accounts.failed', { reason: describeError(t, error) }) });
    }
  };
  return (
    <section className="panel" aria-labelledby="accounts-idle-title">
      <h2 id="accounts-idle-title">{t('accounts.idle.title')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={id}>{t('accounts.idle.label')}</label>
          <input id={id} type="number" inputMode="numeric" min={MIN_IDLE_MINUTES} max={MAX_IDLE_MINUTES} value={value} onChange={(e) => setValue(e.target.value)} />
        </div>
        {note ? (
          <p role={note.ok ? 'status' : 'alert'} className={note.ok ? 'status status--ok' : 'errors'}>
            {note.text}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button">
            {t('accounts.idle.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
