import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { passwordStrength, Strength } from '../../../../shared/security/password-strength';

// The estimator and its dictionaries load only on screens that set a password, never with the first bundle.
let estimator: Promise<{ passwordStrength: typeof passwordStrength }> | null = null;
const loadEstimator = () => (estimator ??= import('../../../../shared/security/password-strength'));

/** Live strength from zxcvbn-ts; main checks the same rule again before it accepts a password. */
export function usePasswordStrength(password: string, userInputs: string[]): Strength | null {
  const [scored, setScored] = useState<{ password: string; strength: Strength } | null>(null);
  const inputs = userInputs.join('\n');
  useEffect(() => {
    let live = true;
    if (password === '') return;
    void loadEstimator().then((m) => live && setScored({ password, strength: m.passwordStrength(password, inputs.split('\n')) }));
    return () => {
      live = false;
    };
  }, [password, inputs]);
  // A score for an earlier password is not shown for the current one.
  return scored && scored.password === password ? scored.strength : null;
}

export function PasswordStrengthNote({ strength, id }: { strength: Strength | null; id: string }) {
  const { t } = useTranslation();
  if (!strength) return null;
  return (
    <div id={id} className={strength.problem ? 'field__error' : 'field__hint'} aria-live="polite">
      <meter min={0} max={4} low={2} high={3} optimum={4} value={strength.score} aria-hidden="true" /> {t('access.strength.label', { score: strength.score })}
      {strength.problem ? ` — ${t(`access.strength.${strength.problem}`, { min: 10 })}` : null}
    </div>
  );
}
