import { useTranslation } from 'react-i18next';
import type { ReferenceBundle } from '../../../../../shared/reference/schema';
import { localized } from '../../../ui/reference-display';

/** Evidence items, by the id causes list them under, and how the checklist notices each one. */
export function EvidenceTab({ bundle }: { bundle: ReferenceBundle }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="ref-section" aria-labelledby="ref-evidence">
      <h2 id="ref-evidence">{t('reference.table.evidence')}</h2>
      <table className="ref-table">
        <thead>
          <tr>
            <th scope="col">{t('reference.columns.id')}</th>
            <th scope="col">{t('reference.columns.label')}</th>
            <th scope="col">{t('reference.columns.field')}</th>
            <th scope="col">{t('reference.columns.attachment')}</th>
          </tr>
        </thead>
        <tbody>
          {bundle.evidence.map((item) => (
            <tr key={item.id}>
              <td className="ref-table__id">{item.id}</td>
              <td>{localized(item.label, i18n.language)}</td>
              <td>{item.field ? t(`reference.field.${item.field}`) : t('reference.none')}</td>
              <td>{item.attachment ? t('reference.evidence.byAttachment') : t('reference.evidence.notByAttachment')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
