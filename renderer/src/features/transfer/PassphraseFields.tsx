import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { passphraseProblem, passphraseStrength } from './passphrase';

interface Props {
  first: string;
  second: string;
  onChange: (first: string, second: string) => void;
  /** Show the mismatch / too-short message (after a submit attempt). */
  showProblem: boolean;
}

/** The passphrase entered twice, with a strength hint that updates as it is typed. */
export function PassphraseFields({ first, second, onChange, showProblem }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const strength = passphraseStrength(first);
  const problem = showProblem ? passphraseProblem(first, second) : null;
  return (
    <div className="transfer-passphrase">
      <div className="field">
        <label htmlFor={`${id}-1`}>{t('transfer.export.passphrase')}</label>
        <input
          id={`${id}-1`}
          type="password"
          autoComplete="new-password"
          maxLength={1024}
          value={first}
          aria-describedby={`${id}-hint ${id}-strength`}
          aria-invalid={problem === 'tooShort' ? true : undefined}
          onChange={(e) => onChange(e.target.value, second)}
        />
        <div id={`${id}-hint`} className="field__hint">{t('transfer.export.passphraseHint')}</div>
        <div id={`${id}-strength`} className={`transfer-strength transfer-strength--${strength}`} aria-live="polite">
          {first ? t('transfer.export.strength.label', { level: t(`transfer.export.strength.${strength}`) }) : ''}
        </div>
      </div>
      <div className={problem ? 'field field--invalid' : 'field'}>
        <label htmlFor={`${id}-2`}>{t('transfer.export.repeat')}</label>
        <input
          id={`${id}-2`}
          type="password"
          autoComplete="new-password"
          maxLength={1024}
          value={second}
          aria-invalid={problem === 'mismatch' ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => onChange(first, e.target.value)}
        />
        {problem ? <div id={`${id}-problem`} className="field__error">{t(`transfer.export.${problem}`)}</div> : null}
      </div>
    </div>
  );
}
