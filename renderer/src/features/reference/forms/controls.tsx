import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { VERIFICATIONS, type Verification } from '../../../../../shared/reference/schema';
import { FieldShell } from '../../../ui/FieldShell';

/** Controlled fields for the edit forms; `error` is ready text (already translated), kept next to the field. */
interface Common {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  className?: string;
}

export function TextInput({ label, hint, error, required, className, value, onValue, ...rest }: Common & { value: string; onValue(value: string): void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  return (
    <FieldShell label={label} hint={hint} error={error} required={required} className={className}>
      {({ id, describedBy, invalid }) => (
        <input
          {...rest}
          id={id}
          value={value}
          onChange={(event) => onValue(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
        />
      )}
    </FieldShell>
  );
}

export function TextArea({ label, hint, error, required, className, value, onValue, ...rest }: Common & { value: string; onValue(value: string): void } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'>) {
  return (
    <FieldShell label={label} hint={hint} error={error} required={required} className={className ?? 'field--wide'}>
      {({ id, describedBy, invalid }) => (
        <textarea
          rows={5}
          {...rest}
          id={id}
          value={value}
          onChange={(event) => onValue(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
        />
      )}
    </FieldShell>
  );
}

export function Select({ label, hint, error, required, className, value, onValue, children, ...rest }: Common & { value: string; onValue(value: string): void; children: ReactNode } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  return (
    <FieldShell label={label} hint={hint} error={error} required={required} className={className}>
      {({ id, describedBy, invalid }) => (
        <select {...rest} id={id} value={value} onChange={(event) => onValue(event.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

export function VerificationSelect({ value, onValue, ...common }: Common & { value: Verification; onValue(value: Verification): void }) {
  const { t } = useTranslation();
  return (
    <Select {...common} value={value} onValue={(v) => onValue(v as Verification)}>
      {VERIFICATIONS.map((v) => (
        <option key={v} value={v}>
          {t(`reference.verificationOption.${v}`)}
        </option>
      ))}
    </Select>
  );
}

