import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import { requestProgressFormSchema } from '../../../../shared/deadlines/request-schema';
import { maxLengthAt } from '../../../../shared/validation/max-length';
import type { SentKind } from '../../../../shared/deadlines/facts';
import { DEFAULT_DEADLINE_SETTINGS, type SentRegime } from '../../../../shared/deadlines/settings';
import { documentRegimes } from '../../../../shared/reference/lookup';
import { useReference } from '../../data/reference/reference.repo';
import type { RequestRow } from '../../data/schema';
import { ControlledDateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FieldShell } from '../../ui/FieldShell';
import type { Translate } from '../../ui/case/describe';
import type { CaseEditing } from '../../ui/case/editing';
import { updateRequest } from '../../data/tracking/requests.repo';
import { errorText } from './form-problems';
import { requestLabel } from '../../ui/case/labels';
import { ErrorList } from '../../ui/ErrorList';
import { codeResolver } from '../../ui/code-resolver';
import { useDiscardGuard } from '../../ui/discard-guard';
import { setIssues } from '../../ui/form-issues';
import { useUnreadableDates } from '../../ui/unreadable-dates';

type DateKey = 'receivedAt' | 'registeredAt' | 'forwardedAt' | 'answeredAt';

/**
 * Only a request whose kind starts a legal term (a citizen's appeal under 59-ФЗ) is registered, forwarded and
 * extended; letters just get an answer. Which kinds do is reference data (`regimes`), the defaults where it is silent.
 */
export function isAppeal(request: Pick<RequestRow, 'kind'>, regimes: Partial<Record<SentKind, SentRegime>> = {}): boolean {
  return (regimes[request.kind] ?? DEFAULT_DEADLINE_SETTINGS.regimes[request.kind]) === 'appeal';
}

interface Props {
  editing: CaseEditing;
  request: RequestRow;
  onClose(saved: boolean): void;
}

type Values = z.output<typeof requestProgressFormSchema>;
const SHOWN = ['receivedAt', 'registeredAt', 'forwardedAt', 'answeredAt', 'theirNumber', 'answerSummary', 'note', 'extendedByDays'] as const;
const limit = (path: string) => maxLengthAt(requestProgressFormSchema, path);

/** What happened to a request after it was sent; each date moves its clocks. Empty clears a date. */
export function RequestProgressDialog({ editing, request, onClose }: Props) {
  const { t } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const appeal = isAppeal(request, documentRegimes(useReference()));
  const form = useForm<Values>({
    resolver: codeResolver(requestProgressFormSchema),
    mode: 'onTouched',
    defaultValues: {
      receivedAt: request.receivedAt ?? '',
      registeredAt: request.registeredAt ?? '',
      forwardedAt: request.forwardedAt ?? '',
      answeredAt: request.answeredAt ?? '',
      theirNumber: request.theirNumber,
      answerSummary: request.answerSummary,
      note: request.note,
      extendedByDays: request.extendedByDays ? String(request.extendedByDays) : '',
    },
  });
  const { register, formState } = form;
  const errors = formState.errors;
  const { readable, refuse } = useUnreadableDates(form);
  const [rest, setRest] = useState<string[]>([]);
  const label = requestLabel(tr, request);
  const guard = useDiscardGuard(formState.isDirty, () => onClose(false));

  const submit = form.handleSubmit(async (values) => {
    if (refuse()) return;
    setRest([]);
    try {
      const { extendedByDays, ...rest } = values;
      const days = extendedByDays === '' ? null : Number(extendedByDays);
      const texts = { theirNumber: rest.theirNumber, answerSummary: rest.answerSummary, note: rest.note };
      const patch = appeal ? { ...rest, extendedByDays: days } : { receivedAt: rest.receivedAt, answeredAt: rest.answeredAt, ...texts };
      const result = await updateRequest(request.id, patch, editing.actor);
      if (result.ok) onClose(true);
      else setRest(setIssues(tr, form.setError, result.issues, SHOWN));
    } catch (error) {
      setRest([errorText(error, tr)]);
    }
  });

  // A date the write refuses as a value is one before the sending: said so, with the date.
  const dateError = (key: DateKey) => (errors[key]?.type === 'invalid_value' ? t('tracking.requests.beforeSent', { date: formatDate(request.sentAt) }) : errors[key]);
  const dateField = (key: DateKey, autoFocus = false) => (
    <ControlledDateField
      key={key}
      control={form.control}
      name={key}
      label={t(`tracking.requests.${key}`)}
      error={dateError(key)}
      autoFocus={autoFocus}
      onReadable={readable(key)}
    />
  );
  const textField = (key: 'theirNumber' | 'note') => (
    <FieldShell label={t(`tracking.requests.${key}`)} error={errors[key]}>
      {({ id, describedBy, invalid }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} maxLength={limit(key)} {...register(key)} />}
    </FieldShell>
  );

  return (
    <Dialog open title={t('tracking.requests.editTitle', { request: label })} onClose={guard.request}>
      <form noValidate className="tracking-form" onSubmit={(event) => void submit(event)}>
        <ErrorList messages={rest} />
        <p className="muted">{t('tracking.requests.sent', { date: formatDate(request.sentAt) })}</p>
        <div className="grid">
          {dateField('receivedAt', true)}
          {appeal ? dateField('registeredAt') : null}
          {textField('theirNumber')}
          {appeal ? dateField('forwardedAt') : null}
          {appeal ? (
            <FieldShell label={t('tracking.requests.extendedByDays')} hint={t('tracking.requests.extendedByDaysHint')} error={errors.extendedByDays ? t('tracking.requests.notNumber') : undefined}>
              {({ id, describedBy, invalid }) => (
                <input id={id} inputMode="numeric" aria-describedby={describedBy} aria-invalid={invalid || undefined} maxLength={limit('extendedByDays')} {...register('extendedByDays')} />
              )}
            </FieldShell>
          ) : null}
          {dateField('answeredAt')}
        </div>
        <FieldShell className="field--wide" label={t('tracking.requests.answerSummary')} error={errors.answerSummary}>
          {({ id, describedBy }) => <textarea id={id} aria-describedby={describedBy} rows={3} maxLength={limit('answerSummary')} {...register('answerSummary')} />}
        </FieldShell>
        {textField('note')}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
            {t('tracking.requests.save')}
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
