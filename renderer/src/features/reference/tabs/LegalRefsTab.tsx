import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../../shared/case/dates';
import type { ReferenceBundle } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { verificationCounts } from '../../../ui/reference-display';
import { LegalRefForm } from '../forms/LegalRefForm';
import { rowMark, VerificationBadge } from '../VerificationBadge';

interface Props {
  bundle: ReferenceBundle;
  actor: Actor | null;
  onSaved(message: string): void;
}

/** Legal provisions documents may quote — only the verified ones; the rest are shown, never cited. */
export function LegalRefsTab({ bundle, actor, onSaved }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const legalRef = editing ? bundle.legalRefs.find((r) => r.id === editing) : undefined;
  return (
    <section className="ref-section" aria-labelledby="ref-legal">
      <h2 id="ref-legal">{t('reference.table.legalRefs')}</h2>
      <p className="muted">{t('reference.counts', verificationCounts(bundle.legalRefs))}</p>
      <table className="ref-table ref-table--legal">
        <thead>
          <tr>
            <th scope="col">{t('reference.columns.act')}</th>
            <th scope="col">{t('reference.columns.article')}</th>
            <th scope="col">{t('reference.columns.summary')}</th>
            <th scope="col">{t('reference.columns.verification')}</th>
            {actor ? <th scope="col">{t('reference.columns.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {bundle.legalRefs.map((ref) => {
            const article = ref.article || t('reference.legal.wholeAct');
            return (
              <tr key={ref.id} className={rowMark(ref.verification)}>
                <td>
                  <div>{ref.act}</div>
                  <div className="muted ref-table__sub">
                    <code>{ref.id}</code>
                    {ref.date ? ` · ${t('reference.legal.date', { date: formatDate(ref.date) })}` : null}
                  </div>
                </td>
                <td>{article}</td>
                <td lang="ru">
                  {ref.summaryRu}
                </td>
                <td>
                  <VerificationBadge value={ref.verification} />
                </td>
                {actor ? (
                  <td>
                    <button type="button" className="button button--small" aria-label={t('reference.editRow', { name: `${ref.act}, ${article}` })} onClick={() => setEditing(ref.id)}>
                      {t('reference.edit')}
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {legalRef && actor ? <LegalRefForm legalRef={legalRef} actor={actor} onSaved={onSaved} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
