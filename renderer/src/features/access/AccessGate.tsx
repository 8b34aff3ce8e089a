import { useCallback, useEffect, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatDateRu } from '../../../../shared/format/date';
import { currentAccount } from '../../lib/session';
import { accountsStatus, recoverAdministrator, resumeSession, setUpAdministrator, signIn, type AccountsStatus } from './access-api';
import { ChangePasswordForm } from './ChangePasswordForm';
import { NewPasswordFields } from './NewPasswordFields';
import { ACCOUNT_LIMITS, recoverFormSchema, setupFormSchema, signInFormSchema, type RecoverFormValues, type SetupFormValues, type SignInFormValues } from '../../../../shared/accounts/forms';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../../shared/security/password-strength';
import { codeResolver } from '../../ui/code-resolver';
import { FieldShell } from '../../ui/FieldShell';
import { TextField } from '../../ui/TextField';
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

const NEW_ADMINISTRATOR: SetupFormValues = { name: '', position: '', password: '', repeat: '' };

function SetupScreen({ onCreated, onAlreadySetUp }: { onCreated: (recoveryKey: string) => void; onAlreadySetUp: () => void }) {
  const { t } = useTranslation();
  const form = useForm<SetupFormValues>({ resolver: codeResolver(setupFormSchema), mode: 'onTouched', defaultValues: NEW_ADMINISTRATOR });
  const [message, setMessage] = useState<string | null>(null);
  const [name, position] = useWatch({ control: form.control, name: ['name', 'position'] });
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async ({ name, position, password }) => {
    try {
      const answer = await setUpAdministrator({ name, position, password });
      if (answer.status === 'ok') onCreated(answer.recoveryKey);
      else if (answer.status === 'weak') setMessage(t(`access.strength.${answer.problem}`, { min: MIN_PASSWORD_LENGTH }));
      else if (answer.reason === 'ALREADY_SET_UP') onAlreadySetUp();
      else setMessage(t(`access.refused.${answer.reason}`));
    } catch (error) {
      setMessage(describeError(t, error));
    }
  });

  return (
    <main className="screen access-screen">
      <h1>{t('access.setup.title')}</h1>
      <p>{t('access.setup.intro')}</p>
      <FormProvider {...form}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextField label={t('access.setup.name')} autoFocus autoComplete="name" maxLength={ACCOUNT_LIMITS.name} error={errors.name} {...form.register('name')} />
          <TextField label={t('access.setup.position')} autoComplete="organization-title" maxLength={ACCOUNT_LIMITS.position} error={errors.position} {...form.register('position')} />
          <NewPasswordFields labels={{ password: t('access.setup.password'), repeat: t('access.setup.repeat') }} userInputs={[name, position]} />
          {message ? <p className="errors" role="alert">{message}</p> : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
              {t('access.setup.submit')}
            </button>
          </div>
        </form>
      </FormProvider>
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
  const [recovering, setRecovering] = useState(false);
  const form = useForm<SignInFormValues>({ resolver: codeResolver(signInFormSchema), defaultValues: { accountId: active[0]?.id ?? '', password: '' } });
  const password = useWatch({ control: form.control, name: 'password' });
  const answer = useSignInForm(onSignedIn);
  const submit = form.handleSubmit(({ accountId, password: typed }) => {
    // Cleared at once: a password typed while the answer is on its way must not be wiped by it.
    form.setValue('password', '');
    void answer.attempt(accountId, typed);
  });
  return (
    <main className="screen access-screen">
      <h1>{t('access.signIn.title')}</h1>
      <form onSubmit={(event) => void submit(event)}>
        <FieldShell label={t('access.signIn.account')}>
          {({ id }) => (
            <select id={id} {...form.register('accountId')}>
              {active.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                  {a.position ? ` — ${a.position}` : ''}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <FieldShell label={t('access.signIn.password')}>
          {({ id }) => <input id={id} type="password" autoFocus autoComplete="current-password" maxLength={MAX_PASSWORD_LENGTH} {...form.register('password')} />}
        </FieldShell>
        {answer.message ? <p className="errors" role="alert">{answer.message}</p> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={answer.busy || password === ''}>
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
  const form = useForm<RecoverFormValues>({ resolver: codeResolver(recoverFormSchema), mode: 'onTouched', defaultValues: { accountId: accounts[0]?.id ?? '', recoveryKey: '', password: '' } });
  const [message, setMessage] = useState<string | null>(null);
  const accountId = useWatch({ control: form.control, name: 'accountId' });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      const answer = await recoverAdministrator(values);
      if (answer.status === 'ok') {
        setMessage(t('access.recover.done'));
        setTimeout(onDone, 1500);
      } else if (answer.status === 'wrong_key') setMessage(t('access.recover.wrongKey'));
      else if (answer.status === 'weak') setMessage(t(`access.strength.${answer.problem}`, { min: MIN_PASSWORD_LENGTH }));
      else setMessage(t(`access.refused.${answer.reason}`));
    } catch (error) {
      setMessage(describeError(t, error));
    }
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <FieldShell label={t('access.signIn.account')}>
          {({ id }) => (
            <select id={id} {...form.register('accountId')}>
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <TextField label={t('access.recover.key')} autoComplete="off" spellCheck={false} maxLength={ACCOUNT_LIMITS.recoveryKey} error={errors.recoveryKey} {...form.register('recoveryKey')} />
        <NewPasswordFields labels={{ password: t('access.recover.password') }} userInputs={[accounts.find((a) => a.id === accountId)?.name ?? '']} />
        {message ? <p role="status">{message}</p> : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.formState.isSubmitting}>
            {t('access.recover.submit')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
