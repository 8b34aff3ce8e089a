import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput, parseRuDate } from '../DateInput';
import { FieldShell } from '../FieldShell';
import type { EditorValue } from './field-values';
import type { FieldDescriptor } from './fields';

export interface Option {
  value: string;
  label: string;
}

interface Props {
  descriptor: FieldDescriptor;
  label: string;
  value: EditorValue;
  onChange(value: EditorValue): void;
  options: readonly Option[];
  error?: string | undefined;
  warning?: string | undefined;
  autoFocus?: boolean;
  /** Enter (Ctrl+Enter in multi-line fields) submits. */
  onSubmit?(): void;
  onCancel?(): void;
  /** Whether a date box holds text that is not a date: the value then cannot be saved. */
  onUnreadable?(unreadable: boolean): void;
}

const MULTILINE = new Set(['textarea', 'lines']);
const DATES = new Set(['date', 'optionalDate', 'openEndDate']);

/** The control a field kind is edited with, labelled and wired to its messages. */
export function FieldControl({ descriptor, label, value, onChange, options, error, warning, autoFocus, onSubmit, onCancel, onUnreadable }: Props) {
  const { t } = useTranslation();
  const { kind } = descriptor;
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && onSubmit && (!MULTILINE.has(kind) || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmit();
    }
  };
  const hint =
    kind === 'partialDate'
      ? t('casePage.edit.partialDateHint')
      : kind === 'openEndDate'
        ? t('casePage.edit.openEndHint')
        : kind === 'country' || kind === 'optionalCountry'
          ? t('casePage.edit.countryHint')
          : kind === 'lines'
            ? t('casePage.edit.linesHint')
            : kind === 'textarea'
              ? t('casePage.edit.textareaHint')
              : undefined;

  if (kind === 'multi') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className={['inline-choices', error ? 'field--invalid' : ''].filter(Boolean).join(' ')} onKeyDown={onKeyDown}>
        <legend>{label}</legend>
        {options.map((option, i) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              autoFocus={autoFocus && i === 0}
              checked={chosen.includes(option.value)}
              onChange={(event) => onChange(event.target.checked ? [...chosen, option.value] : chosen.filter((v) => v !== option.value))}
            />
            {option.label}
          </label>
        ))}
        {error ? <div className="field__error">{error}</div> : null}
        {warning ? <div className="field__warning">{warning}</div> : null}
      </fieldset>
    );
  }

  return (
    <FieldShell label={label} hint={hint} error={error} warning={warning} required={descriptor.required}>
      {({ id, describedBy, invalid }) => {
        const common = {
          id,
          'aria-describedby': describedBy,
          'aria-invalid': invalid || undefined,
          'aria-required': descriptor.required || undefined,
          autoFocus,
          onKeyDown,
        };
        const text = typeof value === 'string' ? value : '';
        if (kind === 'checkbox') {
          return <input {...common} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />;
        }
        if (kind === 'select' || kind === 'documentRef') {
          return (
            <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
              {kind === 'documentRef' ? <option value="">{t('casePage.value.noDocument')}</option> : text === '' ? <option value="">{t('casePage.edit.choose')}</option> : null}
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          );
        }
        if (DATES.has(kind)) {
          return (
            <DateInput
              {...common}
              value={text}
              onChange={(iso) => onChange(iso)}
              onInput={(event) => {
                const typed = event.currentTarget.value.trim();
                onUnreadable?.(typed !== '' && parseRuDate(typed) === null);
              }}
            />
          );
        }
        if (MULTILINE.has(kind)) {
          return <textarea {...common} rows={kind === 'lines' ? 3 : 4} value={text} onChange={(event) => onChange(event.target.value)} />;
        }
        return (
          <input
            {...common}
            type={kind === 'text' && descriptor.key === 'email' ? 'email' : 'text'}
            maxLength={descriptor.maxLength}
            list={descriptor.suggestions ? `suggestions-${descriptor.suggestions}` : undefined}
            value={text}
            onChange={(event) => onChange(event.target.value)}
          />
        );
      }}
    </FieldShell>
  );
}
