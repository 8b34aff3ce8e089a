import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import { MAX_EXTENSION_DAYS } from '../../../../shared/deadlines/facts';
import type { SentKind } from '../../../../shared/deadlines/facts';
import { DEFAULT_DEADLINE_SETTINGS, type SentRegime } from '../../../../shared/deadlines/settings';
import { documentRegimes } from '../../../../shared/reference/lookup';
import { useReference } from '../../data/reference/reference.repo';
import type { RequestRow } from '../../data/schema';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FieldShell } from '../../ui/FieldShell';
import type { Translate } from '../../ui/case/describe';
import type { CaseEditing } from '../../ui/case/editing';
import { updateRequest } from '../../data/tracking/requests.repo';
import { errorText, fieldErrors, otherErrors, type FieldErrors } from './form-problems';
import { requestLabel } from '../../ui/case/labels';
import { ErrorList } from '../../ui/ErrorList';

type DateKey = 'receivedAt' | 'registeredAt' | 'forwardedAt' | 'answeredAt';
type TextKey = 'theirNumber' | 'answerSummary' | 'note';

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

const SHOWN = ['receivedAt', 'registeredAt', 'forwardedAt', 'answeredAt', 'theirNumber', 'answerSummary', 'note', 'extendedByDays'];

/** What happened to a request after it was sent; each date moves its clocks. Empty clears a date. */
export function RequestProgressDialog({ editing, request, onClose }: Props) {
  const { t } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const appeal = isAppeal(request, documentRegimes(useReference()));
  const [dates, setDates] = useState<Record<DateKey, string>>({
    receivedAt: request.receivedAt ?? '',
    registeredAt: request.registeredAt ?? '',
    forwardedAt: request.forwardedAt ?? '',
    answeredAt: request.answeredAt ?? '',
  });
  const [texts, setTexts] = useState<Record<TextKey, string>>({ theirNumber: request.theirNumber, answerSummary: request.answerSummary, note: request.note });
  const [extension, setExtension] = useState(request.extendedByDays ? String(request.extendedByDays) : '');
  const [unreadable, setUnreadable] = useState<ReadonlySet<DateKey>>(new Set());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const label = requestLabel(tr, request);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const local: FieldErrors = {};
    for (const key of unreadable) local[key] = t('validation.invalid_format');
    const days = extension.trim() === '' ? null : Number(extension.trim());
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS)) local.extendedByDays = t('tracking.requests.notNumber');
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const patch = appeal ? { ...dates, ...texts, extendedByDays: days } : { receivedAt: dates.receivedAt, answeredAt: dates.answeredAt, ...texts };
      const result = await updateRequest(request.id, patch, editing.actor);
      if (result.ok) onClose(true);
      else setErrors(fieldErrors(tr, result.issues, (issue) => (issue.code === 'invalid_value' && issue.path.endsWith('At') ? t('tracking.requests.beforeSent', { date: formatDate(request.sentAt) }) : null)));
    } catch (error) {
      setErrors({ '': errorText(error, tr) });
    } finally {
      setBusy(false);
    }
  };

  const dateField = (key: DateKey, autoFocus = false) => (
    <DateField
      label={t(`tracking.requests.${key}`)}
      error={errors[key]}
      autoFocus={autoFocus}
      value={dates[key]}
      onChange={(iso) => setDates((current) => ({ ...current, [key]: iso }))}
      onReadable={(readable) =>
        setUnreadable((current) => {
          const next = new Set(current);
          if (readable) next.delete(key);
          else next.add(key);
          return next;
        })
      }
    />
  );
  const textField = (key: 'theirNumber' | 'note', max: number) => (
    <FieldShell label={t(`tracking.requests.${key}`)} error={errors[key]}>
      {({ id, describedBy, invalid }) => (
        <input id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} maxLength={max} value={texts[key]} onChange={(event) => setTexts((c) => ({ ...c, [key]: event.target.value }))} />
      )}
    </FieldShell>
  );

  const rest = otherErrors(errors, SHOWN);
  return (
    <Dialog open title={t('tracking.requests.editTitle', { request: label })} onClose={() => onClose(false)}>
      <form noValidate className="tracking-form" onSubmit={(event) => void submit(event)}>
        <ErrorList messages={rest} />
        <p className="muted">{t('tracking.requests.sent', { date: formatDate(request.sentAt) })}</p>
        <div className="grid">
          {dateField('receivedAt', true)}
          {appeal ? dateField('registeredAt') : null}
          {textField('theirNumber', 100)}
          {appeal ? dateField('forwardedAt') : null}
          {appeal ? (
            <FieldShell label={t('tracking.requests.extendedByDays')} hint={t('tracking.requests.extendedByDaysHint')} error={errors.extendedByDays}>
              {({ id, describedBy, invalid }) => (
                <input id={id} inputMode="numeric" aria-describedby={describedBy} aria-invalid={invalid || undefined} maxLength={2} value={extension} onChange={(event) => setExtension(event.target.value)} />
              )}
            </FieldShell>
          ) : null}
          {dateField('answeredAt')}
        </div>
        <FieldShell className="field--wide" label={t('tracking.requests.answerSummary')} error={errors.answerSummary}>
          {({ id, describedBy }) => (
            <textarea id={id} aria-describedby={describedBy} rows={3} maxLength={2000} value={texts.answerSummary} onChange={(event) => setTexts((c) => ({ ...c, answerSummary: event.target.value }))} />
          )}
        </FieldShell>
        {textField('note', 2000)}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('tracking.requests.save')}
          </button>
          <button type="button" className="button" onClick={() => onClose(false)}>
            {t('casePage.edit.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
