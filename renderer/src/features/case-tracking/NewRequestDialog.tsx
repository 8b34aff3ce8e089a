import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type SentKind, SENT_KINDS } from '../../../../shared/deadlines/facts';
import { newRequestSchema } from '../../../../shared/deadlines/request-schema';
import { regionalAddressee } from '../../../../shared/reference/lookup';
import type { Addressee } from '../../../../shared/reference/schema';
import { maxLengthAt } from '../../../../shared/validation/max-length';
import type { RequestRow } from '../../data/schema';
import { ControlledDateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FieldShell } from '../../ui/FieldShell';
import type { Translate } from '../../ui/case/describe';
import type { CaseEditing } from '../../ui/case/editing';
import { addRequest } from '../../data/tracking/requests.repo';
import { errorText } from './form-problems';
import { requestLabel } from '../../ui/case/labels';
import { ErrorList } from '../../ui/ErrorList';
import { localTodayIso } from '../../lib/date-time';
import { codeResolver } from '../../ui/code-resolver';
import { useDiscardGuard } from '../../ui/discard-guard';
import { setIssues } from '../../ui/form-issues';
import { useUnreadableDates } from '../../ui/unreadable-dates';

interface Props {
  editing: CaseEditing;
  region: string;
  addressees: readonly Addressee[];
  requests: readonly RequestRow[];
  onClose(added: RequestRow | null): void;
}

type Values = z.output<typeof newRequestSchema>;
const SHOWN = ['kind', 'addressee', 'ourNumber', 'sentAt', 'note', 'follows'] as const;
const limit = (path: string) => maxLengthAt(newRequestSchema, path);

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
  const form = useForm<Values>({
    resolver: codeResolver(newRequestSchema),
    mode: 'onTouched',
    defaultValues: { kind: 'citizen_application', follows: '', addressee: '', ourNumber: '', sentAt: localTodayIso(), note: '' },
  });
  const { register, control, formState } = form;
  const errors = formState.errors;
  const kind = useWatch({ control, name: 'kind' });
  const { readable, refuse } = useUnreadableDates(form);
  const [rest, setRest] = useState<string[]>([]);
  const chased = requests.filter((r) => r.kind !== 'reminder');
  const guard = useDiscardGuard(formState.isDirty, () => onClose(null));

  const submit = form.handleSubmit(async ({ kind: chosen, addressee, ourNumber, sentAt: date, note, follows }) => {
    if (refuse()) return;
    setRest([]);
    try {
      const input = { kind: chosen, addressee, ourNumber, sentAt: date, note, ...(chosen === 'reminder' && follows ? { follows } : {}) };
      const result = await addRequest(editing.caseId, input, editing.actor);
      if (result.ok) onClose(result.value);
      else setRest(setIssues(tr, form.setError, result.issues, SHOWN));
    } catch (error) {
      setRest([errorText(error, tr)]);
    }
  });

  return (
    <Dialog open title={t('tracking.requests.addTitle')} onClose={guard.request}>
      <form noValidate className="tracking-form" onSubmit={(event) => void submit(event)}>
        <ErrorList messages={rest} />
        <div className="grid">
          <FieldShell label={t('tracking.requests.kind')} error={errors.kind} required>
            {({ id, describedBy, invalid }) => (
              <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} autoFocus {...register('kind')}>
                {SENT_KINDS.map((k: SentKind) => (
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
                <select id={id} aria-describedby={describedBy} {...register('follows')}>
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
          <ControlledDateField
            control={control}
            name="sentAt"
            label={t('tracking.requests.sentAt')}
            error={errors.sentAt}
            required
            onReadable={readable('sentAt')}
          />
          <FieldShell label={t('tracking.requests.ourNumber')} error={errors.ourNumber}>
            {({ id, describedBy, invalid }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} maxLength={limit('ourNumber')} {...register('ourNumber')} />}
          </FieldShell>
        </div>
        <FieldShell className="field--wide" label={t('tracking.requests.addressee')} hint={t('tracking.requests.addresseeHint')} error={errors.addressee} required>
          {({ id, describedBy, invalid }) => (
            <input id={id} list="tracking-addressees" aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required maxLength={limit('addressee')} {...register('addressee')} />
          )}
        </FieldShell>
        <datalist id="tracking-addressees">
          {suggestions(addressees, region).map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <FieldShell className="field--wide" label={t('tracking.requests.note')} error={errors.note}>
          {({ id, describedBy }) => <textarea id={id} aria-describedby={describedBy} rows={2} maxLength={limit('note')} {...register('note')} />}
        </FieldShell>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
            {t('tracking.requests.submit')}
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
