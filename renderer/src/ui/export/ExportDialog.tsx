import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api';
import { Dialog } from '../Dialog';
import { describeIpcError } from '../ipc-error';
import { runExport, type ExportSpec, type RowSource } from './run-export';
import { describeError } from '../error-text';
import { recordAct } from '../../data/audit.repo';

interface Props {
  open: boolean;
  title: string;
  hint?: string;
  /** The file name without extension and the sheet name. */
  baseName: string;
  sheetName: string;
  columns: ExportSpec['columns'];
  /** What is exported, for the audit row the saved file leaves. */
  what: 'cases' | 'register';
  /** Opened when the caseworker starts the export, so it reflects what the screen shows at that moment. */
  source(): Promise<RowSource>;
  onClose(): void;
}

type State = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'finished'; text: string; error: boolean };

/** Format choice, progress with a stop button, and the outcome; the file goes through main's save dialog. */
export function ExportDialog({ open, title, hint, baseName, sheetName, columns, what, source, onClose }: Props) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const stop = useRef(false);

  const start = async () => {
    stop.current = false;
    setState({ kind: 'running', done: 0, total: 0 });
    try {
      const rows = await source();
      const outcome = await runExport(getApi(), { format, fileName: baseName, sheetName, columns }, rows, {
        onProgress: (done, total) => setState({ kind: 'running', done, total }),
        shouldStop: () => stop.current,
      });
      if (outcome.status === 'failed') setState({ kind: 'finished', text: describeIpcError(t, outcome.error), error: true });
      else if (outcome.status === 'refused') setState({ kind: 'finished', text: t(`export.refused.${outcome.reason}`), error: true });
      else if (outcome.status === 'stopped') setState({ kind: 'finished', text: t('export.stopped'), error: false });
      else if (outcome.status === 'saved') {
        await recordAct({ action: 'export', entity: what, entityId: format, note: `${format}: ${outcome.rows}` }).catch((error: unknown) => console.warn('export audit row:', error));
        setState({ kind: 'finished', text: t('export.saved', { name: outcome.fileName, count: outcome.rows }), error: false });
      }
      else setState({ kind: 'finished', text: t('export.notSaved'), error: false });
    } catch (error) {
      setState({ kind: 'finished', text: describeError(t, error), error: true });
    }
  };

  const running = state.kind === 'running';
  return (
    <Dialog open={open} title={title} onClose={() => (running ? (stop.current = true) : onClose())}>
      <div className="export-dialog">
        {hint ? <p>{hint}</p> : null}
        <fieldset disabled={running}>
          <legend>{t('export.format')}</legend>
          <label>
            <input type="radio" name="export-format" value="xlsx" checked={format === 'xlsx'} onChange={() => setFormat('xlsx')} /> {t('export.xlsx')}
          </label>{' '}
          <label>
            <input type="radio" name="export-format" value="csv" checked={format === 'csv'} onChange={() => setFormat('csv')} /> {t('export.csv')}
          </label>
        </fieldset>
        {running ? (
          <div>
            <label htmlFor="export-progress">{t('export.progress', { done: state.done, total: state.total })}</label>
            <progress id="export-progress" max={Math.max(1, state.total)} value={state.done} />
          </div>
        ) : null}
        {state.kind === 'finished' ? <p role="status" className={state.error ? 'status--error' : 'status--ok'}>{state.text}</p> : null}
        <div className="export-dialog__actions">
          {running ? (
            <button type="button" className="button button--danger" onClick={() => (stop.current = true)}>{t('export.stop')}</button>
          ) : (
            <>
              <button type="button" className="button" onClick={onClose}>{t('export.close')}</button>
              <button type="button" className="button button--primary" onClick={() => void start()}>{t('export.start')}</button>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
