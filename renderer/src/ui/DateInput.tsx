import { forwardRef, useEffect, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, isValidIsoDate } from '../../../shared/case/dates';

/** dd.mm.yyyy (also d.m.yyyy, dd/mm/yyyy, ddmmyyyy) → ISO, or null when it is not a real date. */
export function parseRuDate(text: string): string | null {
  const trimmed = text.trim();
  const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(trimmed) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onInvalid'> {
  /** ISO date or '' (no date). */
  value: string | null | undefined;
  onChange(iso: string): void;
  /** Called with the raw text when it is not a date, so the form can show an error instead of losing it. */
  onInvalid?(text: string): void;
}

/**
 * A date typed as дд.мм.гггг whatever the system locale (a native date input follows the OS locale).
 * What the user typed stays in the box until it is a real date; nothing is silently dropped.
 */
export const DateInput = forwardRef<HTMLInputElement, Props>(function DateInput({ value, onChange, onInvalid, onBlur, ...rest }, ref) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ? formatDate(value) : '');
  useEffect(() => {
    setText((current) => {
      const parsed = parseRuDate(current);
      if ((value ?? '') === (parsed ?? '') && (parsed !== null || !value)) return current;
      return value ? formatDate(value) : current && parseRuDate(current) === null ? current : '';
    });
  }, [value]);
  return (
    <input
      {...rest}
      ref={ref}
      type="text"
      inputMode="numeric"
      placeholder={t('format.datePlaceholder')}
      maxLength={10}
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        if (next.trim() === '') onChange('');
        else {
          const parsed = parseRuDate(next);
          if (parsed) onChange(parsed);
        }
      }}
      onBlur={(event) => {
        if (text.trim() !== '' && parseRuDate(text) === null) onInvalid?.(text);
        onBlur?.(event);
      }}
    />
  );
});
