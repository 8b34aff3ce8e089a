import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceBundle } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { localized, verificationCounts } from '../../../ui/reference-display';
import { ArgumentsForm } from '../forms/ArgumentsForm';
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
  const [editingArguments, setEditingArguments] = useState<string | null>(null);
  const legalRefs = new Map(bundle.legalRefs.map((r) => [r.id, r]));
  const evidence = new Map(bundle.evidence.map((e) => [e.id, e]));
  const grounds = new Map([...bundle.grounds.inclusion, ...bundle.grounds.exclusion].map((g) => [g.id, g]));
  const named = (id: string) => {
    const ground = grounds.get(id);
    return ground ? `${id} — ${localized(ground.title, i18n.language)}` : id;
  };
  const cause = editing ? bundle.causes.find((c) => c.id === editing) : undefined;
  const argumentsCause = editingArguments ? bundle.causes.find((c) => c.id === editingArguments) : undefined;
  /** How a paragraph prints today: as the mission's statement, as a request to check, or not at all. */
  const printsAs = (legalRef: string | null, checkText: string | undefined) => {
    if (legalRef === null || legalRefs.get(legalRef)?.verification === 'verified') return 'assertion';
    return checkText ? 'check' : 'none';
  };

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
              <h4>{t('reference.argument.sectionTitle')}</h4>
              {(c.arguments ?? []).length > 0 ? (
                <ol className="ref-card__list">
                  {(c.arguments ?? []).map((arg) => (
                    <li key={arg.id}>
                      <code>{arg.id}</code> <span className="muted">{t('reference.argument.versionShort', { version: arg.version })}</span> {arg.text}
                      <br />
                      <span className="muted">
                        {t('reference.argument.needs', { list: arg.evidence.map((id) => (evidence.get(id) ? localized(evidence.get(id)!.label, i18n.language) : id)).join('; ') })}
                        {arg.legalRef ? ` · ${arg.legalRef} — ${t(`reference.argument.printsAs.${printsAs(arg.legalRef, arg.checkText)}`)}` : null}
                      </span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="muted">{t('reference.argument.none')}</p>
              )}
              {actor ? (
                <button type="button" className="button button--small" aria-label={t('reference.argument.editFor', { name: `${c.id} ${title}` })} onClick={() => setEditingArguments(c.id)}>
                  {t('reference.argument.edit')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {cause && actor ? <CauseForm cause={cause} actor={actor} onSaved={onSaved} onClose={() => setEditing(null)} /> : null}
      {argumentsCause && actor ? <ArgumentsForm cause={argumentsCause} bundle={bundle} actor={actor} onSaved={onSaved} onClose={() => setEditingArguments(null)} /> : null}
    </section>
  );
}
