import { useTranslation } from 'react-i18next';
import type { ReferenceBundle } from '../../../../../shared/reference/schema';
import { verificationCounts } from '../../../ui/reference-display';
import { rowMark, VerificationBadge } from '../VerificationBadge';

/** Kyrgyz missions in Russia and the federal subjects each serves, region by region with its certainty. */
export function MissionsTab({ bundle }: { bundle: ReferenceBundle }) {
  const { t } = useTranslation();
  return (
    <section className="ref-section" aria-labelledby="ref-missions">
      <h2 id="ref-missions">{t('reference.table.missions')}</h2>
      <p className="muted">{t('reference.counts', verificationCounts(bundle.missions))}</p>
      <ul className="ref-cards">
        {bundle.missions.map((m) => (
          <li key={m.id} className={['ref-card', rowMark(m.verification, m.addressVerification)].filter(Boolean).join(' ')}>
            <div className="ref-card__head">
              <h3>{m.nameRu}</h3>
              <VerificationBadge value={m.verification} />
            </div>
            <p lang="ky">{m.nameKy}</p>
            <p>
              {t(`reference.mission.kind.${m.kind}`)} · {t('reference.mission.city', { city: m.city })}
            </p>
            <p>
              {t('reference.mission.address', { address: m.address || t('reference.addressee.addressGap') })}{' '}
              <VerificationBadge value={m.addressVerification} subject="address" />
            </p>
            <details className="ref-card__district">
              <summary>{t('reference.mission.district', { count: m.district.length })}</summary>
              <ul className="ref-district">
                {m.district.map((entry) => (
                  <li key={entry.region} className={rowMark(entry.verification)}>
                    {entry.region} <VerificationBadge value={entry.verification} />
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
