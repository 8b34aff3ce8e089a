import { useTranslation } from 'react-i18next';
import type { Verification } from '../../../../shared/reference/schema';

/**
 * How sure we are of an item, in words (never colour alone): unverified and gap items must stand out, since
 * they are not to be cited as law.
 */
export function VerificationBadge({ value, subject }: { value: Verification; subject?: 'address' }) {
  const { t } = useTranslation();
  const state = t(`reference.verification.${value}`);
  return <span className={`ref-badge ref-badge--${value}`}>{subject === 'address' ? t('reference.addressee.addressMark', { state }) : state}</span>;
}

/** Row class marking the least certain of an item's verifications. */
export function rowMark(...values: Verification[]): string | undefined {
  if (values.includes('gap')) return 'ref-row--gap';
  if (values.includes('unverified')) return 'ref-row--unverified';
  return undefined;
}
