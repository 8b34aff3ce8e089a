import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { decisionFormSchema, type DecisionInput, type DiagnosisChoice } from '../../../../shared/diagnosis/choice';
import type { DiagnosisResult } from '../../../../shared/diagnosis/types';
import type { ReferenceBundle } from '../../../../shared/reference/schema';
import type { FieldIssue } from '../../../../shared/validation/issues';
import { maxLengthAt } from '../../../../shared/validation/max-length';
import { FieldShell } from '../../ui/FieldShell';
import type { Translate } from '../../ui/case/describe';
import { localized } from '../../ui/case/reasons';
import { ErrorList } from '../../ui/ErrorList';
import { codeResolver } from '../../ui/code-resolver';
import { useDiscardGuard } from '../../ui/discard-guard';
import { setIssues } from '../../ui/form-issues';

export type { DecisionInput };

interface Props {
  reference: ReferenceBundle;
  diagnosis: DiagnosisResult | null;
  saved: DiagnosisChoice | undefined;
  busy: boolean;
  onSave(input: DecisionInput): Promise<FieldIssue[] | null>;
  onCancel(): void;
}

const SHOWN = ['causeId', 'exclusionGround', 'note'] as const;

/** Any cause and exclusion ground from the reference data, with a note: how a caseworker overrides the diagnosis. */
export function DecisionForm({ reference, diagnosis, saved, busy, onSave, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const top = diagnosis?.causes[0];
  const form = useForm<DecisionInput>({
    resolver: codeResolver(decisionFormSchema),
    mode: 'onTouched',
    defaultValues: { causeId: saved?.causeId ?? top?.causeId ?? '', exclusionGround: saved?.exclusionGround ?? top?.suggestedExclusionGround ?? '', note: saved?.note ?? '' },
  });
  const { register, formState } = form;
  const errors = formState.errors;
  const [rest, setRest] = useState<string[]>([]);
  const suggested = new Set(diagnosis?.causes.map((c) => c.causeId) ?? []);
  const guard = useDiscardGuard(formState.isDirty, onCancel);

  const submit = form.handleSubmit(async (values) => {
    const issues = await onSave(values);
    setRest(issues ? setIssues(tr, form.setError, issues, SHOWN) : []);
  });

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
            {...register('causeId', {
              // A new cause brings its ground: the diagnosis's suggestion for it, else the reference data's.
              onChange: (event: { target: { value: string } }) => {
                const next = event.target.value;
                const cause = reference.causes.find((c) => c.id === next);
                if (cause) form.setValue('exclusionGround', diagnosis?.causes.find((c) => c.causeId === next)?.suggestedExclusionGround ?? cause.exclusionGround, { shouldDirty: true });
              },
            })}
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
          <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required {...register('exclusionGround')}>
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
        {({ id, describedBy }) => <textarea id={id} aria-describedby={describedBy} rows={2} maxLength={maxLengthAt(decisionFormSchema, 'note')} {...register('note')} />}
      </FieldShell>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy || formState.isSubmitting}>
          {t('tracking.diagnosis.choice.save')}
        </button>
        <button type="button" className="button" onClick={guard.request}>
          {t('tracking.diagnosis.choice.cancel')}
        </button>
      </div>
      {guard.dialog}
    </form>
  );
}
