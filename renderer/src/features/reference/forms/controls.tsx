import type { ChangeEvent, InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { VERIFICATIONS, type Verification } from '../../../../../shared/reference/schema';
import { FieldShell } from '../../../ui/FieldShell';

/**
 * Fields for the edit forms; `error` is ready text (already translated), kept next to the field. Each takes either
 * `value` and `onValue`, or a react-hook-form registration spread in (`{...form.register('note')}`).
 */
interface Common {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  className?: string;
}

/** A field driven by `value`/`onValue`; without them, by the registration spread into its other props. */
interface Bound {
  value?: string;
  onValue?(value: string): void;
}
const bound = (value: string | undefined, onValue: ((value: string) => void) | undefined) =>
  onValue ? { value, onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => onValue(event.target.value) } : {};

export function TextInput({ label, hint, error, required, className, value, onValue, ...rest }: Common & Bound & Omit<InputHTMLAttributes<HTMLInputElement>, 'value'>) {
  return (
    <FieldShell label={label} hint={hint} error={error} required={required} className={className}>
      {({ id, describedBy, invalid }) => (
        <input
          {...rest}
          id={id}
          {...bound(value, onValue)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
        />
      )}
    </FieldShell>
  );
}

export function TextArea({ label, hint, error, required, className, value, onValue, ...rest }: Common & Bound & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value'> & { ref?: Ref<HTMLTextAreaElement> }) {
  return (
    <FieldShell label={label} hint={hint} error={error} required={required} className={className ?? 'field--wide'}>
      {({ id, describedBy, invalid }) => (
        <textarea
          rows={5}
          {...rest}
          id={id}
          {...bound(value, onValue)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
        />
      )}
    </FieldShell>
  );
}

export function Select({ label, hint, error, required, className, value, onValue, children, ...rest }: Common & Bound & { children: ReactNode } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value'> & { ref?: Ref<HTMLSelectElement> }) {
  return (
    <FieldShell label={label} hint={hint} error={error} required={required} className={className}>
      {({ id, describedBy, invalid }) => (
        <select {...rest} id={id} {...bound(value, onValue)} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

export function VerificationSelect({ value, onValue, ...common }: Common & { value?: Verification; onValue?(value: Verification): void } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value'> & { ref?: Ref<HTMLSelectElement> }) {
  const { t } = useTranslation();
  return (
    <Select {...common} value={value} onValue={onValue ? (v) => onValue(v as Verification) : undefined}>
      {VERIFICATIONS.map((v) => (
        <option key={v} value={v}>
          {t(`reference.verificationOption.${v}`)}
        </option>
      ))}
    </Select>
  );
}

