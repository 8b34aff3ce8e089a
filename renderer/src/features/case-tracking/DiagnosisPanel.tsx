import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosisChoice } from '../../../../shared/diagnosis/choice';
import type { FieldIssue } from '../../../../shared/validation/issues';
import type { AuditRow, CaseRow } from '../../data/schema';
import { formatDateTime } from '../../lib/date-time';
import type { Translate } from '../../ui/case/describe';
import { useCaseEditing } from '../../ui/case/editing';
import { saveDiagnosisChoice } from '../../data/tracking/diagnosis.repo';
import { CauseCard } from './CauseCard';
import { causeTitle, confirms, groundTitle, suggestionFor } from './decision';
import { DecisionForm, type DecisionInput } from './DecisionForm';
import { errorText } from './form-problems';
import { SectionHeading } from '../../ui/case/SectionHeading';
import type { CaseTracking } from '../../data/tracking/use-case-tracking';

interface Props {
  record: CaseRow;
  tracking: CaseTracking | undefined;
}

function SavedDecision({ choice, tracking, decisionRow }: { choice: DiagnosisChoice; tracking: CaseTracking; decisionRow: AuditRow | null }) {
  const { t, i18n } = useTranslation();
  const { reference } = tracking;
  const lng = i18n.language;
  const cause = causeTitle(reference, choice.causeId, lng);
  // The audit row written with this decision says who made it (the choice itself records only when).
  const who = decisionRow && decisionRow.at === choice.at ? decisionRow.who : null;
  const meta = { version: choice.referenceVersion, who, at: formatDateTime(choice.at) };
  return (
    <div className={`decision decision--${choice.decision}`} data-testid="diagnosis-decision">
      <p className="decision__cause">{t(choice.decision === 'confirmed' ? 'tracking.diagnosis.choice.confirmed' : 'tracking.diagnosis.choice.overridden', { cause })}</p>
      <p>{t('tracking.diagnosis.choice.ground', { ground: groundTitle(reference, choice.exclusionGround, lng) })}</p>
      {choice.decision === 'overridden' && choice.suggested ? (
        <p className="muted">
          {t('tracking.diagnosis.choice.suggested', { cause: causeTitle(reference, choice.suggested.causeId, lng), confidence: t(`tracking.confidence.${choice.suggested.confidence}`) })}
        </p>
      ) : null}
      {choice.note ? <p>{t('tracking.diagnosis.choice.note', { note: choice.note })}</p> : null}
      <p className="decision__meta">{t(who ? 'tracking.diagnosis.choice.meta' : 'tracking.diagnosis.choice.metaNoWho', meta)}</p>
      {reference && reference.version !== choice.referenceVersion ? <p className="tracking-warning">{t('tracking.diagnosis.choice.referenceChanged', { version: reference.version })}</p> : null}
    </div>
  );
}

/**
 * Likely causes of the listing with their reasoning, evidence checklist and documents, and the caseworker's
 * decision: confirm a suggestion in one click, or choose any cause and ground with a note. Both are audited.
 */
export function DiagnosisPanel({ record, tracking }: Props) {
  const { t } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const editing = useCaseEditing();
  const [choosing, setChoosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const choice = record.diagnosis;
  const changeButton = useRef<HTMLButtonElement>(null);
  const wasChoosing = useRef(false);

  // Closing the form removes the control that had focus; put it back on the button that opened the form.
  useEffect(() => {
    if (wasChoosing.current && !choosing) changeButton.current?.focus();
    wasChoosing.current = choosing;
  }, [choosing]);

  const save = async (input: DecisionInput): Promise<FieldIssue[] | null> => {
    if (!editing || !tracking?.diagnosis || busy) return null;
    setBusy(true);
    setNotice(null);
    try {
      const suggestion = suggestionFor(tracking.diagnosis, input.causeId);
      const result = await saveDiagnosisChoice(editing.caseId, input, suggestion, tracking.diagnosis.referenceVersion, editing.actor);
      if (!result.ok) return result.issues;
      setChoosing(false);
      setNotice({ ok: true, text: t('tracking.diagnosis.choice.saved') });
      return null;
    } catch (error) {
      setNotice({ ok: false, text: errorText(error, tr) });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const body = () => {
    if (!tracking) return <p role="status">{t('tracking.loading')}</p>;
    const { diagnosis, reference } = tracking;
    if (!diagnosis || !reference) return <p className="muted">{t('tracking.diagnosis.noReference')}</p>;
    return (
      <>
        <p className="muted">{t('tracking.diagnosis.intro', { version: diagnosis.referenceVersion })}</p>
        {diagnosis.causes.length === 0 ? <p>{t('tracking.diagnosis.none')}</p> : null}
        {diagnosis.causes.map((suggestion) => (
          <CauseCard
            key={suggestion.causeId}
            suggestion={suggestion}
            reference={reference}
            confirmed={confirms(choice, suggestion)}
            busy={busy}
            onConfirm={editing ? () => void save({ causeId: suggestion.causeId, exclusionGround: suggestion.suggestedExclusionGround, note: '' }) : null}
          />
        ))}
        <div className="decision-block" aria-labelledby="decision-title" role="group">
          <h3 id="decision-title">{t('tracking.diagnosis.choice.title')}</h3>
          {choice ? <SavedDecision choice={choice} tracking={tracking} decisionRow={tracking.lastDecision} /> : <p className="muted">{t('tracking.diagnosis.choice.none')}</p>}
          {editing && choosing ? (
            <DecisionForm reference={reference} diagnosis={diagnosis} saved={choice} busy={busy} onSave={save} onCancel={() => setChoosing(false)} />
          ) : null}
          {editing && !choosing ? (
            <div className="form-actions">
              <button ref={changeButton} type="button" className="button" onClick={() => setChoosing(true)}>
                {t('tracking.diagnosis.choice.change')}
              </button>
            </div>
          ) : null}
        </div>
      </>
    );
  };

  return (
    <section id="diagnosis" className="case-section tracking-panel" aria-labelledby="diagnosis-title">
      <SectionHeading id="diagnosis-title">{t('tracking.section.diagnosis')}</SectionHeading>
      {body()}
      <p className={notice && !notice.ok ? 'status status--error' : 'status status--ok'} role="status">
        {notice?.text ?? ''}
      </p>
    </section>
  );
}
