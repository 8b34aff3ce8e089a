import { useId, type InputHTMLAttributes } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

interface Props extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  error?: FieldError | undefined;
  required?: boolean;
}

/** A labelled input whose error is announced and tied to it for screen readers. */
export function TextField({ label, hint, error, required, ...input }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="field__required" aria-hidden="true"> *</span> : null}
      </label>
      <input id={id} aria-invalid={error ? true : undefined} aria-required={required} aria-describedby={describedBy} {...input} />
      {hint ? (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={errorId} className="field__error">
          {t(`validation.${error.type}`, { limit: error.message })}
        </div>
      ) : null}
    </div>
  );
}
