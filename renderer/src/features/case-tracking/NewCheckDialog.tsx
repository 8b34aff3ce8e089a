import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityDocument } from '../../../../shared/case/schema';
import { CHECK_CHANNELS } from '../../data/row-values';
import type { CheckChannel, CheckRow } from '../../data/schema';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FieldShell } from '../../ui/FieldShell';
import { documentName, type Translate } from '../../ui/case/describe';
import type { CaseEditing } from '../../ui/case/editing';
import { currentDocument } from '../../data/cases/case-rows';
import { addCheck } from '../../data/tracking/checks.repo';
import { errorText, fieldErrors, otherErrors, type FieldErrors } from './form-problems';
import { composeCheckAt, nowParts } from '../../ui/case/labels';
import { ErrorList } from '../../ui/ErrorList';

export const BIRTH_DATE_MODES = ['full', 'month_year', 'year'] as const;
type BirthDateMode = (typeof BIRTH_DATE_MODES)[number];

interface Props {
  editing: CaseEditing;
  documents: readonly IdentityDocument[];
  onClose(added: { check: CheckRow; proposeExclusion: boolean } | null): void;
}

const SHOWN = ['at', 'channel', 'documentId', 'issueDate', 'birthDateMode', 'listed', 'resultText', 'screenshotNote'];

/** One look at the register: when, where, with which data, and what it showed. */
export function NewCheckDialog({ editing, documents, onClose }: Props) {
  const { t } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const [start] = useState(nowParts);
  const [date, setDate] = useState(start.date);
  const [dateUnreadable, setDateUnreadable] = useState(false);
  const [time, setTime] = useState(start.time);
  const [channel, setChannel] = useState<CheckChannel>('mvd_site');
  const initialDoc = currentDocument([...documents]) ?? documents[0];
  const [documentId, setDocumentId] = useState(initialDoc?.id ?? '');
  const [issueDate, setIssueDate] = useState(initialDoc?.issueDate ?? '');
  const [issueUnreadable, setIssueUnreadable] = useState(false);
  const [birthDateMode, setBirthDateMode] = useState<BirthDateMode>('full');
  const [listed, setListed] = useState<boolean | null>(null);
  const [resultText, setResultText] = useState('');
  const [screenshotNote, setScreenshotNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const local: FieldErrors = {};
    const at = dateUnreadable ? null : composeCheckAt(date, time);
    if (dateUnreadable) local.date = t('validation.invalid_format');
    else if (!date) local.date = t('validation.required');
    else if (at === null) local.time = t('tracking.checks.timeInvalid');
    else if (Date.parse(at) > Date.now() + 60_000) local.time = t('tracking.checks.future');
    if (issueUnreadable) local.issueDate = t('validation.invalid_format');
    if (listed === null) local.listed = t('validation.required');
    if (Object.keys(local).length > 0 || at === null || listed === null) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const input = { at, channel, birthDateMode, listed, resultText, screenshotNote, issueDate, ...(documentId ? { documentId } : {}) };
      const result = await addCheck(editing.caseId, input, editing.actor);
      if (result.ok) onClose({ check: result.value, proposeExclusion: result.proposeExclusion === true });
      else setErrors(fieldErrors(tr, result.issues, (issue) => (issue.path === 'at' && issue.code === 'invalid_value' ? t('tracking.checks.future') : null)));
    } catch (error) {
      setErrors({ '': errorText(error, tr) });
    } finally {
      setBusy(false);
    }
  };

  const rest = otherErrors(errors, [...SHOWN, 'date', 'time']);
  const timeError = errors.time ?? errors.at;
  return (
    <Dialog open title={t('tracking.checks.addTitle')} onClose={() => onClose(null)}>
      <form noValidate className="tracking-form" onSubmit={(event) => void submit(event)}>
        <ErrorList messages={rest} />
        <div className="grid">
          <DateField label={t('tracking.checks.date')} error={errors.date} required autoFocus value={date} onChange={setDate} onReadable={(ok) => setDateUnreadable(!ok)} />
          <FieldShell label={t('tracking.checks.time')} hint={t('tracking.checks.timeHint')} error={timeError} required>
            {({ id, describedBy, invalid }) => (
              <input id={id} inputMode="numeric" maxLength={5} aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required value={time} onChange={(event) => setTime(event.target.value)} />
            )}
          </FieldShell>
          <FieldShell label={t('tracking.checks.channel')} error={errors.channel}>
            {({ id, describedBy }) => (
              <select id={id} aria-describedby={describedBy} value={channel} onChange={(event) => setChannel(event.target.value as CheckChannel)}>
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
                value={documentId}
                onChange={(event) => {
                  setDocumentId(event.target.value);
                  setIssueDate(documents.find((d) => d.id === event.target.value)?.issueDate ?? '');
                }}
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
          <DateField label={t('tracking.checks.issueDate')} error={errors.issueDate} value={issueDate} onChange={setIssueDate} onReadable={(ok) => setIssueUnreadable(!ok)} />
          <FieldShell label={t('tracking.checks.birthDateMode')} error={errors.birthDateMode}>
            {({ id, describedBy }) => (
              <select id={id} aria-describedby={describedBy} value={birthDateMode} onChange={(event) => setBirthDateMode(event.target.value as BirthDateMode)}>
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
            <input type="radio" name="check-listed" checked={listed === true} onChange={() => setListed(true)} />
            {t('tracking.checks.listedYes')}
          </label>
          <label className="checkbox">
            <input type="radio" name="check-listed" checked={listed === false} onChange={() => setListed(false)} />
            {t('tracking.checks.listedNo')}
          </label>
          {errors.listed ? (
            <div id="check-listed-error" className="field__error">
              {errors.listed}
            </div>
          ) : null}
        </fieldset>
        <FieldShell className="field--wide" label={t('tracking.checks.resultText')} error={errors.resultText}>
          {({ id, describedBy }) => <textarea id={id} aria-describedby={describedBy} rows={2} maxLength={2000} value={resultText} onChange={(event) => setResultText(event.target.value)} />}
        </FieldShell>
        <FieldShell className="field--wide" label={t('tracking.checks.screenshotNote')} hint={t('tracking.checks.screenshotHint')} error={errors.screenshotNote}>
          {({ id, describedBy }) => <input id={id} aria-describedby={describedBy} maxLength={500} value={screenshotNote} onChange={(event) => setScreenshotNote(event.target.value)} />}
        </FieldShell>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('tracking.checks.submit')}
          </button>
          <button type="button" className="button" onClick={() => onClose(null)}>
            {t('casePage.edit.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
