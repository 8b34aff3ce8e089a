import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosisChoice } from '../../../../shared/diagnosis/choice';
import type { DiagnosisResult } from '../../../../shared/diagnosis/types';
import type { ReferenceBundle } from '../../../../shared/reference/schema';
import type { FieldIssue } from '../../../../shared/validation/issues';
import { FieldShell } from '../../ui/FieldShell';
import type { Translate } from '../../ui/case/describe';
import { fieldErrors, otherErrors, type FieldErrors } from './form-problems';
import { localized } from '../../ui/case/reasons';
import { ErrorList } from '../../ui/ErrorList';

export interface DecisionInput {
  causeId: string;
  exclusionGround: string;
  note: string;
}

interface Props {
  reference: ReferenceBundle;
  diagnosis: DiagnosisResult | null;
  saved: DiagnosisChoice | undefined;
  busy: boolean;
  onSave(input: DecisionInput): Promise<FieldIssue[] | null>;
  onCancel(): void;
}

const SHOWN = ['causeId', 'exclusionGround', 'note'];

/** Any cause and exclusion ground from the reference data, with a note: how a caseworker overrides the diagnosis. */
export function DecisionForm({ reference, diagnosis, saved, busy, onSave, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const top = diagnosis?.causes[0];
  const [causeId, setCauseId] = useState(saved?.causeId ?? top?.causeId ?? '');
  const [ground, setGround] = useState(saved?.exclusionGround ?? top?.suggestedExclusionGround ?? '');
  const [note, setNote] = useState(saved?.note ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const suggested = new Set(diagnosis?.causes.map((c) => c.causeId) ?? []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    if (!causeId) local.causeId = t('validation.required');
    if (!ground) local.exclusionGround = t('validation.required');
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    const issues = await onSave({ causeId, exclusionGround: ground, note });
    setErrors(issues ? fieldErrors(tr, issues) : {});
  };

  const rest = otherErrors(errors, SHOWN);
  return (
    <form className="decision-form tracking-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="decision-form-title">
      <h4 id="decision-form-title">{t('tracking.diagnosis.choice.formTitle')}</h4>
      <ErrorList messages={rest} />
      <FieldShell className="field--wide" label={t('tracking.diagnosis.choice.cause')} error={errors.causeId} required>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            autoFocus
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            aria-required
            value={causeId}
            onChange={(event) => {
              const next = event.target.value;
              setCauseId(next);
              const cause = reference.causes.find((c) => c.id === next);
              if (cause) setGround(diagnosis?.causes.find((c) => c.causeId === next)?.suggestedExclusionGround ?? cause.exclusionGround);
            }}
          >
            <option value="">{t('tracking.diagnosis.choice.choose')}</option>
            {reference.causes.map((cause) => (
              <option key={cause.id} value={cause.id}>
                {`${cause.id} — ${localized(cause.title, i18n.language)}${suggested.has(cause.id) ? ` (${t('tracking.diagnosis.choice.suggestedMark')})` : ''}`}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <FieldShell className="field--wide" label={t('tracking.diagnosis.choice.exclusionGround')} error={errors.exclusionGround} required>
        {({ id, describedBy, invalid }) => (
          <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required value={ground} onChange={(event) => setGround(event.target.value)}>
            <option value="">{t('tracking.diagnosis.choice.choose')}</option>
            {reference.grounds.exclusion.map((g) => (
              <option key={g.id} value={g.id}>
                {`${g.id} — ${localized(g.title, i18n.language)}${g.verification !== 'verified' ? ` (${t(`tracking.verification.${g.verification}`)})` : ''}`}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <FieldShell className="field--wide" label={t('tracking.diagnosis.choice.noteLabel')} error={errors.note}>
        {({ id, describedBy }) => <textarea id={id} aria-describedby={describedBy} rows={2} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />}
      </FieldShell>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('tracking.diagnosis.choice.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('tracking.diagnosis.choice.cancel')}
        </button>
      </div>
    </form>
  );
}
