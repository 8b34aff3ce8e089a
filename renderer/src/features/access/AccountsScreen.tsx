import { useCallback, useEffect, useId, useState, useSyncExternalStore } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_IDLE_MINUTES, MIN_IDLE_MINUTES, ROLES, type Role } from '../../../../shared/accounts/roles';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/security/password-strength';
import { sessionSnapshot, subscribeSession } from '../../lib/session';
import { describeError } from '../../ui/error-text';
import { accountsStatus, addAccount, resetAccountPassword, setIdleMinutes, updateAccount, type AccountsStatus } from './access-api';
import { ActivityLogPanel } from './ActivityLogPanel';
import { ChangePasswordForm } from './ChangePasswordForm';
import { NewPasswordFields } from './NewPasswordFields';
import { OutcomeNote, type Outcome } from './OutcomeNote';
import { codeResolver } from '../../ui/code-resolver';
import { FieldShell } from '../../ui/FieldShell';
import { useDiscardGuard } from '../../ui/discard-guard';
import { TextField } from '../../ui/TextField';
import {
  ACCOUNT_LIMITS,
  addAccountFormSchema,
  idleFormSchema,
  resetPasswordFormSchema,
  type AddAccountFormValues,
  type IdleFormValues,
  type ResetPasswordFormValues,
} from '../../../../shared/accounts/forms';

type Account = AccountsStatus['accounts'][number];
type Note = Outcome;

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
      <OutcomeNote note={note} />
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
  const form = useForm<ResetPasswordFormValues>({ resolver: codeResolver(resetPasswordFormSchema), mode: 'onTouched', defaultValues: { password: '' } });
  const [message, setMessage] = useState<string | null>(null);
  const answerText = useAnswerText();
  const submit = form.handleSubmit(async ({ password }) => {
    try {
      const answer = await resetAccountPassword({ accountId: account.id, password });
      if (answer.status === 'ok') onDone(t(self ? 'accounts.reset.doneSelf' : 'accounts.reset.done', { name: account.name }));
      else setMessage(answerText(answer));
    } catch (error) {
      setMessage(t('accounts.failed', { reason: describeError(t, error) }));
    }
  });
  const guard = useDiscardGuard(form.formState.isDirty, onCancel);
  const cancel = guard.request;
  return (
    <FormProvider {...form}>
      <form
        className="accounts-reset"
        noValidate
        onSubmit={(event) => void submit(event)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') cancel();
        }}
      >
        <p>{t(self ? 'accounts.reset.introSelf' : 'accounts.reset.intro', { name: account.name })}</p>
        <NewPasswordFields labels={{ password: t('accounts.reset.password', { name: account.name }) }} userInputs={[account.name, account.position]} autoFocus />
        {message ? <p className="errors" role="alert">{message}</p> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
            {t('accounts.reset.submit')}
          </button>
          <button type="button" className="button" onClick={cancel}>
            {t('accounts.cancel')}
          </button>
        </div>
      </form>
      {guard.dialog}
    </FormProvider>
  );
}

const NEW_ACCOUNT: AddAccountFormValues = { name: '', position: '', role: 'caseworker', password: '', repeat: '' };

function AddAccountPanel({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const form = useForm<AddAccountFormValues>({ resolver: codeResolver(addAccountFormSchema), mode: 'onTouched', defaultValues: NEW_ACCOUNT });
  const [note, setNote] = useState<Note>(null);
  const [name, position] = useWatch({ control: form.control, name: ['name', 'position'] });
  const answerText = useAnswerText();
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async ({ name, position, role, password }) => {
    try {
      const answer = await addAccount({ name, position, role, password });
      if (answer.status === 'ok') {
        // What was typed stays until the account exists: a refusal loses nothing.
        form.reset(NEW_ACCOUNT);
        setNote({ ok: true, text: t('accounts.add.done', { name: answer.account.name }) });
        onAdded();
      } else setNote({ ok: false, text: answerText(answer) });
    } catch (error) {
      setNote({ ok: false, text: t('accounts.failed', { reason: describeError(t, error) }) });
    }
  });

  return (
    <section className="panel" aria-labelledby="accounts-add-title">
      <h2 id="accounts-add-title">{t('accounts.add.title')}</h2>
      <FormProvider {...form}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextField label={t('accounts.add.name')} autoComplete="off" maxLength={ACCOUNT_LIMITS.name} error={errors.name} {...form.register('name')} />
          <TextField label={t('accounts.add.position')} autoComplete="off" maxLength={ACCOUNT_LIMITS.position} error={errors.position} {...form.register('position')} />
          <FieldShell label={t('accounts.add.role')}>
            {({ id }) => (
              <select id={id} {...form.register('role')}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`access.role.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
          <NewPasswordFields labels={{ password: t('accounts.add.password'), repeat: t('accounts.add.repeat') }} userInputs={[name, position]} />
          <OutcomeNote note={note} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
              {t('accounts.add.submit')}
            </button>
          </div>
        </form>
      </FormProvider>
    </section>
  );
}

function IdlePanel({ minutes, onSaved }: { minutes: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useForm<IdleFormValues>({ resolver: codeResolver(idleFormSchema), mode: 'onTouched', values: { minutes } });
  const [note, setNote] = useState<Note>(null);
  const submit = form.handleSubmit(async ({ minutes: chosen }) => {
    try {
      const answer = await setIdleMinutes(chosen);
      setNote(answer.status === 'ok' ? { ok: true, text: t('accounts.idle.saved', { minutes: chosen }) } : { ok: false, text: t(`access.refused.${answer.reason}`) });
      onSaved();
    } catch (error) {
      setNote({ ok: false, text: t('accounts.failed', { reason: describeError(t, error) }) });
    }
  });
  // Any refusal of the number is the same advice: a whole number of minutes in the allowed range.
  const invalid = form.formState.errors.minutes ? t('accounts.idle.range', { min: MIN_IDLE_MINUTES, max: MAX_IDLE_MINUTES }) : undefined;
  return (
    <section className="panel" aria-labelledby="accounts-idle-title">
      <h2 id="accounts-idle-title">{t('accounts.idle.title')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <FieldShell label={t('accounts.idle.label')} error={invalid}>
          {({ id, describedBy }) => (
            <input
              id={id}
              type="number"
              inputMode="numeric"
              min={MIN_IDLE_MINUTES}
              max={MAX_IDLE_MINUTES}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={describedBy}
              {...form.register('minutes', { valueAsNumber: true })}
            />
          )}
        </FieldShell>
        <OutcomeNote note={note} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.formState.isSubmitting}>
            {t('accounts.idle.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
