import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceBundle } from '../../../../shared/reference/schema';
import { exportReferenceBundle } from '../../../../shared/reference/versioning';
import { getApi } from '../../api';
import { Dialog } from '../../ui/Dialog';
import { describeIpcError } from '../../ui/ipc-error';
import type { Actor } from '../../data/cases/cases.repo';
import { localTodayIso } from '../../lib/date-time';
import { resetReferenceToFactory, saveReferenceEdit } from '../../data/reference/reference-edits.repo';
import { previewImport, sizeProblem, type ImportPreview } from './import-preview';
import { issueLine } from './issue-text';
import { describeError } from '../../ui/error-text';
import { recordAct } from '../../data/audit.repo';

export type Outcome = { ok: boolean; text: string };

interface Props {
  bundle: ReferenceBundle;
  actor: Actor | null;
  onOutcome(outcome: Outcome): void;
}

const SHOWN_ISSUES = 100;

/** Export, import (dry run first, then confirm) and reset to factory: each of the last two is a new version. */
export function ReferenceActions({ bundle, actor, onOutcome }: Props) {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const [preview, setPreview] = useState<{ name: string; result: ImportPreview } | null>(null);
  const [applying, setApplying] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const [resetting, setResetting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const reason = (error: unknown) => (describeError(t, error));

  const exportBundle = async () => {
    setExporting(true);
    try {
      const result = await getApi().exportReference({ json: exportReferenceBundle(bundle), fileName: `aryz-reference-v${bundle.version}-${localTodayIso()}` });
      if (!result.ok) onOutcome({ ok: false, text: describeIpcError(t, result.error) });
      else if (result.value.status === 'canceled') onOutcome({ ok: true, text: t('reference.export.canceled') });
      else {
        await recordAct({ action: 'export', entity: 'reference', entityId: `v${bundle.version}`, note: `v${bundle.version}` }).catch((error: unknown) => console.warn('reference audit row:', error));
        onOutcome({ ok: true, text: t('reference.export.saved', { fileName: result.value.fileName }) });
      }
    } catch {
      onOutcome({ ok: false, text: t('errors.NO_BACKEND') });
    } finally {
      setExporting(false);
    }
  };

  const readFile = async (file: File) => {
    const tooLarge = sizeProblem(file.size);
    if (tooLarge) return setPreview({ name: file.name, result: tooLarge });
    try {
      // The preview is worked out against the version in force when the file is read; applying re-validates.
      setPreview({ name: file.name, result: previewImport(bundle, await file.text(), new Date().toISOString()) });
    } catch (error) {
      onOutcome({ ok: false, text: t('reference.import.readFailed', { reason: reason(error) }) });
    }
  };

  const apply = async (data: unknown) => {
    if (!actor) return;
    setApplying(true);
    try {
      const result = await saveReferenceEdit(data, actor);
      if (!result.ok) {
        setPreview((p) => p && { ...p, result: { kind: 'invalid', issues: result.issues, data } });
        return;
      }
      setPreview(null);
      onOutcome({ ok: true, text: result.changes.length > 0 ? t('reference.import.applied', { version: result.version }) : t('reference.unchanged') });
    } catch (error) {
      setPreview(null);
      onOutcome({ ok: false, text: t('reference.form.failed', { reason: reason(error) }) });
    } finally {
      setApplying(false);
    }
  };

  const reset = async () => {
    if (!actor) return;
    setResetting(true);
    try {
      const result = await resetReferenceToFactory(getApi(), actor);
      if (!result.ok) onOutcome({ ok: false, text: t('reference.reset.failed', { reason: result.issues.map((i) => issueLine(t, i, null)).join('; ') }) });
      else onOutcome({ ok: true, text: result.changes.length > 0 ? t('reference.reset.done', { version: result.version }) : t('reference.reset.same') });
    } catch (error) {
      onOutcome({ ok: false, text: t('reference.reset.failed', { reason: reason(error) }) });
    } finally {
      setResetting(false);
      setConfirmReset(false);
    }
  };

  return (
    <>
      <div className="form-actions ref-actions" role="group" aria-label={t('reference.actions.label')}>
        <button type="button" className="button" onClick={() => void exportBundle()} disabled={exporting} aria-busy={exporting}>
          {exporting ? t('reference.actions.exporting') : t('reference.actions.export')}
        </button>
        {actor ? (
          <>
            <button type="button" className="button" onClick={() => fileInput.current?.click()}>
              {t('reference.actions.import')}
            </button>
            {/* The native file picker: the page gets the file's content, never its path. */}
            <input
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              hidden
              aria-label={t('reference.import.fileLabel')}
              onChange={(event) => {
                const file = event.target.files?.[0];
                // Cleared so choosing the same file again (after fixing it) fires a change.
                event.target.value = '';
                if (file) void readFile(file);
              }}
            />
            <button type="button" className="button button--danger" onClick={() => setConfirmReset(true)}>
              {t('reference.actions.reset')}
            </button>
          </>
        ) : null}
      </div>

      <Dialog open={preview !== null} title={t('reference.import.title')} onClose={() => !applying && setPreview(null)}>
        {preview ? <ImportReport name={preview.name} result={preview.result} applying={applying} onApply={(data) => void apply(data)} onClose={() => setPreview(null)} /> : null}
      </Dialog>

      <Dialog open={confirmReset} title={t('reference.reset.title')} onClose={() => !resetting && setConfirmReset(false)}>
        <p>{t('reference.reset.text', { current: bundle.version, next: bundle.version + 1 })}</p>
        <div className="form-actions">
          <button type="button" className="button button--danger" onClick={() => void reset()} disabled={resetting} aria-busy={resetting}>
            {t('reference.reset.confirm')}
          </button>
          <button type="button" className="button" onClick={() => setConfirmReset(false)} disabled={resetting}>
            {t('reference.reset.cancel')}
          </button>
        </div>
      </Dialog>
    </>
  );
}

function ImportReport({ name, result, applying, onApply, onClose }: { name: string; result: ImportPreview; applying: boolean; onApply(data: unknown): void; onClose(): void }) {
  const { t } = useTranslation();
  const close = (
    <button type="button" className="button" onClick={onClose} disabled={applying}>
      {result.kind === 'changes' ? t('reference.import.cancel') : t('reference.import.close')}
    </button>
  );
  return (
    <>
      <p className="ref-import__file">{t('reference.import.file', { name })}</p>
      {result.kind === 'too_large' ? (
        <p className="errors" role="alert">
          {t('reference.import.tooLarge', { size: (result.bytes / 1_000_000).toFixed(1) })}
        </p>
      ) : null}
      {result.kind === 'not_json' ? (
        <p className="errors" role="alert">
          {t('reference.import.notJson')}
        </p>
      ) : null}
      {result.kind === 'invalid' ? (
        <div className="errors" role="alert">
          <p>{t('reference.import.invalid', { count: result.issues.length })}</p>
          <ul className="ref-import__list">
            {result.issues.slice(0, SHOWN_ISSUES).map((issue, i) => (
              <li key={i}>{issueLine(t, issue, result.data)}</li>
            ))}
          </ul>
          {result.issues.length > SHOWN_ISSUES ? <p>{t('reference.import.moreIssues', { count: result.issues.length - SHOWN_ISSUES })}</p> : null}
        </div>
      ) : null}
      {result.kind === 'unchanged' ? <p role="status">{t('reference.import.same')}</p> : null}
      {result.kind === 'changes' ? (
        <>
          <p>{t('reference.import.changes', { version: result.version, count: result.changes.length })}</p>
          <ul className="ref-import__list">
            {result.changes.map((c) => (
              <li key={`${c.table}.${c.id}`}>{t('reference.changeLine', { table: t(`reference.table.${c.table}`), id: c.id, change: t(`reference.change.${c.change}`) })}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="form-actions">
        {result.kind === 'changes' ? (
          <button type="button" className="button button--primary" onClick={() => onApply(result.data)} disabled={applying} aria-busy={applying}>
            {applying ? t('reference.import.applying') : t('reference.import.apply')}
          </button>
        ) : null}
        {close}
      </div>
    </>
  );
}
