import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceBundle } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { verificationCounts } from '../../../ui/reference-display';
import { DocumentClockForm } from '../forms/DocumentClockForm';
import { rowMark, VerificationBadge } from '../VerificationBadge';

interface Props {
  bundle: ReferenceBundle;
  actor: Actor | null;
  onSaved(message: string): void;
}

/** Which clock each outgoing document starts: a legal term, the mission's follow-up interval, or none. */
export function DocumentClocksTab({ bundle, actor, onSaved }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const rows = bundle.documentClocks ?? [];
  const row = editing ? rows.find((r) => r.id === editing) : undefined;
  const acts = new Map(bundle.legalRefs.map((r) => [r.id, r]));
  return (
    <section className="ref-section" aria-labelledby="ref-document-clocks">
      <h2 id="ref-document-clocks">{t('reference.table.documentClocks')}</h2>
      <p className="muted">{t('reference.clock.intro')}</p>
      <p className="muted">{t('reference.counts', verificationCounts(rows))}</p>
      <table className="ref-table">
        <thead>
          <tr>
            <th scope="col">{t('reference.clock.document')}</th>
            <th scope="col">{t('reference.clock.starts')}</th>
            <th scope="col">{t('reference.columns.basis')}</th>
            <th scope="col">{t('reference.columns.verification')}</th>
            {actor ? <th scope="col">{t('reference.columns.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const act = r.legalRef ? acts.get(r.legalRef) : undefined;
            return (
              <tr key={r.id} className={rowMark(r.verification)}>
                <td>{t(`reference.clock.kind.${r.id}`)}</td>
                <td>
                  <div>{t(`reference.clock.regime.${r.regime}`)}</div>
                  {r.regime === 'appeal' && r.verification !== 'verified' ? <div className="muted ref-table__sub">{t('reference.clock.notLaw')}</div> : null}
                </td>
                <td>{act ? `${act.article ? `${act.article} ` : ''}${act.act}` : t('reference.clock.practice')}</td>
                <td>
                  <VerificationBadge value={r.verification} />
                </td>
                {actor ? (
                  <td>
                    <button type="button" className="button button--small" aria-label={t('reference.editRow', { name: t(`reference.clock.kind.${r.id}`) })} onClick={() => setEditing(r.id)}>
                      {t('reference.edit')}
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {row && actor ? <DocumentClockForm row={row} bundle={bundle} actor={actor} onSaved={onSaved} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
