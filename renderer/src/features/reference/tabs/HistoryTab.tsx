import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/date-time';
import type { VersionEntry } from '../history';

/** Every version of the reference data, newest first, with who made it and which rows it changed (the audit). */
export function HistoryTab({ versions }: { versions: readonly VersionEntry[] }) {
  const { t } = useTranslation();
  return (
    <section className="ref-section" aria-labelledby="ref-history">
      <h2 id="ref-history">{t('reference.tabs.history')}</h2>
      {versions.length === 0 ? <p>{t('reference.history.empty')}</p> : null}
      <ol className="ref-history">
        {versions.map((v, i) => (
          <li key={v.version} className="ref-history__entry">
            <h3>
              {t('reference.history.version', { version: v.version })}
              {i === 0 ? <span className="ref-badge ref-badge--verified">{t('reference.history.inForce')}</span> : null}
            </h3>
            <p>
              <strong>{t(`reference.history.kind.${v.kind}`)}</strong> · {t('reference.history.meta', { at: formatDateTime(v.at), who: v.who ?? t('reference.factoryWho') })}
            </p>
            {v.changes.length > 0 ? (
              <details open={v.changes.length <= 5}>
                <summary>{t('reference.history.changes', { count: v.changes.length })}</summary>
                <ul className="ref-card__list">
                  {v.changes.map((c) => (
                    <li key={`${c.table}.${c.id}`}>
                      {t('reference.changeLine', { table: t(`reference.table.${c.table}`), id: c.id, change: t(`reference.change.${c.change}`) })}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
