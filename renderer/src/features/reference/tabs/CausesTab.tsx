import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceBundle } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { localized, verificationCounts } from '../../../ui/reference-display';
import { CauseForm } from '../forms/CauseForm';
import { rowMark, VerificationBadge } from '../VerificationBadge';

interface Props {
  bundle: ReferenceBundle;
  actor: Actor | null;
  onSaved(message: string): void;
}

/** Error causes with what the diagnosis needs of each: its rule, grounds, evidence checklist and documents. */
export function CausesTab({ bundle, actor, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const evidence = new Map(bundle.evidence.map((e) => [e.id, e]));
  const grounds = new Map([...bundle.grounds.inclusion, ...bundle.grounds.exclusion].map((g) => [g.id, g]));
  const named = (id: string) => {
    const ground = grounds.get(id);
    return ground ? `${id} — ${localized(ground.title, i18n.language)}` : id;
  };
  const cause = editing ? bundle.causes.find((c) => c.id === editing) : undefined;

  return (
    <section className="ref-section" aria-labelledby="ref-causes">
      <h2 id="ref-causes">{t('reference.table.causes')}</h2>
      <p className="muted">{t('reference.counts', verificationCounts(bundle.causes))}</p>
      <ul className="ref-cards">
        {bundle.causes.map((c) => {
          const title = localized(c.title, i18n.language);
          return (
            <li key={c.id} className={['ref-card', rowMark(c.verification)].filter(Boolean).join(' ')}>
              <div className="ref-card__head">
                <h3>
                  <span className="ref-table__id">{c.id}</span> {title}
                </h3>
                <VerificationBadge value={c.verification} />
                {actor ? (
                  <button type="button" className="button button--small" aria-label={t('reference.editRow', { name: `${c.id} ${title}` })} onClick={() => setEditing(c.id)}>
                    {t('reference.edit')}
                  </button>
                ) : null}
              </div>
              <p className="ref-card__text">{localized(c.explanation, i18n.language)}</p>
              <dl className="ref-card__facts">
                <dt>{t('reference.cause.rule')}</dt>
                <dd>{c.rule ? `${t(`reference.rule.${c.rule}`)} (${c.rule})` : t('reference.cause.manual')}</dd>
                <dt>{t('reference.cause.inclusionGrounds')}</dt>
                <dd>{c.inclusionGrounds.length > 0 ? c.inclusionGrounds.map(named).join('; ') : t('reference.none')}</dd>
                <dt>{t('reference.cause.exclusionGround')}</dt>
                <dd>{named(c.exclusionGround)}</dd>
                <dt>{t('reference.cause.checklist')}</dt>
                <dd>
                  <ol className="ref-card__list">
                    {c.checklist.map((id) => {
                      const item = evidence.get(id);
                      return (
                        <li key={id}>
                          <code>{id}</code> {item ? localized(item.label, i18n.language) : null}
                        </li>
                      );
                    })}
                  </ol>
                </dd>
                <dt>{t('reference.cause.documents')}</dt>
                <dd>
                  {c.documents.length > 0 ? (
                    <ul className="ref-card__list">
                      {c.documents.map((id) => (
                        <li key={id}>
                          <code>{id}</code> {t(`reference.template.${id}`)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t('reference.none')
                  )}
                </dd>
                <dt>{t('reference.cause.legalRefs')}</dt>
                <dd>{c.legalRefs.length > 0 ? c.legalRefs.join(', ') : t('reference.none')}</dd>
              </dl>
            </li>
          );
        })}
      </ul>
      {cause && actor ? <CauseForm cause={cause} actor={actor} onSaved={onSaved} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
