import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { changePasswordFormSchema, type ChangePasswordFormValues } from '../../../../shared/accounts/forms';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../../shared/security/password-strength';
import { changeOwnPassword } from './access-api';
import { NewPasswordFields } from './NewPasswordFields';
import { OutcomeNote, type Outcome } from './OutcomeNote';
import { describeError } from '../../ui/error-text';
import { codeResolver } from '../../ui/code-resolver';
import { FieldShell } from '../../ui/FieldShell';

const EMPTY: ChangePasswordFormValues = { current: '', password: '', repeat: '' };

/**
 * «Сменить свой пароль»: only with the current one (main checks it by unwrapping the data key with it). Also the
 * screen a reset password leads to, where `record` is false because the database is not open yet.
 */
export function ChangePasswordForm({ userInputs, onChanged, record = true }: { userInputs: string[]; onChanged?: () => void; record?: boolean }) {
  const { t } = useTranslation();
  const form = useForm<ChangePasswordFormValues>({ resolver: codeResolver(changePasswordFormSchema), mode: 'onTouched', defaultValues: EMPTY });
  const [note, setNote] = useState<Outcome>(null);

  const submit = form.handleSubmit(async ({ current, password }) => {
    try {
      const answer = await changeOwnPassword({ current, next: password }, record);
      if (answer.status === 'ok') {
        form.reset(EMPTY);
        setNote({ ok: true, text: t('accounts.password.changed') });
        onChanged?.();
      } else if (answer.status === 'wrong_password') setNote({ ok: false, text: t('accounts.password.wrongCurrent') });
      else if (answer.status === 'weak') setNote({ ok: false, text: t(`access.strength.${answer.problem}`, { min: MIN_PASSWORD_LENGTH }) });
      else setNote({ ok: false, text: t(`access.refused.${answer.reason}`) });
    } catch (error) {
      // What was typed stays: the password is unchanged.
      setNote({ ok: false, text: t('accounts.failed', { reason: describeError(t, error) }) });
    }
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <FieldShell label={t('accounts.password.current')} error={form.formState.errors.current}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="password" autoComplete="current-password" maxLength={MAX_PASSWORD_LENGTH} aria-invalid={invalid || undefined} aria-describedby={describedBy} {...form.register('current')} />
          )}
        </FieldShell>
        <NewPasswordFields labels={{ password: t('accounts.password.next'), repeat: t('accounts.password.repeat') }} userInputs={userInputs} />
        <OutcomeNote note={note} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
            {t('accounts.password.submit')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
