import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceBundle, Source } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { TermForm } from '../forms/TermForm';
import { rowMark, VerificationBadge } from '../VerificationBadge';

interface Props {
  bundle: ReferenceBundle;
  actor: Actor | null;
  onSaved(message: string): void;
}

/** A source as one line: its title or address, and its note. */
function sourceLine(source: Source): string {
  return [source.title ?? source.url, source.note].filter(Boolean).join(' — ');
}

/**
 * Terms in days the app counts with: the registration grace after an entry or a new contract (the gap timelines
 * honour it) and the mission's term to answer a citizen's request. Each shows how sure we are and where it comes from.
 */
export function TermsTab({ bundle, actor, onSaved }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const terms = bundle.terms ?? [];
  const row = editing ? terms.find((term) => term.id === editing) : undefined;
  const acts = new Map(bundle.legalRefs.map((r) => [r.id, r]));
  return (
    <section className="ref-section" aria-labelledby="ref-terms">
      <h2 id="ref-terms">{t('reference.table.terms')}</h2>
      <p className="muted">{t('reference.term.intro')}</p>
      {terms.length === 0 ? <p>{t('reference.term.none')}</p> : null}
      <table className="ref-table">
        <thead>
          <tr>
            <th scope="col">{t('reference.columns.name')}</th>
            <th scope="col">{t('reference.term.days')}</th>
            <th scope="col">{t('reference.columns.basis')}</th>
            <th scope="col">{t('reference.columns.verification')}</th>
            {actor ? <th scope="col">{t('reference.columns.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {terms.map((term) => {
            const act = term.legalRef ? acts.get(term.legalRef) : undefined;
            return (
              <tr key={term.id} className={rowMark(term.verification)} data-term={term.id}>
                <td>
                  <div>{t(`reference.term.name.${term.id}`)}</div>
                  <div className="muted ref-table__sub">{t(`reference.term.use.${term.id}`)}</div>
                </td>
                <td>{term.days}</td>
                <td>
                  <div>{act ? `${act.article ? `${act.article} ` : ''}${act.act}` : t('reference.none')}</div>
                  {term.sources.map((source, i) => (
                    <div key={i} className="muted ref-table__sub">
                      {t('reference.term.source', { source: sourceLine(source) })}
                    </div>
                  ))}
                </td>
                <td>
                  <VerificationBadge value={term.verification} />
                </td>
                {actor ? (
                  <td>
                    <button type="button" className="button button--small" aria-label={t('reference.editRow', { name: t(`reference.term.name.${term.id}`) })} onClick={() => setEditing(term.id)}>
                      {t('reference.edit')}
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {row && actor ? <TermForm row={row} bundle={bundle} actor={actor} onSaved={onSaved} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
