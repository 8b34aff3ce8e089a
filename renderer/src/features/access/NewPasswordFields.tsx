import { useId } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { NewPasswordValues } from '../../../../shared/accounts/forms';
import { MAX_PASSWORD_LENGTH } from '../../../../shared/security/password-strength';
import { FieldShell } from '../../ui/FieldShell';
import { PasswordStrengthNote, usePasswordStrength } from './PasswordStrength';

interface Props {
  labels: { password: string; repeat?: string };
  /** The account's own words (name, position): a password made of them scores low. */
  userInputs: string[];
  autoFocus?: boolean;
}

/**
 * A new password with its live strength and, where the form asks twice, the repeat. It reads the surrounding
 * react-hook-form (FormProvider) at `password` and `repeat`; the forms' shared zod schemas
 * (shared/accounts/forms.ts) refuse a repeat that differs as `invalid_value` at `repeat`.
 */
export function NewPasswordFields({ labels, userInputs, autoFocus }: Props) {
  const { t } = useTranslation();
  const { register, control, formState } = useFormContext<NewPasswordValues>();
  const password = useWatch({ control, name: 'password' }) ?? '';
  const strength = usePasswordStrength(password, userInputs);
  const strengthId = useId();
  const repeatError = formState.errors.repeat;
  return (
    <>
      <FieldShell label={labels.password} error={formState.errors.password}>
        {({ id, describedBy, invalid }) => (
          <>
            <input
              id={id}
              type="password"
              autoFocus={autoFocus}
              autoComplete="new-password"
              maxLength={MAX_PASSWORD_LENGTH}
              aria-invalid={invalid || undefined}
              aria-describedby={[describedBy, strength ? strengthId : undefined].filter(Boolean).join(' ') || undefined}
              {...register('password')}
            />
            <PasswordStrengthNote id={strengthId} strength={strength} />
          </>
        )}
      </FieldShell>
      {labels.repeat ? (
        <FieldShell label={labels.repeat} error={repeatError?.type === 'invalid_value' ? t('access.setup.mismatch') : repeatError}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="password" autoComplete="new-password" maxLength={MAX_PASSWORD_LENGTH} aria-invalid={invalid || undefined} aria-describedby={describedBy} {...register('repeat')} />
          )}
        </FieldShell>
      ) : null}
    </>
  );
}
