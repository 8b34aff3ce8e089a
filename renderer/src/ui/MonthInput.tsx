import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'] as const;

interface Props {
  /** The select's id, for the caller's <label htmlFor>. */
  id: string;
  /** The field's label, which names the year box too. */
  label: string;
  /** 'YYYY-MM'. */
  value: string;
  onChange(month: string): void;
  invalid?: boolean;
  describedBy?: string;
}

/**
 * A month and a year in the interface's language. A native month input follows the operating system's locale
 * («January 2026» on a Russian screen); this one names the months from the app's own messages. The year is
 * passed on once it has four digits; what is typed before that stays in the box.
 */
export function MonthInput({ id, label, value, onChange, invalid, describedBy }: Props) {
  const { t } = useTranslation();
  const [year, month] = [value.slice(0, 4), value.slice(5, 7)];
  const [yearText, setYearText] = useState(year);
  // A new value from outside (another button set the period) replaces what is in the box.
  const [shownYear, setShownYear] = useState(year);
  if (shownYear !== year) {
    setShownYear(year);
    setYearText(year);
  }
  return (
    <span className="month-input">
      <select id={id} value={month} onChange={(e) => onChange(`${year}-${e.target.value}`)} aria-invalid={invalid} aria-describedby={describedBy}>
        {MONTHS.map((m) => (
          <option key={m} value={m}>
            {t(`format.months.${m}`)}
          </option>
        ))}
      </select>
      <input
        type="text"
        inputMode="numeric"
        maxLength={4}
        size={5}
        aria-label={t('format.yearOf', { field: label })}
        value={yearText}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => {
          const text = e.target.value.replace(/\D/g, '').slice(0, 4);
          setYearText(text);
          if (/^(19|20)\d\d$/.test(text)) onChange(`${text}-${month}`);
        }}
        onBlur={() => setYearText(year)}
      />
    </span>
  );
}
