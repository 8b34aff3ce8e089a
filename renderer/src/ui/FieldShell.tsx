import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldMessage {
  /** A validation code (translated as validation.<code>) or ready text. */
  type?: string;
  message?: string;
}

interface Props {
  label: string;
  hint?: string;
  error?: FieldMessage | string | undefined;
  warning?: string | undefined;
  required?: boolean;
  className?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** Label, hint, error and warning around any control, wired for screen readers. */
export function FieldShell({ label, hint, error, warning, required, className, children }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;
  const errorText = typeof error === 'string' ? error : error?.type ? t(`validation.${error.type}`, { limit: error.message }) : error?.message;
  const describedBy = [hint && hintId, errorText && errorId, warning && warningId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', errorText ? 'field--invalid' : '', warning ? 'field--warning' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="field__required" aria-hidden="true"> *</span> : null}
      </label>
      {children({ id, describedBy, invalid: !!errorText })}
      {hint ? <div id={hintId} className="field__hint">{hint}</div> : null}
      {errorText ? <div id={errorId} className="field__error">{errorText}</div> : null}
      {warning ? <div id={warningId} className="field__warning">{warning}</div> : null}
    </div>
  );
}
