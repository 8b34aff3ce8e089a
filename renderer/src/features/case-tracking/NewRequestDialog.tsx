import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SENT_KINDS, type SentKind } from '../../../../shared/deadlines/facts';
import { regionalAddressee } from '../../../../shared/reference/lookup';
import type { Addressee } from '../../../../shared/reference/schema';
import type { RequestRow } from '../../data/schema';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FieldShell } from '../../ui/FieldShell';
import type { Translate } from '../../ui/case/describe';
import type { CaseEditing } from '../../ui/case/editing';
import { addRequest } from '../../data/tracking/requests.repo';
import { errorText, fieldErrors, otherErrors, type FieldErrors } from './form-problems';
import { requestLabel } from '../../ui/case/labels';
import { ErrorList } from '../../ui/ErrorList';
import { localTodayIso } from '../../lib/date-time';

interface Props {
  editing: CaseEditing;
  region: string;
  addressees: readonly Addressee[];
  requests: readonly RequestRow[];
  onClose(added: RequestRow | null): void;
}

const SHOWN = ['kind', 'addressee', 'ourNumber', 'sentAt', 'note', 'follows'];

/** The addressee directory, the case region's migration unit first. */
function suggestions(addressees: readonly Addressee[], region: string): string[] {
  const regional = regionalAddressee(addressees, region);
  const names = addressees.map((a) => a.nameRu);
  return regional ? [regional.nameRu, ...names.filter((n) => n !== regional.nameRu)] : names;
}

/** Records a request as sent; its 59-ФЗ or follow-up clocks start from the sending date. */
export function NewRequestDialog({ editing, region, addressees, requests, onClose }: Props) {
  const { t } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const [kind, setKind] = useState<SentKind>('citizen_application');
  const [follows, setFollows] = useState('');
  const [addressee, setAddressee] = useState('');
  const [ourNumber, setOurNumber] = useState('');
  const [sentAt, setSentAt] = useState(localTodayIso());
  const [sentUnreadable, setSentUnreadable] = useState(false);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const chased = requests.filter((r) => r.kind !== 'reminder');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (sentUnreadable) {
      setErrors({ sentAt: t('validation.invalid_format') });
      return;
    }
    setBusy(true);
    try {
      const input = { kind, addressee, ourNumber, sentAt, note, ...(kind === 'reminder' && follows ? { follows } : {}) };
      const result = await addRequest(editing.caseId, input, editing.actor);
      if (result.ok) onClose(result.value);
      else setErrors(fieldErrors(tr, result.issues));
    } catch (error) {
      setErrors({ '': errorText(error, tr) });
    } finally {
      setBusy(false);
    }
  };

  const rest = otherErrors(errors, SHOWN);
  return (
    <Dialog open title={t('tracking.requests.addTitle')} onClose={() => onClose(null)}>
      <form noValidate className="tracking-form" onSubmit={(event) => void submit(event)}>
        <ErrorList messages={rest} />
        <div className="grid">
          <FieldShell label={t('tracking.requests.kind')} error={errors.kind} required>
            {({ id, describedBy, invalid }) => (
              <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} value={kind} autoFocus onChange={(event) => setKind(event.target.value as SentKind)}>
                {SENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`tracking.kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
          {kind === 'reminder' && chased.length > 0 ? (
            <FieldShell label={t('tracking.requests.follows')} error={errors.follows}>
              {({ id, describedBy }) => (
                <select id={id} aria-describedby={describedBy} value={follows} onChange={(event) => setFollows(event.target.value)}>
                  <option value="">{t('tracking.dash')}</option>
                  {chased.map((r) => (
                    <option key={r.id} value={r.id}>
                      {requestLabel(tr, r)}
                    </option>
                  ))}
                </select>
              )}
            </FieldShell>
          ) : null}
          <DateField label={t('tracking.requests.sentAt')} error={errors.sentAt} required value={sentAt} onChange={setSentAt} onReadable={(ok) => setSentUnreadable(!ok)} />
          <FieldShell label={t('tracking.requests.ourNumber')} error={errors.ourNumber}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} maxLength={100} value={ourNumber} onChange={(event) => setOurNumber(event.target.value)} />
            )}
          </FieldShell>
        </div>
        <FieldShell className="field--wide" label={t('tracking.requests.addressee')} hint={t('tracking.requests.addresseeHint')} error={errors.addressee} required>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              list="tracking-addressees"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              aria-required
              maxLength={500}
              value={addressee}
              onChange={(event) => setAddressee(event.target.value)}
            />
          )}
        </FieldShell>
        <datalist id="tracking-addressees">
          {suggestions(addressees, region).map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <FieldShell className="field--wide" label={t('tracking.requests.note')} error={errors.note}>
          {({ id, describedBy }) => <textarea id={id} aria-describedby={describedBy} rows={2} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />}
        </FieldShell>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('tracking.requests.submit')}
          </button>
          <button type="button" className="button" onClick={() => onClose(null)}>
            {t('casePage.edit.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
