import { useState } from 'react';
import { useController, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IdentityDocument } from '../../../../shared/case/schema';
import { BIRTH_DATE_MODES, CHECK_CHANNELS, CHECK_LIMITS, checkFormSchema, type CheckFormValues } from '../../../../shared/deadlines/check-schema';
import type { CheckRow } from '../../data/schema';
import { ControlledDateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FieldShell } from '../../ui/FieldShell';
import { documentName, type Translate } from '../../ui/case/describe';
import type { CaseEditing } from '../../ui/case/editing';
import { currentDocument } from '../../data/cases/case-rows';
import { addCheck } from '../../data/tracking/checks.repo';
import { errorText } from './form-problems';
import { composeCheckAt, nowParts } from '../../ui/case/labels';
import { ErrorList } from '../../ui/ErrorList';
import { codeResolver } from '../../ui/code-resolver';
import { useDiscardGuard } from '../../ui/discard-guard';
import { setIssues } from '../../ui/form-issues';
import { useUnreadableDates } from '../../ui/unreadable-dates';

export { BIRTH_DATE_MODES };

interface Props {
  editing: CaseEditing;
  documents: readonly IdentityDocument[];
  onClose(added: { check: CheckRow; proposeExclusion: boolean } | null): void;
}

/** The form holds `listed` as null until it is answered; the schema then says it is required. */
type Values = Omit<CheckFormValues, 'listed'> & { listed: boolean | null };
const SHOWN = ['date', 'time', 'channel', 'documentId', 'issueDate', 'birthDateMode', 'listed', 'resultText', 'screenshotNote'] as const;

/** A minute's leeway for a clock that runs a little ahead of the one the check was read from. */
const laterThanNow = (at: string) => Date.parse(at) > Date.now() + 60_000;

/** One look at the register: when, where, with which data, and what it showed. */
export function NewCheckDialog({ editing, documents, onClose }: Props) {
  const { t } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const [defaults] = useState((): Values => {
    const start = nowParts();
    const doc = currentDocument([...documents]) ?? documents[0];
    return { ...start, channel: 'mvd_site', documentId: doc?.id ?? '', issueDate: doc?.issueDate ?? '', birthDateMode: 'full', listed: null, resultText: '', screenshotNote: '' };
  });
  // The resolver answers a checked `listed` (boolean); the form's own values may still hold the unanswered null.
  const form = useForm<Values>({ resolver: codeResolver(checkFormSchema) as unknown as Resolver<Values>, mode: 'onTouched', defaultValues: defaults });
  const { register, control, formState } = form;
  const errors = formState.errors;
  const listed = useController({ control, name: 'listed' });
  const { readable, refuse } = useUnreadableDates(form);
  const [rest, setRest] = useState<string[]>([]);
  const guard = useDiscardGuard(formState.isDirty, () => onClose(null));

  const submit = form.handleSubmit(async ({ date, time, documentId, listed: answer, ...values }) => {
    if (refuse()) return;
    const at = composeCheckAt(date, time);
    if (at === null) return form.setError('time', { type: 'invalid_format', message: '' });
    if (laterThanNow(at)) return form.setError('time', { type: 'invalid_value', message: '' });
    setRest([]);
    try {
      const input = { at, listed: answer === true, ...values, ...(documentId ? { documentId } : {}) };
      const result = await addCheck(editing.caseId, input, editing.actor);
      if (result.ok) onClose({ check: result.value, proposeExclusion: result.proposeExclusion === true });
      // The write knows the instant as `at`; the form shows it as the time.
      else setRest(setIssues(tr, form.setError, result.issues.map((issue) => (issue.path === 'at' ? { ...issue, path: 'time' } : issue)), SHOWN));
    } catch (error) {
      setRest([errorText(error, tr)]);
    }
  });

  // The time's problems in words: not чч:мм, or later than now.
  const timeError = errors.time ? (errors.time.type === 'invalid_value' ? t('tracking.checks.future') : t('tracking.checks.timeInvalid')) : undefined;
  return (
    <Dialog open title={t('tracking.checks.addTitle')} onClose={guard.request}>
      <form noValidate className="tracking-form" onSubmit={(event) => void submit(event)}>
        <ErrorList messages={rest} />
        <div className="grid">
          <ControlledDateField control={control} name="date" label={t('tracking.checks.date')} error={errors.date} required autoFocus onReadable={readable('date')} />
          <FieldShell label={t('tracking.checks.time')} hint={t('tracking.checks.timeHint')} error={timeError} required>
            {({ id, describedBy, invalid }) => (
              <input id={id} inputMode="numeric" maxLength={CHECK_LIMITS.time} aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required {...register('time')} />
            )}
          </FieldShell>
          <FieldShell label={t('tracking.checks.channel')} error={errors.channel}>
            {({ id, describedBy }) => (
              <select id={id} aria-describedby={describedBy} {...register('channel')}>
                {CHECK_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`tracking.checks.channelName.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
          <FieldShell label={t('tracking.checks.document')} error={errors.documentId}>
            {({ id, describedBy }) => (
              <select
                id={id}
                aria-describedby={describedBy}
                {...register('documentId', {
                  // The chosen document brings its issue date, as the register's form asks for it.
                  onChange: (event: { target: { value: string } }) => form.setValue('issueDate', documents.find((d) => d.id === event.target.value)?.issueDate ?? ''),
                })}
              >
                <option value="">{t('tracking.checks.noDocument')}</option>
                {documents.map((doc) => (
                  <option key={doc.id} value={doc.id}>
                    {documentName(tr, doc)}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
          <ControlledDateField control={control} name="issueDate" label={t('tracking.checks.issueDate')} error={errors.issueDate} onReadable={readable('issueDate')} />
          <FieldShell label={t('tracking.checks.birthDateMode')} error={errors.birthDateMode}>
            {({ id, describedBy }) => (
              <select id={id} aria-describedby={describedBy} {...register('birthDateMode')}>
                {BIRTH_DATE_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`tracking.checks.birthDate.${mode}`)}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
        </div>
        <fieldset className={`tracking-choice${errors.listed ? ' field--invalid' : ''}`} aria-describedby={errors.listed ? 'check-listed-error' : undefined}>
          <legend>
            {t('tracking.checks.listed')}
            <span className="field__required" aria-hidden="true"> *</span>
          </legend>
          <label className="checkbox">
            <input type="radio" name="check-listed" checked={listed.field.value === true} onChange={() => listed.field.onChange(true)} />
            {t('tracking.checks.listedYes')}
          </label>
          <label className="checkbox">
            <input type="radio" name="check-listed" checked={listed.field.value === false} onChange={() => listed.field.onChange(false)} />
            {t('tracking.checks.listedNo')}
          </label>
          {errors.listed ? (
            <div id="check-listed-error" className="field__error">
              {t(`validation.${errors.listed.type}`)}
            </div>
          ) : null}
        </fieldset>
        <FieldShell className="field--wide" label={t('tracking.checks.resultText')} error={errors.resultText}>
          {({ id, describedBy }) => <textarea id={id} aria-describedby={describedBy} rows={2} maxLength={CHECK_LIMITS.resultText} {...register('resultText')} />}
        </FieldShell>
        <FieldShell className="field--wide" label={t('tracking.checks.screenshotNote')} hint={t('tracking.checks.screenshotHint')} error={errors.screenshotNote}>
          {({ id, describedBy }) => <input id={id} aria-describedby={describedBy} maxLength={CHECK_LIMITS.screenshotNote} {...register('screenshotNote')} />}
        </FieldShell>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
            {t('tracking.checks.submit')}
          </button>
          <button type="button" className="button" onClick={guard.request}>
            {t('casePage.edit.cancel')}
          </button>
        </div>
      </form>
      {guard.dialog}
    </Dialog>
  );
}
