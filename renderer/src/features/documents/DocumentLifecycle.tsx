import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import {
  DELIVERY_METHODS,
  LIFECYCLE_STEPS,
  nextActions,
  type DeliveryMethod,
  type LifecycleAction,
  type LifecycleIssue,
  type LifecycleStep,
} from '../../../../shared/documents/lifecycle';
import type { GeneratedDocRow } from '../../data/schema';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { ErrorList } from '../../ui/ErrorList';
import { FieldShell } from '../../ui/FieldShell';
import { localTodayIso } from '../../lib/date-time';
import type { CaseEditing } from '../../ui/case/editing';
import { recordLifecycleStep } from '../../data/documents/lifecycle.repo';
import { useOpenFromRoute } from '../../lib/route-open';
import { describeError } from '../../ui/error-text';

/** The document as the caseworker names it: its title and outgoing number. */
export const documentName = (doc: Pick<GeneratedDocRow, 'title' | 'outgoingNumber'>) => (doc.outgoingNumber ? `${doc.title} ${doc.outgoingNumber}` : doc.title);

function stepDetail(t: ReturnType<typeof useTranslation>['t'], doc: GeneratedDocRow, step: LifecycleStep): string {
  switch (step) {
    case 'generated':
      return formatDate(doc.registeredAt);
    case 'signed':
      return doc.signed ? t('lifecycle.details.signed', { date: formatDate(doc.signed.date) }) : '';
    case 'sent':
      if (!doc.sent) return '';
      return doc.sent.tracking
        ? t('lifecycle.details.sentTracking', { date: formatDate(doc.sent.date), method: t(`lifecycle.methods.${doc.sent.method}`), tracking: doc.sent.tracking })
        : t('lifecycle.details.sent', { date: formatDate(doc.sent.date), method: t(`lifecycle.methods.${doc.sent.method}`) });
    case 'received':
      return doc.received ? t('lifecycle.details.received', { date: formatDate(doc.received.date), number: doc.received.theirNumber }) : '';
    case 'answered':
      return doc.answered ? t('lifecycle.details.answered', { date: formatDate(doc.answered.date) }) : '';
  }
}

/**
 * A document's steps (generated → signed → sent → received → answered) with their dates, and buttons for the
 * steps that may come next; each opens a small dialog (Enter saves, Escape closes). A void document has none.
 */
export function DocumentLifecycle({ doc, editing, onDone }: { doc: GeneratedDocRow; editing: CaseEditing | null; onDone(text: string): void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<LifecycleAction | null>(null);
  // A work queue row («Подписать и отправить», «Отправить») opens the document's next step directly.
  const following = editing && doc.status !== 'void' ? nextActions(doc.status) : [];
  useOpenFromRoute('document', doc.id, following.length > 0, () => setAction(following[0]!));
  const name = documentName(doc);
  if (doc.status === 'void') return null;
  const reached = LIFECYCLE_STEPS.indexOf(doc.status as LifecycleStep);
  // An answer may come without the incoming number: the skipped step is shown as not done.
  const done = (step: LifecycleStep) => (step === 'received' ? doc.received !== undefined : LIFECYCLE_STEPS.indexOf(step) <= reached);
  const actions = editing ? nextActions(doc.status) : [];
  return (
    <div className="lifecycle">
      <ol className="lifecycle-steps" aria-label={t('lifecycle.label', { document: name })}>
        {LIFECYCLE_STEPS.map((step) => {
          const state = step === doc.status ? 'current' : done(step) ? 'done' : 'todo';
          return (
            <li key={step} className={`lifecycle-step lifecycle-step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="lifecycle-step__mark" aria-hidden="true" />
              <span className="lifecycle-step__name">{t(`lifecycle.steps.${step}`)}</span>
              <span className="templates-sr-only"> ({t(`lifecycle.stepState.${state}`)})</span>
              {state !== 'todo' ? <span className="lifecycle-step__detail">{stepDetail(t, doc, step)}</span> : null}
            </li>
          );
        })}
      </ol>
      {doc.requestId && doc.status !== 'answered' ? <p className="lifecycle__tracked muted">{t('lifecycle.tracked')}</p> : null}
      {actions.length > 0 ? (
        <div className="lifecycle__actions">
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              className="button button--small"
              aria-label={t('lifecycle.actionOn', { action: t(`lifecycle.actions.${a}`), document: name })}
              onClick={() => setAction(a)}
            >
              {t(`lifecycle.actions.${a}`)}
            </button>
          ))}
        </div>
      ) : null}
      {action && editing ? (
        <StepDialog
          doc={doc}
          action={action}
          editing={editing}
          onClose={(saved) => {
            setAction(null);
            if (saved) onDone(t(`lifecycle.done.${action}`, { document: name }));
          }}
        />
      ) : null}
    </div>
  );
}

type Errors = Record<string, string>;

function StepDialog({ doc, action, editing, onClose }: { doc: GeneratedDocRow; action: LifecycleAction; editing: CaseEditing; onClose(saved: boolean): void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(localTodayIso());
  const [unreadable, setUnreadable] = useState(false);
  const [note, setNote] = useState('');
  const [method, setMethod] = useState<DeliveryMethod>('post');
  const [tracking, setTracking] = useState('');
  const [theirNumber, setTheirNumber] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const text = (issue: LifecycleIssue) => t(`lifecycle.errors.${issue.code}`, { limit: issue.limit, date: issue.date ? formatDate(issue.date) : '' });
  const input = (): Record<string, unknown> => {
    switch (action) {
      case 'signed':
        return { date, note };
      case 'sent':
        return { date, method, tracking: method === 'post' ? tracking : '', proof: note };
      case 'received':
        return { date, theirNumber };
      case 'answered':
        return { date, summary: note };
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (unreadable) {
      setErrors({ date: t('lifecycle.errors.unreadable') });
      return;
    }
    setBusy(true);
    try {
      const result = await recordLifecycleStep(doc.id, action, input(), editing.actor);
      if (result.ok) {
        onClose(true);
        return;
      }
      const next: Errors = {};
      for (const issue of result.issues) next[issue.path] ??= text(issue);
      setErrors(next);
    } catch (error) {
      setErrors({ '': t('lifecycle.errors.failed', { reason: describeError(t, error) }) });
    } finally {
      setBusy(false);
    }
  };

  const dateLabel = { signed: 'signedDate', sent: 'sentDate', received: 'receivedDate', answered: 'answeredDate' }[action];
  const noteField = action === 'received' ? null : action === 'signed' ? 'signedNote' : action === 'sent' ? 'proof' : 'summary';
  const noteError = errors[action === 'sent' ? 'proof' : action === 'answered' ? 'summary' : 'note'];
  const general = Object.entries(errors)
    .filter(([path]) => !['date', 'note', 'proof', 'summary', 'tracking', 'method', 'theirNumber'].includes(path))
    .map(([, message]) => message);

  return (
    <Dialog open title={t(`lifecycle.titles.${action}`, { document: documentName(doc) })} onClose={() => onClose(false)}>
      <form noValidate className="lifecycle-form" onSubmit={(event) => void submit(event)}>
        <ErrorList messages={general} />
        <DateField label={t(`lifecycle.fields.${dateLabel}`)} error={errors.date} required autoFocus value={date} onChange={setDate} onReadable={(ok) => setUnreadable(!ok)} />
        {action === 'sent' ? (
          <fieldset className="lifecycle-methods">
            <legend>{t('lifecycle.fields.method')}</legend>
            {DELIVERY_METHODS.map((m) => (
              <label key={m} className="checkbox">
                <input type="radio" name="lifecycle-method" value={m} checked={method === m} onChange={() => setMethod(m)} />
                {t(`lifecycle.methods.${m}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
        {action === 'sent' && method === 'post' ? (
          <FieldShell label={t('lifecycle.fields.tracking')} error={errors.tracking} required>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required maxLength={60} value={tracking} onChange={(event) => setTracking(event.target.value)} />
            )}
          </FieldShell>
        ) : null}
        {action === 'received' ? (
          <FieldShell label={t('lifecycle.fields.theirNumber')} error={errors.theirNumber} required>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required maxLength={100} value={theirNumber} onChange={(event) => setTheirNumber(event.target.value)} />
            )}
          </FieldShell>
        ) : null}
        {noteField ? (
          <FieldShell
            className="field--wide"
            label={t(`lifecycle.fields.${noteField}`)}
            hint={action === 'signed' ? t('lifecycle.fields.signedNoteHint') : action === 'sent' ? t('lifecycle.fields.proofHint') : undefined}
            error={noteError}
            required={action === 'answered'}
          >
            {({ id, describedBy, invalid }) => (
              <textarea
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                aria-required={action === 'answered' || undefined}
                rows={action === 'answered' ? 4 : 2}
                maxLength={action === 'answered' ? 2000 : 1000}
                value={note}
                onChange={(event) => setNote(event.target.value)}
              />
            )}
          </FieldShell>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('lifecycle.saving') : t('lifecycle.submit')}
          </button>
          <button type="button" className="button" onClick={() => onClose(false)}>
            {t('lifecycle.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
