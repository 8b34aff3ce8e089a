import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../../shared/case/dates';
import type { ReferenceBundle } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { DateForm } from '../forms/DateForm';
import { rowMark, VerificationBadge } from '../VerificationBadge';

interface Props {
  bundle: ReferenceBundle;
  actor: Actor | null;
  onSaved(message: string): void;
}

/** Dates that depend on law (the register's start): what the checks compare a case's dates with. */
export function DatesTab({ bundle, actor, onSaved }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const dates = bundle.dates ?? [];
  const row = editing ? dates.find((d) => d.id === editing) : undefined;
  const acts = new Map(bundle.legalRefs.map((r) => [r.id, r]));
  return (
    <section className="ref-section" aria-labelledby="ref-dates">
      <h2 id="ref-dates">{t('reference.table.dates')}</h2>
      <p className="muted">{t('reference.date.intro')}</p>
      {dates.length === 0 ? <p>{t('reference.date.none')}</p> : null}
      <table className="ref-table">
        <thead>
          <tr>
            <th scope="col">{t('reference.columns.name')}</th>
            <th scope="col">{t('reference.columns.date')}</th>
            <th scope="col">{t('reference.columns.basis')}</th>
            <th scope="col">{t('reference.columns.verification')}</th>
            {actor ? <th scope="col">{t('reference.columns.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {dates.map((d) => {
            const act = d.legalRef ? acts.get(d.legalRef) : undefined;
            return (
              <tr key={d.id} className={rowMark(d.verification)}>
                <td>
                  <div>{t(`reference.date.${d.id}`)}</div>
                  <div className="muted ref-table__sub">{t(`reference.date.use.${d.id}`)}</div>
                </td>
                <td>{formatDate(d.date)}</td>
                <td>{act ? `${act.article ? `${act.article} ` : ''}${act.act}` : t('reference.none')}</td>
                <td>
                  <VerificationBadge value={d.verification} />
                </td>
                {actor ? (
                  <td>
                    <button type="button" className="button button--small" aria-label={t('reference.editRow', { name: t(`reference.date.${d.id}`) })} onClick={() => setEditing(d.id)}>
                      {t('reference.edit')}
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {row && actor ? <DateForm row={row} bundle={bundle} actor={actor} onSaved={onSaved} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
