import { useLive } from '../../data/use-live';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { letterView, type FieldSegment } from '../../../../shared/documents/letter-view';
import { buildDocumentModel, type AttachmentInput } from '../../../../shared/documents/model';
import { regionalAddressee } from '../../../../shared/reference/lookup';
import type { Addressee } from '../../../../shared/reference/schema';
import { getApi } from '../../api';
import type { CaseRow, PersonRow } from '../../data/schema';
import { DateInput } from '../../ui/DateInput';
import { FieldShell } from '../../ui/FieldShell';
import { describeIpcError } from '../../ui/ipc-error';
import { attachmentsForDocument } from '../../data/attachments/attachments.repo';
import { useSaverFor, type CaseEditing } from '../../ui/case/editing';
import { InlineField } from '../../ui/case/InlineField';
import { localTodayIso } from '../../lib/date-time';
import { useReference } from '../../data/reference/reference.repo';
import { useTemplates, type TemplateEntry } from '../../data/templates/templates.repo';
import { citableDocuments, isNumbered, needsPrevious } from '../../data/documents/document-inputs.repo';
import { localized } from '../../ui/reference-display';
import { checkRequisitesOf } from '../../../../shared/documents/requisites';
import type { ConsistencyFinding } from '../../../../shared/documents/checks';
import { consistencyFor, generateDocument, invalidInputFields, reviewInputs, type GenerateRequest } from './generate';
import { refusalText } from './refusal-text';
import { peekNextNumber } from '../../data/documents/register.repo';
import { DocumentPreview } from './DocumentPreview';
import { LetterPreview, type LetterFinding } from './LetterPreview';
import { fieldLabelKey, fixFor } from './review-fields';
import { useShortcutProps } from '../../ui/shortcuts';
import { findingText } from './finding-text';
import { describeError } from '../../ui/error-text';

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
  /** Checks of the letter to show beside its paragraphs (paragraph ids come from shared/documents/letter-view). */
  findings?: readonly LetterFinding[];
}

/**
 * Review before generating: the caseworker picks a template, an addressee, the date and the attachments, and
 * reads the letter itself with the case's values highlighted. A wrong or missing case value is fixed in place
 * (saved to the case, audited) and the letter updates; a missing requisite is marked where it would print, and
 * the button refuses while one is missing and says which.
 */
export function ReviewPanel({ editing, record, person, onClose, findings: outerFindings }: Props) {
  const { t, i18n } = useTranslation();
  const shortcut = useShortcutProps();
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
  const caseFiles = useLive(() => attachmentsForDocument(record.id), [record.id]);
  const [busy, setBusy] = useState(false);
  // Keys of the consistency warnings the caseworker accepted; a finding that changes gets a new key.
  const [acknowledged, setAcknowledged] = useState<string[]>([]);
  const [outcome, setOutcome] = useState('');

  const entry = templates?.find((e) => e.id === templateId);
  const addressee = addresseeId === null ? defaultAddressee(entry, addressees, record.region) : (addressees.find((a) => a.id === addresseeId) ?? null);
  // A row still being typed (no title yet) is not an attachment.
  const usable = attachments.filter((a) => a.title.trim() !== '').map((a) => ({ ...a, title: a.title.trim() }));
  const request: GenerateRequest | null = entry
    ? { caseId: record.id, template: entry.template, addressee, date, attachments: usable, previousDocumentId: previousId || null, acknowledged }
    : null;
  const requestKey = JSON.stringify([templateId, entry?.version, addressee?.id ?? '', date, attachments, previousId]);
  const previousChoices = useLive(() => citableDocuments(record.id), [record.id]);

  const review = useLive(async () => {
    if (!request || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
    const number = isNumbered(request.template) ? await peekNextNumber(date, editing.actor.missionPrefix) : '';
    const inputs = await reviewInputs(request, number || 'X');
    return {
      number,
      letter: letterView(request.template, buildDocumentModel(inputs), { numberPending: isNumbered(request.template) }),
      refusal: checkRequisitesOf(request.template, inputs),
      invalid: invalidInputFields(inputs),
      findings: await consistencyFor(request, inputs),
    };
    // The request is rebuilt every render; its key says when it really changed. Case edits re-run it through Dexie.
  }, [requestKey, record.updatedAt, person.updatedAt]);

  const generate = async () => {
    if (!request || !review || review.refusal || busy) return;
    setBusy(true);
    setOutcome('');
    try {
      const result = await generateDocument(getApi(), request, editing.actor);
      if (result.status === 'generated') {
        onClose(t('documents.review.done', { title: result.document.title, number: result.document.outgoingNumber }));
        return;
      }
      if (result.status === 'refused') setOutcome(refusalText(t, result));
      else if (result.status === 'inconsistent') setOutcome(t('documents.checks.blocked', { list: result.findings.map(describeFinding).join(' ') }));
      else if (result.status === 'invalid') setOutcome(t('documents.review.invalid', { fields: result.fields.join(', ') }));
      else {
        setOutcome(result.error.code === 'REFUSED' ? refusalText(t, result.error.refusal) : t('documents.review.failed', { reason: describeIpcError(t, result.error) }));
      }
    } catch (error) {
      setOutcome(describeError(t, error));
    } finally {
      setBusy(false);
    }
  };

  const labelOf = (field: FieldSegment) => {
    if (field.requisite) return field.requisite;
    const key = fieldLabelKey(field.path, (k) => t(k) !== k);
    return key ? t(key) : field.path;
  };
  const editable = (path: string) => {
    const kind = fixFor(path, record, person).kind;
    return kind !== 'none' && (kind !== 'case' || saverFor !== null);
  };
  const renderFix = (field: FieldSegment, label: string) => {
    const fix = fixFor(field.path, record, person);
    switch (fix.kind) {
      case 'case':
        return saverFor
          ? fix.edits.map((edit) => (
              <InlineField key={edit.editPath} descriptor={edit.descriptor} value={edit.value} formPath={edit.formPath} save={saverFor(edit.editPath)} context={label} initiallyEditing={fix.edits.length === 1} />
            ))
          : null;
      case 'settings':
        return <a href="#/settings">{t('documents.review.fixInSettings')}</a>;
      case 'reference':
        return <a href="#/settings/reference">{t('documents.review.fixInReference')}</a>;
      case 'above':
        return <span className="muted">{t('documents.review.fixAbove')}</span>;
      case 'casePage':
        return <a href={`#/cases/${record.id}${fix.section ? `?section=${fix.section}` : ''}`}>{t('documents.review.fixInCase')}</a>;
      case 'none':
        return null;
    }
  };

  const describeFinding = (f: ConsistencyFinding) => findingText(t, f);
  const findings = review?.findings ?? [];
  const contradictions = findings.filter((f) => f.severity === 'contradiction');
  const pending = findings.filter((f) => f.severity === 'warning' && !acknowledged.includes(f.key));
  const inconsistent = contradictions.length > 0 ? t('documents.checks.blocked', { list: contradictions.map(describeFinding).join(' ') }) : pending.length > 0 ? t('documents.checks.unacknowledged') : '';
  // Each consistency finding also stands beside the paragraph (template block) it concerns.
  const letterFindings: LetterFinding[] = [
    ...(outerFindings ?? []),
    ...findings.map((f) => ({ paragraphId: f.block === null ? undefined : `b${f.block}`, severity: f.severity === 'contradiction' ? ('error' as const) : ('warning' as const), text: describeFinding(f) })),
  ];
  const blockExcerpt = (index: number | null) => {
    if (index === null || !entry) return t('documents.checks.whole');
    const block = entry.template.blocks[index];
    const text = block && 'text' in block && typeof block.text === 'string' ? block.text : block && block.type === 'list' && block.item ? block.item : (block?.type ?? '');
    return t('documents.checks.paragraph', { n: index + 1, text: text.length > 90 ? `${text.slice(0, 90)}…` : text });
  };

  const setAttachment = (index: number, patch: Partial<AttachmentInput>) => setAttachments((list) => list.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  const blocked = review?.refusal ? refusalText(t, review.refusal) : '';
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
                  {localized(e.template.title, i18n.language)}
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
                  // The file's real page count goes with it, so a sheet count changed by hand is checked against it.
                  ...caseFiles
                    .filter((file) => !list.some((a) => a.title === file.title))
                    .map(({ title, sheets, copies, sheetsKnown }) => (sheetsKnown ? { title, sheets, copies, pages: sheets } : { title, sheets, copies })),
                ])
              }
            >
              {t('documents.review.addCaseFiles', { count: caseFiles.length })}
            </button>
          ) : null}
        </fieldset>
      ) : null}

      {entry && review === undefined ? <p role="status">{t('documents.review.loading')}</p> : null}
      {entry && review ? <LetterPreview view={review.letter} findings={letterFindings} labelOf={labelOf} editable={editable} renderFix={renderFix} /> : null}

      {entry && review ? (
        <section className="document-review__checks" aria-label={t('documents.checks.title')}>
          <h4>{t('documents.checks.title')}</h4>
          {findings.length === 0 ? <p className="muted">{t('documents.checks.none')}</p> : null}
          <ul>
            {findings.map((f) => (
              <li key={f.key} className={`consistency consistency--${f.severity}`} data-code={f.code}>
                <div className="consistency__where">{blockExcerpt(f.block)}</div>
                <strong>{t(`documents.checks.${f.severity}`)}: </strong>
                {describeFinding(f)}
                {f.severity === 'warning' ? (
                  <label className="consistency__ack">
                    <input
                      type="checkbox"
                      checked={acknowledged.includes(f.key)}
                      onChange={(event) => setAcknowledged((list) => (event.target.checked ? [...list, f.key] : list.filter((k) => k !== f.key)))}
                    />{' '}
                    {t('documents.checks.acknowledge')}
                  </label>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {request && review && !review.refusal && review.invalid.length === 0 ? (
        <DocumentPreview template={request.template} stamp={`${requestKey}|${record.updatedAt}|${person.updatedAt}|${review.number}`} inputs={() => reviewInputs(request, review.number || 'X')} />
      ) : null}

      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!review || review.refusal !== null || review.invalid.length > 0 || inconsistent !== '' || busy}
          aria-describedby={blocked || invalid || inconsistent ? blockedId : undefined}
          {...shortcut('generate')}
          onClick={() => void generate()}
        >
          {busy ? t('documents.review.generating') : t('documents.review.generate')}
        </button>
        <button type="button" className="button" onClick={() => onClose(null)}>
          {t('documents.review.cancel')}
        </button>
      </div>
      <p id={blockedId} className="document-review__blocked" role="status">
        {[blocked, invalid, inconsistent].filter(Boolean).join(' ')}
      </p>
      {outcome ? (
        <p className="document-review__outcome" role="alert">
          {outcome}
        </p>
      ) : null}
    </section>
  );
}
