import { useLive } from '../../data/use-live';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildDocumentModel } from '../../../../shared/documents/model';
import { sampleInputs } from '../../../../shared/documents/sample-case';
import type { DocumentTemplate } from '../../../../shared/documents/template-schema';
import type { CaseworkerProfile, MissionSettings } from '../../../../shared/settings/schema';
import { Dialog } from '../../ui/Dialog';
import { formatDateTime } from '../../lib/date-time';
import { useActor, useStoredSettings } from '../../data/settings/use-actor';
import { useReference } from '../../data/reference/reference.repo';
import { blockFieldId, BlockEditor, declaredType } from './BlockEditor';
import { assembleDraft, draftChanged, draftOf, newParagraph, type DraftBlock, type EditorIssue, type TemplateDraft } from './draft-model';
import { discardDraft, loadDraft, storeDraft } from '../../data/templates/template-drafts.repo';
import { issuePlace, issueText } from './issue-text';
import { previewCases } from '../../data/templates/preview-inputs.repo';
import { resetTemplateToFactory, saveTemplateVersion, templateById, useTemplateHistory } from '../../data/templates/templates.repo';
import { TemplatePreview } from './TemplatePreview';
import { usePreview } from './use-preview';
import { useShortcutProps } from '../../ui/shortcuts';
import { describeError } from '../../ui/error-text';

type Outcome = { ok: boolean; text: string } | null;

const META_FIELD_ID = 'template-meta-json';

/** The template title in the interface language. */
export const titleLanguage = (language: string) => (['ky', 'en'] as const).find((l) => language.startsWith(l)) ?? 'ru';

/** Where to send focus for an issue: the field it is about. */
function fieldIdOf(issue: EditorIssue, blocks: readonly DraftBlock[]): string | null {
  if (issue.where === 'meta') return META_FIELD_ID;
  if (typeof issue.where !== 'number') return null;
  const block = blocks[issue.where];
  if (!block) return null;
  return block.text !== null && (issue.field === 'text' || issue.field.startsWith('text.')) ? blockFieldId(issue.where, 'text') : blockFieldId(issue.where, 'json');
}

/** One template (#/settings/templates/<id>): read-only view, copy to edit, the editor, live preview, history, reset. */
export function TemplateEditor({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const shortcut = useShortcutProps();
  const actor = useActor();
  const settings = useStoredSettings();
  const reference = useReference();
  const history = useTemplateHistory(id);
  const entry = useLive(() => templateById(id).then((found) => found ?? null), [id]);
  const [working, setWorking] = useState<TemplateDraft | null | undefined>(undefined);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [saving, setSaving] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const summaryRef = useRef<HTMLElement>(null);

  useEffect(() => {
    let alive = true;
    void loadDraft(id).then((draft) => alive && setWorking(draft));
    return () => {
      alive = false;
    };
  }, [id]);

  // The user's own letterhead and name in the preview, once the settings are complete.
  const missionJson = settings?.complete ? JSON.stringify(settings.mission) : 'null';
  const caseworkerJson = settings?.complete ? JSON.stringify(settings.caseworker) : 'null';
  const mission = useMemo(() => JSON.parse(missionJson) as MissionSettings | null, [missionJson]);
  const caseworker = useMemo(() => JSON.parse(caseworkerJson) as CaseworkerProfile | null, [caseworkerJson]);

  const sample = useMemo(
    () => (reference && entry ? buildDocumentModel(sampleInputs(entry.template.kind, reference, { mission, caseworker })) : undefined),
    [reference, entry, mission, caseworker],
  );
  const readOnlyDraft = useMemo(() => (entry ? draftOf(entry.template) : null), [entry]);
  const assembled = useMemo(() => (working && entry ? assembleDraft(working, entry.template, sample) : null), [working, entry, sample]);
  const issues = assembled && !assembled.ok ? assembled.issues : [];
  // While the draft is invalid the preview keeps showing its last valid state (dimmed, marked as not updated).
  const [lastValid, setLastValid] = useState<DocumentTemplate | null>(null);
  if (assembled?.ok && assembled.template !== lastValid) setLastValid(assembled.template);
  const previewSource = working ? (assembled?.ok ? assembled.template : (lastValid ?? entry?.template ?? null)) : (entry?.template ?? null);
  const [sampleCase, setSampleCase] = useState('');
  const cases = useLive(() => previewCases(), []);
  const fromCase = useMemo(() => (sampleCase && reference ? { caseId: sampleCase, reference } : null), [sampleCase, reference]);
  const preview = usePreview(previewSource, mission, caseworker, fromCase);

  if (entry === undefined || working === undefined) return <p role="status">{t('templates.loading')}</p>;
  if (entry === null) {
    return (
      <div className="screen templates-screen">
        <p className="templates-screen__back">
          <a href="#/settings/templates">{t('templates.editor.backToList')}</a>
        </p>
        <p className="errors">{t('templates.editor.notFound', { id })}</p>
      </div>
    );
  }

  const editing = working !== null;
  const shown = working ?? readOnlyDraft!;
  const update = (next: TemplateDraft) => {
    setWorking(next);
    setOutcome(null);
    void storeDraft(next);
  };
  const updateBlocks = (blocks: DraftBlock[]) => update({ ...working!, blocks });
  const startDraft = () => {
    const draft = draftOf(entry.template);
    update(draft);
    // The first text block is where most edits start.
    window.setTimeout(() => {
      const first = draft.blocks.findIndex((b) => b.text !== null);
      document.getElementById(blockFieldId(Math.max(0, first), first >= 0 ? 'text' : 'json'))?.focus();
    }, 0);
  };

  const save = async () => {
    if (!working || !actor) return;
    if (!assembled?.ok) {
      setOutcome({ ok: false, text: t('templates.editor.cannotSave', { count: issues.length }) });
      summaryRef.current?.focus();
      return;
    }
    if (!draftChanged(working, entry.template)) {
      setOutcome({ ok: true, text: t('templates.editor.noChanges') });
      return;
    }
    setSaving(true);
    try {
      const result = await saveTemplateVersion(assembled.template, actor, { sample });
      if (result.ok) {
        setWorking(null);
        setOutcome({ ok: true, text: t('templates.editor.saved', { version: result.entry.version }) });
      } else {
        setOutcome({ ok: false, text: t('templates.editor.failed', { reason: t('errors.INVALID_PAYLOAD', { fields: [...new Set(result.issues.map((i) => i.path))].join(', ') }) }) });
      }
    } catch (error) {
      setOutcome({ ok: false, text: t('templates.editor.failed', { reason: describeError(t, error) }) });
    } finally {
      setSaving(false);
    }
  };

  const discard = async () => {
    setConfirmDiscard(false);
    await discardDraft(id);
    setWorking(null);
    setOutcome({ ok: true, text: t('templates.editor.discarded') });
  };

  const reset = async () => {
    if (!actor) return;
    setConfirmReset(false);
    try {
      await resetTemplateToFactory(id, actor);
      setWorking(null);
      setOutcome({ ok: true, text: t('templates.reset.done') });
    } catch (error) {
      setOutcome({ ok: false, text: t('templates.editor.failed', { reason: describeError(t, error) }) });
    }
  };

  const customVersions = (history ?? []).filter((h) => h.action === 'edit').map((h) => h.version);
  const typeAt = (index: number) => (shown.blocks[index] ? declaredType(shown.blocks[index]) : undefined);
  const blockIssues = (index: number) => issues.filter((i) => i.where === index);
  const metaIssues = issues.filter((i) => i.where === 'meta');
  const templateIssues = issues.filter((i) => i.where === 'template');
  const title = entry.template.title[titleLanguage(i18n.language)];

  return (
    <div className="screen templates-screen template-editor">
      <p className="templates-screen__back">
        <a href="#/settings/templates">{t('templates.editor.backToList')}</a>
      </p>
      <h1>{title}</h1>
      <p className="template-editor__state">
        {entry.origin === 'factory' ? (
          <span className="template-badge template-badge--factory">{t('templates.editor.factoryBadge')}</span>
        ) : (
          <span className="template-badge template-badge--custom">{t('templates.editor.customBadge', { version: entry.version })}</span>
        )}
        {editing ? <span className="template-badge template-badge--draft">{t('templates.editor.draftOf', { version: working.baseVersion })}</span> : null}
      </p>
      {actor === null ? (
        <p className="warnings">
          {t('templates.editor.needActor')} <a href="#/settings">{t('templates.editor.openSettings')}</a>
        </p>
      ) : null}

      <div className="template-editor__actions form-actions">
        {editing ? (
          <>
            <button type="button" className="button button--primary" disabled={saving || !actor} onClick={() => void save()} {...shortcut('save')}>
              {saving ? t('templates.editor.saving') : t('templates.editor.save')}
            </button>
            <button type="button" className="button" disabled={saving} onClick={() => setConfirmDiscard(true)}>
              {t('templates.editor.discard')}
            </button>
          </>
        ) : (
          <button type="button" className="button button--primary" onClick={startDraft}>
            {entry.origin === 'factory' ? t('templates.editor.copy') : t('templates.editor.edit')}
          </button>
        )}
        {entry.origin === 'custom' ? (
          <button type="button" className="button button--danger" disabled={!actor} onClick={() => setConfirmReset(true)}>
            {t('templates.editor.reset')}
          </button>
        ) : null}
        <span role="status" className={outcome?.ok === false ? 'status status--error' : 'status status--ok'}>
          {outcome?.text}
        </span>
      </div>
      {editing ? <p className="muted">{t('templates.editor.draftKept')}</p> : <p className="muted">{entry.origin === 'factory' ? t('templates.editor.readOnly') : null}</p>}

      {issues.length > 0 ? (
        <section className="errors template-issues" ref={summaryRef} tabIndex={-1} aria-labelledby="template-issues-title">
          <h2 id="template-issues-title">{t('templates.editor.templateIssues')}</h2>
          <ul>
            {issues.map((issue, i) => {
              const target = fieldIdOf(issue, shown.blocks);
              const text = `${issuePlace(t, issue, typeAt)}: ${issueText(t, issue)}`;
              return (
                <li key={`${i}-${text}`}>
                  {target ? (
                    <button type="button" className="link-button" onClick={() => document.getElementById(target)?.focus()}>
                      {text}
                    </button>
                  ) : (
                    text
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <div className="template-editor__body">
        <div className="template-editor__form">
          <section className="template-section" aria-labelledby="template-meta-title">
            <h2 id="template-meta-title">{t('templates.editor.meta')}</h2>
            <div className="field template-field">
              <label htmlFor={META_FIELD_ID}>{t('templates.editor.metaJson')}</label>
              <textarea
                id={META_FIELD_ID}
                className="template-json"
                value={shown.meta}
                readOnly={!editing}
                rows={Math.min(16, shown.meta.split('\n').length)}
                spellCheck={false}
                aria-invalid={metaIssues.length > 0 || undefined}
                aria-describedby={metaIssues.length > 0 ? 'template-meta-error' : 'template-meta-hint'}
                onChange={(event) => update({ ...working!, meta: event.target.value })}
              />
              <div id="template-meta-hint" className="field__hint">
                {t('templates.editor.metaHint')}
              </div>
              {metaIssues.length > 0 ? (
                <div id="template-meta-error" className="field__error">
                  {metaIssues.map((issue, i) => (
                    <p key={i}>{issueText(t, issue)}</p>
                  ))}
                </div>
              ) : null}
            </div>
          </section>
          <section className="template-section" aria-labelledby="template-blocks-title">
            <h2 id="template-blocks-title">{t('templates.editor.blocks')}</h2>
            {templateIssues.length > 0 ? (
              <div className="field__error">
                {templateIssues.map((issue, i) => (
                  <p key={i}>{issueText(t, issue)}</p>
                ))}
              </div>
            ) : null}
            <ol className="template-blocks">
              {shown.blocks.map((block, index) => (
                <BlockEditor
                  key={block.key}
                  block={block}
                  index={index}
                  count={shown.blocks.length}
                  issues={blockIssues(index)}
                  readOnly={!editing}
                  onChange={(next) => updateBlocks(shown.blocks.map((b, i) => (i === index ? next : b)))}
                  onMove={(delta) => {
                    const blocks = [...shown.blocks];
                    const [moved] = blocks.splice(index, 1);
                    blocks.splice(index + delta, 0, moved!);
                    updateBlocks(blocks);
                  }}
                  onRemove={() => updateBlocks(shown.blocks.filter((_, i) => i !== index))}
                  onInsertAfter={() => {
                    const blocks = [...shown.blocks];
                    blocks.splice(index + 1, 0, newParagraph());
                    updateBlocks(blocks);
                    window.setTimeout(() => document.getElementById(blockFieldId(index + 1, 'text'))?.focus(), 0);
                  }}
                />
              ))}
            </ol>
          </section>
          <section className="template-section" aria-labelledby="template-history-title">
            <h2 id="template-history-title">{t('templates.history.title')}</h2>
            {history && history.length > 0 ? (
              <ol className="history template-history">
                {history.map((row, i) => (
                  <li key={row.seq}>
                    <strong>{row.action === 'edit' ? t('templates.history.edit', { version: row.version }) : t('templates.history.reset')}</strong>{' '}
                    <span className="muted">{t('templates.history.meta', { at: formatDateTime(row.at), who: row.who })}</span>
                    {i === 0 ? <span className="template-badge">{t('templates.history.inForce')}</span> : null}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">{t('templates.history.empty')}</p>
            )}
          </section>
        </div>
        <TemplatePreview
          sample={sampleCase}
          cases={cases ?? []}
          onSampleChange={setSampleCase}
          state={preview.state}
          updating={preview.updating}
          stale={editing && !assembled?.ok}
        />
      </div>

      <Dialog open={confirmDiscard} title={t('templates.discardConfirm.title')} onClose={() => setConfirmDiscard(false)}>
        <p>{t('templates.discardConfirm.text')}</p>
        <div className="form-actions">
          <button type="button" className="button button--danger" onClick={() => void discard()}>
            {t('templates.discardConfirm.confirm')}
          </button>
          <button type="button" className="button" onClick={() => setConfirmDiscard(false)}>
            {t('templates.discardConfirm.cancel')}
          </button>
        </div>
      </Dialog>

      <Dialog open={confirmReset} title={t('templates.reset.title')} onClose={() => setConfirmReset(false)}>
        <p>{t('templates.reset.text', { versions: customVersions.slice().reverse().join(', ') })}</p>
        <div className="form-actions">
          <button type="button" className="button button--danger" onClick={() => void reset()}>
            {t('templates.reset.confirm')}
          </button>
          <button type="button" className="button" onClick={() => setConfirmReset(false)}>
            {t('templates.reset.cancel')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
