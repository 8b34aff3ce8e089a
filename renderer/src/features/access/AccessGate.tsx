import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateRu } from '../../../../shared/format/date';
import { currentAccount } from '../../lib/session';
import { accountsStatus, recoverAdministrator, resumeSession, setUpAdministrator, signIn, type AccountsStatus } from './access-api';
import { ChangePasswordForm } from './ChangePasswordForm';
import { PasswordStrengthNote, usePasswordStrength } from './PasswordStrength';
import { describeError } from '../../ui/error-text';

/**
 * What stands before the app: the first start's administrator setup (then the recovery key, shown once), or
 * sign-in. `onReady` runs once a session holds the data key.
 */
export function AccessGate({ onReady: onSignedIn }: { onReady: () => void }) {
  const [status, setStatus] = useState<AccountsStatus | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ cause: unknown } | null>(null);
  const [mustChange, setMustChange] = useState(false);
  const { t } = useTranslation();
  // A password the administrator reset is replaced before the app opens (main refuses everything else meanwhile).
  const onReady = useCallback(() => {
    if (currentAccount()?.mustChangePassword) setMustChange(true);
    else onSignedIn();
  }, [onSignedIn]);

  useEffect(() => {
    let live = true;
    resumeSession()
      .then(async (resumed) => {
        if (resumed) return onReady();
        const next = await accountsStatus();
        if (live) setStatus(next);
      })
      .catch((error: unknown) => live && setFailure({ cause: error }));
    return () => {
      live = false;
    };
  }, [onReady]);

  if (failure) return <p className="errors" role="alert">{describeError(t, failure.cause)}</p>;
  if (mustChange) return <MustChangePasswordScreen onDone={onSignedIn} />;
  if (!status) return null;
  if (recoveryKey) return <RecoveryKeyScreen recoveryKey={recoveryKey} onDone={onReady} />;
  if (!status.setUp) return <SetupScreen onCreated={setRecoveryKey} onAlreadySetUp={() => void accountsStatus().then(setStatus)} />;
  return <SignInScreen status={status} onSignedIn={onReady} />;
}

function MustChangePasswordScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const account = currentAccount();
  return (
    <main className="screen access-screen">
      <h1>{t('accounts.mustChange.title')}</h1>
      <p>{t('accounts.mustChange.intro')}</p>
      {/* The database is not open yet: the change is recorded in the audit with the sign-in events. */}
      <ChangePasswordForm userInputs={account ? [account.name, account.position] : []} record={false} onChanged={onDone} />
    </main>
  );
}

function SetupScreen({ onCreated, onAlreadySetUp }: { onCreated: (recoveryKey: string) => void; onAlreadySetUp: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [position, setPosition] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = usePasswordStrength(password, [name, position]);
  const ids = { name: useId(), position: useId(), password: useId(), repeat: useId(), strength: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setMessage(t('access.setup.required'));
    if (password !== repeat) return setMessage(t('access.setup.mismatch'));
    setBusy(true);
    try {
      const answer = await setUpAdministrator({ name: name.trim(), position: position.trim(), password });
      if (answer.status === 'ok') onCreated(answer.recoveryKey);
      else if (answer.status === 'weak') setMessage(t(`access.strength.${answer.problem}`, { min: 10 }));
      else if (answer.reason === 'ALREADY_SET_UP') onAlreadySetUp();
      else setMessage(t(`access.refused.${answer.reason}`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="screen access-screen">
      <h1>{t('access.setup.title')}</h1>
      <p>{t('access.setup.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={ids.name}>{t('access.setup.name')}</label>
          <input id={ids.name} autoFocus autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.position}>{t('access.setup.position')}</label>
          <input id={ids.position} autoComplete="organization-title" value={position} onChange={(e) => setPosition(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('access.setup.password')}</label>
          <input id={ids.password} type="password" autoComplete="new-password" aria-describedby={ids.strength} value={password} onChange={(e) => setPassword(e.target.value)} />
          <PasswordStrengthNote id={ids.strength} strength={strength} />
        </div>
        <div className="field">
          <label htmlFor={ids.repeat}>{t('access.setup.repeat')}</label>
          <input id={ids.repeat} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </div>
        {message ? <p className="errors" role="alert">{message}</p> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('access.setup.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}

function RecoveryKeyScreen({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState(false);
  return (
    <main className="screen access-screen recovery-key">
      <h1>{t('access.recovery.title')}</h1>
      <p>{t('access.recovery.intro')}</p>
      <p className="recovery-key__print-only">{t('access.recovery.printTitle')}</p>
      <p className="recovery-key__value" aria-label={t('access.recovery.title')}>
        <code>{recoveryKey}</code>
      </p>
      <p className="recovery-key__print-only">{t('access.recovery.printedAt', { date: formatDateRu(new Date()) })}</p>
      <div className="form-actions recovery-key__actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('access.recovery.print')}
        </button>
      </div>
      <label className="recovery-key__actions">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {t('access.recovery.confirm')}
      </label>
      <div className="form-actions recovery-key__actions">
        <button type="button" className="button button--primary" disabled={!confirmed} onClick={onDone}>
          {t('access.recovery.continue')}
        </button>
      </div>
    </main>
  );
}

/** Sign-in answers worded; the wait after repeated failures counts down by itself. */
export function useSignInForm(onSignedIn: () => void) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = async (accountId: string, password: string) => {
    setBusy(true);
    try {
      const answer = await signIn({ accountId, password });
      if (answer.status === 'ok') return onSignedIn();
      if (answer.status === 'wrong_password') setMessage(answer.retryAfterMs > 0 ? `${t('access.signIn.wrong')} ${t('access.signIn.wait', { seconds: Math.ceil(answer.retryAfterMs / 1000) })}` : t('access.signIn.wrong'));
      else if (answer.status === 'wait') setMessage(t('access.signIn.wait', { seconds: Math.ceil(answer.retryAfterMs / 1000) }));
      else if (answer.status === 'disabled') setMessage(t('access.signIn.disabled'));
      else setMessage(t('access.signIn.unknown'));
    } finally {
      setBusy(false);
    }
  };
  return { message, busy, attempt };
}

function SignInScreen({ status, onSignedIn }: { status: AccountsStatus; onSignedIn: () => void }) {
  const { t } = useTranslation();
  const active = status.accounts.filter((a) => !a.disabled);
  const [accountId, setAccountId] = useState(active[0]?.id ?? '');
  const [password, setPassword] = useState('');
  const [recovering, setRecovering] = useState(false);
  const form = useSignInForm(onSignedIn);
  const ids = { account: useId(), password: useId() };
  return (
    <main className="screen access-screen">
      <h1>{t('access.signIn.title')}</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // Cleared at once: a password typed while the answer is on its way must not be wiped by it.
          setPassword('');
          void form.attempt(accountId, password);
        }}
      >
        <div className="field">
          <label htmlFor={ids.account}>{t('access.signIn.account')}</label>
          <select id={ids.account} value={accountId} onChange={(e) => setAccountId(e.target.value)}>
            {active.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
                {a.position ? ` — ${a.position}` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('access.signIn.password')}</label>
          <input id={ids.password} type="password" autoFocus autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        {form.message ? <p className="errors" role="alert">{form.message}</p> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={form.busy || password === ''}>
            {t('access.signIn.submit')}
          </button>
        </div>
      </form>
      <p className="muted">{t('access.signIn.forgot')}</p>
      {recovering ? (
        <RecoverForm accounts={status.accounts.filter((a) => a.role === 'admin')} onDone={() => setRecovering(false)} />
      ) : (
        <button type="button" className="button button--small" onClick={() => setRecovering(true)}>
          {t('access.recover.open')}
        </button>
      )}
    </main>
  );
}

function RecoverForm({ accounts, onDone }: { accounts: AccountsStatus['accounts']; onDone: () => void }) {
  const { t } = useTranslation();
  const [accountId, setAccountId] = useState(accounts[0]?.id ?? '');
  const [key, setKey] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const strength = usePasswordStrength(password, [accounts.find((a) => a.id === accountId)?.name ?? '']);
  const ids = { account: useId(), key: useId(), password: useId(), strength: useId() };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await recoverAdministrator({ accountId, recoveryKey: key, password });
    if (answer.status === 'ok') {
      setMessage(t('access.recover.done'));
      setTimeout(onDone, 1500);
    } else if (answer.status === 'wrong_key') setMessage(t('access.recover.wrongKey'));
    else if (answer.status === 'weak') setMessage(t(`access.strength.${answer.problem}`, { min: 10 }));
    else setMessage(t(`access.refused.${answer.reason}`));
  };
  return (
    <form onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={ids.account}>{t('access.signIn.account')}</label>
        <select id={ids.account} value={accountId} onChange={(e) => setAccountId(e.target.value)}>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.key}>{t('access.recover.key')}</label>
        <input id={ids.key} autoComplete="off" spellCheck={false} value={key} onChange={(e) => setKey(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.password}>{t('access.recover.password')}</label>
        <input id={ids.password} type="password" autoComplete="new-password" aria-describedby={ids.strength} value={password} onChange={(e) => setPassword(e.target.value)} />
        <PasswordStrengthNote id={ids.strength} strength={strength} />
      </div>
      {message ? <p role="status">{message}</p> : null}
      <div className="form-actions">
        <button type="submit" className="button">
          {t('access.recover.submit')}
        </button>
      </div>
    </form>
  );
}
