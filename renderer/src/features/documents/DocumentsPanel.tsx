import { useLive } from '../../data/use-live';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import { getApi } from '../../api';
import type { CaseRow, GeneratedDocRow, PersonRow } from '../../data/schema';
import { Dialog } from '../../ui/Dialog';
import { describeIpcError } from '../../ui/ipc-error';
import { useCaseEditing } from '../../ui/case/editing';
import { SectionHeading } from '../../ui/case/SectionHeading';
import { DocumentLifecycle } from './DocumentLifecycle';
import { templateById } from '../../data/templates/templates.repo';
import { regenerateDocument } from './generate';
import { documentsFor, VOID_REASON_MAX, voidDocument } from '../../data/documents/register.repo';
import { refusalText } from './refusal-text';
import { ReviewPanel } from './ReviewPanel';
import { useShortcutProps } from '../../ui/shortcuts';
import { describeError } from '../../ui/error-text';
import { recordAct } from '../../data/audit.repo';

/** File name a saved copy suggests: the document's title and number, without characters Windows refuses. */
export function savedFileName(doc: Pick<GeneratedDocRow, 'title' | 'outgoingNumber' | 'registeredAt'>): string {
  const base = [doc.title, doc.outgoingNumber || doc.registeredAt].filter(Boolean).join(' ').replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, ' ').trim();
  return `${base.slice(0, 180)}.pdf`;
}

function VoidDialog({ doc, onClose }: { doc: GeneratedDocRow; onClose(done: boolean): void }) {
  const { t } = useTranslation();
  const editing = useCaseEditing();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const name = doc.outgoingNumber || doc.title;
  const submit = async () => {
    if (!editing || busy) return;
    setBusy(true);
    const result = await voidDocument(doc.id, reason, editing.actor);
    setBusy(false);
    if (result.ok) onClose(true);
    else setError(result.reason === 'reason_required' ? t('documents.void.required') : result.reason === 'reason_too_long' ? t('documents.void.tooLong') : result.reason);
  };
  return (
    <Dialog open title={t('documents.void.title', { document: name })} onClose={() => onClose(false)}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className={error ? 'field field--invalid' : 'field'}>
          <label htmlFor="void-reason">
            {t('documents.void.reason')}
            <span className="field__required" aria-hidden="true">
              {' '}
              *
            </span>
          </label>
          <textarea
            id="void-reason"
            value={reason}
            maxLength={VOID_REASON_MAX}
            aria-required
            aria-invalid={error ? true : undefined}
            aria-describedby="void-reason-hint void-reason-error"
            onChange={(event) => {
              setReason(event.target.value);
              setError('');
            }}
          />
          <div id="void-reason-hint" className="field__hint">
            {t('documents.void.hint')}
          </div>
          <div id="void-reason-error" className="field__error" role="alert">
            {error}
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--danger" disabled={busy}>
            {t('documents.void.confirm')}
          </button>
          <button type="button" className="button" onClick={() => onClose(false)}>
            {t('documents.void.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function DocumentRow({ doc, onNotice, onVoid }: { doc: GeneratedDocRow; onNotice(text: string): void; onVoid(): void }) {
  const { t } = useTranslation();
  const shortcut = useShortcutProps();
  const editing = useCaseEditing();
  const [busy, setBusy] = useState(false);
  const name = doc.outgoingNumber ? `${doc.title} ${doc.outgoingNumber}` : doc.title;
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      onNotice(await action());
    } catch (error) {
      onNotice(describeError(t, error));
    } finally {
      setBusy(false);
    }
  };
  const fileAction = (kind: 'open' | 'print' | 'saveAs') =>
    run(async () => {
      const relPath = doc.file!.relPath;
      const api = getApi();
      if (kind === 'saveAs') {
        const result = await api.saveDocumentAs({ relPath, fileName: savedFileName(doc) });
        if (!result.ok) return describeIpcError(t, result.error);
        if (result.value.status === 'missing') return t('documents.list.missing');
        return result.value.status === 'saved' ? t('documents.list.saved', { name: result.value.fileName }) : '';
      }
      const result = kind === 'open' ? await api.openDocument({ relPath }) : await api.printDocument({ relPath });
      if (!result.ok) return describeIpcError(t, result.error);
      if (result.value.status === 'missing') return t('documents.list.missing');
      await recordAct({ action: kind === 'print' ? 'print' : 'view', entity: 'document', entityId: doc.id, caseId: doc.caseId, note: doc.outgoingNumber || doc.title }).catch(
        (error: unknown) => console.warn('document audit row:', error),
      );
      return t(kind === 'print' ? 'documents.list.openedForPrint' : 'documents.list.opened');
    });
  const regenerate = () =>
    run(async () => {
      if (!editing) return '';
      const entry = await templateById(doc.templateId);
      if (!entry || entry.version !== doc.templateVersion) return t('documents.list.templateChanged');
      const result = await regenerateDocument(getApi(), doc, entry.template, editing.actor);
      if (result.status === 'generated') return t('documents.review.done', { title: doc.title, number: doc.outgoingNumber });
      if (result.status === 'failed') return result.error.code === 'REFUSED' ? refusalText(t, result.error.refusal) : t('documents.review.failed', { reason: describeIpcError(t, result.error) });
      return '';
    });
  const voided = doc.status === 'void';
  const label = (action: string) => t('documents.list.actionOn', { action, document: name });
  return (
    <tr className={voided ? 'documents-table__row--void' : undefined}>
      <td>{doc.outgoingNumber || <span className="muted">{t('documents.list.unnumbered')}</span>}</td>
      <td>{formatDate(doc.registeredAt)}</td>
      <th scope="row">{doc.title}</th>
      <td>{doc.addressee}</td>
      <td>
        {voided ? t(`documents.status.${doc.status}`) : <DocumentLifecycle doc={doc} editing={editing} onDone={onNotice} />}
        {voided && doc.voidReason ? <div className="muted">{doc.voidReason}</div> : null}
        {!voided && !doc.file ? <div className="review-table__missing">{t('documents.list.noFile')}</div> : null}
      </td>
      <td className="documents-table__actions">
        {doc.file && !voided ? (
          <>
            <button type="button" className="button button--small" disabled={busy} aria-label={label(t('documents.list.open'))} onClick={() => void fileAction('open')}>
              {t('documents.list.open')}
            </button>
            <button type="button" className="button button--small" disabled={busy} aria-label={label(t('documents.list.print'))} onClick={() => void fileAction('print')} {...shortcut('print')}>
              {t('documents.list.print')}
            </button>
            <button type="button" className="button button--small" disabled={busy} aria-label={label(t('documents.list.saveAs'))} onClick={() => void fileAction('saveAs')}>
              {t('documents.list.saveAs')}
            </button>
          </>
        ) : null}
        {!doc.file && !voided && editing ? (
          <button type="button" className="button button--small" disabled={busy} aria-label={label(t('documents.list.regenerate'))} onClick={() => void regenerate()}>
            {t('documents.list.regenerate')}
          </button>
        ) : null}
        {!voided && editing ? (
          <button type="button" className="button button--small" disabled={busy} aria-label={label(t('documents.list.void'))} onClick={onVoid}>
            {t('documents.list.void')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

/** The case's documents (number, date, template, status; open, print, save a copy, void) and the way to a new one. */
export function DocumentsPanel({ record, person }: { record: CaseRow; person: PersonRow }) {
  const { t } = useTranslation();
  const shortcut = useShortcutProps();
  const editing = useCaseEditing();
  const docs = useLive(() => documentsFor(record.id), [record.id]);
  const [reviewing, setReviewing] = useState(false);
  const [voiding, setVoiding] = useState<GeneratedDocRow | null>(null);
  const [notice, setNotice] = useState('');

  return (
    <section id="documents" className="case-section tracking-panel" aria-labelledby="documents-title">
      <SectionHeading id="documents-title">{t('documents.section')}</SectionHeading>
      {docs === undefined ? <p role="status">{t('app.loading')}</p> : null}
      {docs && docs.length === 0 ? <p className="muted">{t('documents.empty')}</p> : null}
      {docs && docs.length > 0 ? (
        <div className="docs-table-wrap">
          <table className="docs-table documents-table">
            <caption className="docs-sr-only">{t('documents.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('documents.list.number')}</th>
                <th scope="col">{t('documents.list.date')}</th>
                <th scope="col">{t('documents.list.template')}</th>
                <th scope="col">{t('documents.list.addressee')}</th>
                <th scope="col">{t('documents.list.status')}</th>
                <th scope="col">{t('documents.list.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {docs.map((doc) => (
                <DocumentRow key={doc.id} doc={doc} onNotice={setNotice} onVoid={() => setVoiding(doc)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="status status--ok" role="status">
        {notice}
      </p>
      {!editing ? <p className="muted">{t('documents.readOnly')}</p> : null}
      {editing && !reviewing ? (
        <div className="form-actions">
          <button
            type="button"
            className="button"
            {...shortcut('generate')}
            onClick={() => {
              setNotice('');
              setReviewing(true);
            }}
          >
            {t('documents.new')}
          </button>
        </div>
      ) : null}
      {editing && reviewing ? (
        <ReviewPanel
          editing={editing}
          record={record}
          person={person}
          onClose={(done) => {
            setReviewing(false);
            if (done) setNotice(done);
          }}
        />
      ) : null}
      {voiding ? (
        <VoidDialog
          doc={voiding}
          onClose={(done) => {
            setVoiding(null);
            if (done) setNotice(t('documents.void.done'));
          }}
        />
      ) : null}
    </section>
  );
}
