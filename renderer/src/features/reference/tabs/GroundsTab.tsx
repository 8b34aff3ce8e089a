import { useTranslation } from 'react-i18next';
import type { InclusionGround, ReferenceBundle } from '../../../../../shared/reference/schema';
import { localized, verificationCounts } from '../../../ui/reference-display';
import { rowMark, VerificationBadge } from '../VerificationBadge';

function GroundsTable({ id, title, grounds }: { id: string; title: string; grounds: readonly InclusionGround[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="ref-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="muted">{t('reference.counts', verificationCounts(grounds))}</p>
      <table className="ref-table">
        <thead>
          <tr>
            <th scope="col">{t('reference.columns.id')}</th>
            <th scope="col">{t('reference.columns.title')}</th>
            <th scope="col">{t('reference.columns.description')}</th>
            <th scope="col">{t('reference.columns.verification')}</th>
            <th scope="col">{t('reference.columns.legalRefs')}</th>
          </tr>
        </thead>
        <tbody>
          {grounds.map((g) => (
            <tr key={g.id} className={rowMark(g.verification)}>
              <td className="ref-table__id">{g.id}</td>
              <td>{localized(g.title, i18n.language)}</td>
              <td className="ref-table__text">{localized(g.description, i18n.language)}</td>
              <td>
                <VerificationBadge value={g.verification} />
              </td>
              <td>{g.legalRefs.length > 0 ? g.legalRefs.join(', ') : t('reference.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Grounds for inclusion and for exclusion (read-only here: they change with the law, through an import). */
export function GroundsTab({ bundle }: { bundle: ReferenceBundle }) {
  const { t } = useTranslation();
  return (
    <>
      <GroundsTable id="ref-inclusion" title={t('reference.table.inclusionGrounds')} grounds={bundle.grounds.inclusion} />
      <GroundsTable id="ref-exclusion" title={t('reference.table.exclusionGrounds')} grounds={bundle.grounds.exclusion} />
    </>
  );
}
