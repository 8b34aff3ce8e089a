import { useTranslation } from 'react-i18next';
import type { CauseSuggestion, ChecklistMark } from '../../../../shared/diagnosis/types';
import type { ReferenceBundle } from '../../../../shared/reference/schema';
import type { Translate } from '../../ui/case/describe';
import { groundTitle } from './decision';
import { localized, reasonText } from '../../ui/case/reasons';

interface Props {
  suggestion: CauseSuggestion;
  reference: ReferenceBundle;
  /** Null when the page is read-only or this suggestion is already the confirmed decision. */
  onConfirm: (() => void) | null;
  confirmed: boolean;
  busy: boolean;
}

function ChecklistItem({ mark, reference }: { mark: ChecklistMark; reference: ReferenceBundle }) {
  const { t, i18n } = useTranslation();
  const item = reference.evidence.find((e) => e.id === mark.itemId);
  const label = item ? localized(item.label, i18n.language) : mark.itemId;
  const how = mark.present
    ? mark.provenBy === 'attachment'
      ? t('tracking.diagnosis.byAttachment', { detail: mark.detail ?? '' })
      : mark.detail
        ? t('tracking.diagnosis.byField', { detail: mark.detail })
        : t('tracking.diagnosis.byFieldNoDetail')
    : t(item?.field ? 'tracking.diagnosis.howField' : 'tracking.diagnosis.howAttachment');
  return (
    <li className={`checklist__item checklist__item--${mark.present ? 'present' : 'missing'}`} data-evidence={mark.itemId}>
      <span className="checklist__mark">{t(mark.present ? 'tracking.diagnosis.present' : 'tracking.diagnosis.missing')}</span>
      <span className="checklist__label">{label}</span>
      <span className="checklist__how">{how}</span>
    </li>
  );
}

/** One suggested cause: what it is, why the case points to it, what proves it and what to send. */
export function CauseCard({ suggestion, reference, onConfirm, confirmed, busy }: Props) {
  const { t, i18n } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const cause = reference.causes.find((c) => c.id === suggestion.causeId);
  const title = cause ? localized(cause.title, i18n.language) : suggestion.causeId;
  const headingId = `cause-${suggestion.causeId}`;
  return (
    <article className={`cause-card cause-card--${suggestion.confidence}`} aria-labelledby={headingId} data-cause={suggestion.causeId}>
      <div className="cause-card__head">
        <h3 id={headingId}>{title}</h3>
        <span className={`confidence confidence--${suggestion.confidence}`}>{t(`tracking.confidence.${suggestion.confidence}`)}</span>
      </div>
      {cause ? <p className="cause-card__explanation">{localized(cause.explanation, i18n.language)}</p> : null}
      <h4>{t('tracking.diagnosis.why')}</h4>
      <ul className="cause-card__reasons">
        {suggestion.reasoning.map((reason, i) => (
          <li key={`${reason.code}-${i}`}>{reasonText(tr, reason)}</li>
        ))}
      </ul>
      <p className="cause-card__ground">{t('tracking.diagnosis.ground', { ground: groundTitle(reference, suggestion.suggestedExclusionGround, i18n.language) })}</p>
      <h4>{t('tracking.diagnosis.checklist')}</h4>
      <ul className="checklist">
        {suggestion.checklist.map((mark) => (
          <ChecklistItem key={mark.itemId} mark={mark} reference={reference} />
        ))}
      </ul>
      {suggestion.documents.length > 0 ? (
        <>
          <h4>{t('tracking.diagnosis.documents')}</h4>
          <ol className="cause-card__documents">
            {suggestion.documents.map((id) => (
              <li key={id}>{t(`tracking.template.${id}`)}</li>
            ))}
          </ol>
          <p className="tracking-note">{t('tracking.diagnosis.documentsLater')}</p>
        </>
      ) : null}
      <div className="form-actions">
        {confirmed ? <span className="cause-card__confirmed">{t('tracking.diagnosis.confirmedMark')}</span> : null}
        {onConfirm && !confirmed ? (
          <button type="button" className="button button--primary" aria-label={t('tracking.diagnosis.confirmCause', { cause: title })} disabled={busy} onClick={onConfirm}>
            {t('tracking.diagnosis.confirm')}
          </button>
        ) : null}
      </div>
    </article>
  );
}
