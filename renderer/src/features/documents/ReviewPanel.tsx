import { useLive } from '../../data/use-live';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildDocumentModel, reviewFields, type AttachmentInput } from '../../../../shared/documents/model';
import { regionalAddressee } from '../../../../shared/reference/lookup';
import type { Addressee } from '../../../../shared/reference/schema';
import { getApi } from '../../api';
import { db, type CaseRow, type PersonRow } from '../../data/schema';
import { DateInput } from '../../ui/DateInput';
import { FieldShell } from '../../ui/FieldShell';
import { describeIpcError } from '../../ui/ipc-error';
import { attachmentsForDocument } from '../../data/attachments/attachments.repo';
import { useSaverFor, type CaseEditing } from '../../ui/case/editing';
import { InlineField } from '../../ui/case/InlineField';
import { localTodayIso } from '../../lib/date-time';
import { useReference } from '../../data/reference/reference.repo';
import { useTemplates, type TemplateEntry } from '../../data/templates/templates.repo';
import { citableDocuments, isNumbered, needsPrevious, templateTitle } from '../../data/documents/document-inputs.repo';
import { generateDocument, invalidInputFields, missingFor, reviewInputs, type GenerateRequest } from './generate';
import { peekNextNumber } from '../../data/documents/register.repo';
import { DocumentPreview } from './DocumentPreview';
import { fieldLabelKey, fixFor, type FieldFix } from './review-fields';

/** Templates made for one case; the batch list letter is made from the case list, for many cases at once. */
const CASE_TEMPLATE = (entry: TemplateEntry) => entry.template.kind !== 'batch_list_letter';

function usesAddressee(entry: TemplateEntry | undefined): boolean {
  return Boolean(entry?.template.requisites.some((r) => r.path.startsWith('addressee.')));
}

/** The addressee a template most likely goes to: the MFA for a verbal note, the case region's migration unit otherwise. */
function defaultAddressee(entry: TemplateEntry | undefined, addressees: readonly Addressee[], region: string): Addressee | null {
  if (!usesAddressee(entry)) return null;
  if (entry!.template.kind === 'verbal_note_mfa') return addressees.find((a) => a.kind === 'mfa') ?? null;
  if (entry!.template.kind === 'complaint_superior') return addressees.find((a) => a.kind === 'mvd_federal') ?? null;
  return regionalAddressee(addressees, region);
}

interface Props {
  editing: CaseEditing;
  record: CaseRow;
  person: PersonRow;
  onClose(done: string | null): void;
}

/**
 * Review before generating: the caseworker picks a template, an addressee, the date and the attachments, and
 * sees every field the document will use with its value. A wrong or missing case value is fixed in place
 * (saved to the case, audited) and the review updates; the button refuses while a requisite is missing and
 * says which.
 */
export function ReviewPanel({ editing, record, person, onClose }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const blockedId = useId();
  const templates = useTemplates();
  const reference = useReference();
  const saverFor = useSaverFor();
  const addressees = useMemo(() => reference?.addressees ?? [], [reference]);
  const [templateId, setTemplateId] = useState('');
  const [addresseeId, setAddresseeId] = useState<string | null>(null);
  const [date, setDate] = useState(localTodayIso());
  const [attachments, setAttachments] = useState<AttachmentInput[]>([]);
  const [previousId, setPreviousId] = useState('');
  // The case's scans, with their page counts: the «Приложение: … на N л.» mark comes from them.
  const caseFiles = useLive(() => attachmentsForDocument(db(), record.id), [record.id]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState('');

  const entry = templates?.find((e) => e.id === templateId);
  const addressee = addresseeId === null ? defaultAddressee(entry, addressees, record.region) : (addressees.find((a) => a.id === addresseeId) ?? null);
  // A row still being typed (no title yet) is not an attachment.
  const usable = attachments.filter((a) => a.title.trim() !== '').map((a) => ({ ...a, title: a.title.trim() }));
  const request: GenerateRequest | null = entry
    ? { caseId: record.id, template: entry.template, addressee, date, attachments: usable, previousDocumentId: previousId || null }
    : null;
  const requestKey = JSON.stringify([templateId, entry?.version, addressee?.id ?? '', date, attachments, previousId]);
  const previousChoices = useLive(() => citableDocuments(db(), record.id), [record.id]);

  const review = useLive(async () => {
    if (!request || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
    const number = isNumbered(request.template) ? await peekNextNumber(db(), date, editing.actor.missionPrefix) : '';
    const inputs = await reviewInputs(db(), request, number || 'X');
    return {
      number,
      fields: reviewFields(request.template, buildDocumentModel(inputs)),
      missing: missingFor(request.template, inputs),
      invalid: invalidInputFields(inputs),
    };
    // The request is rebuilt every render; its key says when it really changed. Case edits re-run it through Dexie.
  }, [requestKey, record.updatedAt, person.updatedAt]);

  const generate = async () => {
    if (!request || !review || review.missing.length > 0 || busy) return;
    setBusy(true);
    setOutcome('');
    try {
      const result = await generateDocument(db(), getApi(), request, editing.actor);
      if (result.status === 'generated') {
        onClose(t('documents.review.done', { title: result.document.title, number: result.document.outgoingNumber }));
        return;
      }
      if (result.status === 'refused') setOutcome(t('documents.review.blocked', { list: result.missing.map((m) => m.label).join('; ') }));
      else if (result.status === 'invalid') setOutcome(t('documents.review.invalid', { fields: result.fields.join(', ') }));
      else {
        const reason = result.error.code === 'REFUSED' ? result.error.missing.map((m) => m.label).join('; ') : describeIpcError(t, result.error);
        setOutcome(t('documents.review.failed', { reason }));
      }
    } catch (error) {
      setOutcome(t('errors.DB', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  // Each case field gets one editor, on the first row that uses it (the full name and the short name share theirs).
  const fixes = new Map<string, FieldFix>();
  const edited = new Set<string>();
  for (const field of review?.fields ?? []) {
    const fix = fixFor(field.path, record, person);
    if (fix.kind !== 'case') {
      fixes.set(field.path, fix);
      continue;
    }
    const edits = fix.edits.filter((e) => !edited.has(e.editPath));
    edits.forEach((e) => edited.add(e.editPath));
    fixes.set(field.path, { kind: 'case', edits });
  }

  const setAttachment = (index: number, patch: Partial<AttachmentInput>) => setAttachments((list) => list.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  const blocked = review && review.missing.length > 0 ? t('documents.review.blocked', { list: review.missing.map((m) => m.label).join('; ') }) : '';
  const invalid = review && review.invalid.length > 0 ? t('documents.review.invalid', { fields: review.invalid.join(', ') }) : '';

  return (
    <section className="document-review" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('documents.review.title')}</h3>
      <div className="document-review__choices">
        <FieldShell label={t('documents.review.template')} required>
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={templateId}
              onChange={(event) => {
                setTemplateId(event.target.value);
                setAddresseeId(null);
                setPreviousId('');
              }}
            >
              <option value="">{t('documents.review.chooseTemplate')}</option>
              {(templates ?? []).filter(CASE_TEMPLATE).map((e) => (
                <option key={e.id} value={e.id}>
                  {templateTitle(e.template)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        {usesAddressee(entry) ? (
          <FieldShell label={t('documents.review.addressee')} required>
            {({ id, describedBy }) => (
              <select id={id} aria-describedby={describedBy} value={addressee?.id ?? ''} onChange={(event) => setAddresseeId(event.target.value)}>
                <option value="">{t('documents.review.chooseAddressee')}</option>
                {addressees.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.nameRu}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
        ) : null}
        {entry ? (
          <FieldShell label={t('documents.review.date')} required>
            {({ id, describedBy }) => <DateInput id={id} aria-describedby={describedBy} value={date} onChange={setDate} />}
          </FieldShell>
        ) : null}
        {entry && needsPrevious(entry.template) ? (
          <FieldShell label={t('documents.review.previous')} required hint={previousChoices?.length === 0 ? t('documents.review.noPrevious') : undefined}>
            {({ id, describedBy }) => (
              <select id={id} aria-describedby={describedBy} value={previousId} onChange={(event) => setPreviousId(event.target.value)}>
                <option value="">{t('documents.review.choosePrevious')}</option>
                {(previousChoices ?? []).map((d) => (
                  <option key={d.id} value={d.id}>
                    {`${d.outgoingNumber} — ${d.title}`}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
        ) : null}
      </div>

      {entry ? (
        <p className="document-review__number">
          <strong>{t('documents.review.number')}: </strong>
          {isNumbered(entry.template) ? t('documents.review.numberHint', { number: review?.number ?? '…' }) : t('documents.review.unnumbered')}
        </p>
      ) : null}

      {entry ? (
        <fieldset className="document-review__attachments">
          <legend>{t('documents.review.attachments')}</legend>
          {attachments.length === 0 ? <p className="muted">{t('documents.review.noAttachments')}</p> : null}
          {attachments.map((a, index) => (
            <div key={index} className="attachment-row">
              <FieldShell label={t('documents.review.attachmentTitle', { n: index + 1 })} className="attachment-row__title">
                {({ id }) => <input id={id} type="text" maxLength={500} value={a.title} onChange={(event) => setAttachment(index, { title: event.target.value })} />}
              </FieldShell>
              <FieldShell label={t('documents.review.sheets')} className="attachment-row__count">
                {({ id }) => <input id={id} type="number" min={1} max={9999} value={a.sheets} onChange={(event) => setAttachment(index, { sheets: Math.max(1, Math.trunc(Number(event.target.value) || 1)) })} />}
              </FieldShell>
              <FieldShell label={t('documents.review.copies')} className="attachment-row__count">
                {({ id }) => <input id={id} type="number" min={1} max={99} value={a.copies} onChange={(event) => setAttachment(index, { copies: Math.max(1, Math.trunc(Number(event.target.value) || 1)) })} />}
              </FieldShell>
              <button type="button" className="button button--small" onClick={() => setAttachments((list) => list.filter((_, i) => i !== index))}>
                {t('documents.review.removeAttachment', { n: index + 1 })}
              </button>
            </div>
          ))}
          <button type="button" className="button button--small" onClick={() => setAttachments((list) => [...list, { title: '', sheets: 1, copies: 1 }])}>
            {t('documents.review.addAttachment')}
          </button>
          {caseFiles && caseFiles.length > 0 ? (
            <button
              type="button"
              className="button button--small"
              onClick={() =>
                setAttachments((list) => [
                  ...list,
                  ...caseFiles.filter((file) => !list.some((a) => a.title === file.title)).map(({ title, sheets, copies }) => ({ title, sheets, copies })),
                ])
              }
            >
              {t('documents.review.addCaseFiles', { count: caseFiles.length })}
            </button>
          ) : null}
        </fieldset>
      ) : null}

      {entry && review === undefined ? <p role="status">{t('documents.review.loading')}</p> : null}
      {entry && review ? (
        <table className="docs-table review-table">
          <caption>{t('documents.review.fieldsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('documents.review.field')}</th>
              <th scope="col">{t('documents.review.value')}</th>
              <th scope="col">{t('documents.review.state')}</th>
            </tr>
          </thead>
          <tbody>
            {review.fields.map((field) => {
              const labelKey = fieldLabelKey(field.path, (key) => t(key) !== key);
              const label = field.requisite ?? (labelKey ? t(labelKey) : field.path);
              const value = Array.isArray(field.value) ? field.value.join('; ') : field.value;
              const fix = fixes.get(field.path) ?? { kind: 'none' as const };
              return (
                <tr key={field.path} className={field.missing && field.requisite ? 'review-table__row--missing' : undefined}>
                  <th scope="row">
                    {label}
                    <span className="review-table__path">{field.path}</span>
                  </th>
                  <td>
                    <div className="review-table__value">{value || <span className="muted">{t('documents.review.empty')}</span>}</div>
                    {fix.kind === 'case' && saverFor
                      ? fix.edits.map((edit) => <InlineField key={edit.editPath} descriptor={edit.descriptor} value={edit.value} formPath={edit.formPath} save={saverFor(edit.editPath)} context={label} />)
                      : null}
                    {fix.kind === 'settings' && field.missing ? <a href="#/settings">{t('documents.review.fixInSettings')}</a> : null}
                    {fix.kind === 'reference' && field.missing ? <a href="#/settings/reference">{t('documents.review.fixInReference')}</a> : null}
                    {fix.kind === 'above' && field.missing ? <span className="muted">{t('documents.review.fixAbove')}</span> : null}
                    {fix.kind === 'casePage' && field.missing ? (
                      <a href={`#/cases/${record.id}${fix.section ? `?section=${fix.section}` : ''}`}>{t('documents.review.fixInCase')}</a>
                    ) : null}
                  </td>
                  <td>
                    {field.requisite ? <span className="review-table__required">{t('documents.review.required')}</span> : null}{' '}
                    {field.missing ? <span className="review-table__missing">{t('documents.review.missing')}</span> : <span className="review-table__ok">{t('documents.review.ok')}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}

      {request && review && review.missing.length === 0 && review.invalid.length === 0 ? (
        <DocumentPreview template={request.template} stamp={`${requestKey}|${record.updatedAt}|${person.updatedAt}|${review.number}`} inputs={() => reviewInputs(db(), request, review.number || 'X')} />
      ) : null}

      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!review || review.missing.length > 0 || review.invalid.length > 0 || busy}
          aria-describedby={blocked || invalid ? blockedId : undefined}
          onClick={() => void generate()}
        >
          {busy ? t('documents.review.generating') : t('documents.review.generate')}
        </button>
        <button type="button" className="button" onClick={() => onClose(null)}>
          {t('documents.review.cancel')}
        </button>
      </div>
      <p id={blockedId} className="document-review__blocked" role="status">
        {[blocked, invalid].filter(Boolean).join(' ')}
      </p>
      {outcome ? (
        <p className="document-review__outcome" role="alert">
          {outcome}
        </p>
      ) : null}
    </section>
  );
}
