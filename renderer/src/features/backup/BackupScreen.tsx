import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_CHARS, type AuditCheck, type BackupStatus, type BackupSummary } from '../../../../shared/ipc/channels/backup';
import { isStrongEnough, passwordStrength } from '../../../../shared/security/password-strength';
import { getApi } from '../../api';
import { appDbVersion, closeAppDb, pointedDbName } from '../../data/app-db';
import { formatDateTime } from '../../lib/date-time';
import { percentOf, useActivity } from '../../data/backup/activity.store';
import { allowUnloadWithoutBackup } from './auto-backup';
import { runBackup, type BackupOutcome } from '../../data/backup/backup.repo';
import { runRestore, type RestoreOutcome } from '../../data/backup/restore.repo';
import { TimeLeft } from './TimeLeft';

/** After a successful restore the page reloads onto the new database; this note says so on the way back. */
const RESTORED_NOTE = 'aryz-restored-note';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type Note = { kind: 'ok' | 'error'; text: string } | null;

function Progress({ label }: { label: string }) {
  const activity = useActivity();
  if (!activity) return null;
  const percent = percentOf(activity);
  return (
    <div className="backup-progress" data-phase={activity.phase}>
      <progress max={100} value={percent} aria-label={label} />
      <span>{percent} %</span>
      <TimeLeft activity={activity} />
    </div>
  );
}

function PassphraseSection({ status, onChange }: { status: BackupStatus; onChange: (s: BackupStatus) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [note, setNote] = useState<Note>(null);
  const strength = first === '' ? null : passwordStrength(first);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (first.length < PASSPHRASE_MIN_CHARS) return setNote({ kind: 'error', text: t('backup.passphrase.tooShort', { min: PASSPHRASE_MIN_CHARS }) });
    if (!isStrongEnough(first)) return setNote({ kind: 'error', text: t('backup.passphrase.weak') });
    if (first !== second) return setNote({ kind: 'error', text: t('backup.passphrase.mismatch') });
    const result = await getApi().setBackupPassphrase({ passphrase: first, ...(status.passphraseSet ? { current } : {}) });
    if (!result.ok) return setNote({ kind: 'error', text: t('backup.failure.IPC_ERROR') });
    if ('refused' in result.value) {
      return setNote({ kind: 'error', text: t(result.value.refused === 'wrong_current' ? 'backup.passphrase.wrongCurrent' : 'backup.passphrase.weak') });
    }
    setCurrent('');
    setFirst('');
    setSecond('');
    onChange(result.value);
    setNote({ kind: 'ok', text: t('backup.passphrase.saved') });
  };
  return (
    <section className="panel backup-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('backup.passphrase.title')}</h2>
      <p>{status.passphraseSet ? t('backup.passphrase.set') : t('backup.passphrase.notSet')}</p>
      {status.passphraseKept === 'os' ? <p className="muted">{t('backup.passphrase.keptOs')}</p> : null}
      {status.passphraseKept === 'session' ? <p className="muted">{t('backup.passphrase.keptSession')}</p> : null}
      <p className="muted">{t('backup.passphrase.safe')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {status.passphraseSet ? (
          <div className="field">
            <label htmlFor={`${id}-current`}>{t('backup.passphrase.current')}</label>
            <input id={`${id}-current`} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} aria-describedby={`${id}-current-hint`} />
            <div id={`${id}-current-hint`} className="field__hint">
              {t('backup.passphrase.currentHint')}
            </div>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-new`}>{t('backup.passphrase.new')}</label>
          <input id={`${id}-new`} type="password" autoComplete="new-password" value={first} onChange={(e) => setFirst(e.target.value)} aria-describedby={`${id}-hint ${id}-strength`} />
          <div id={`${id}-hint`} className="field__hint">
            {t('backup.passphrase.hint', { min: PASSPHRASE_MIN_CHARS })}
          </div>
          <div id={`${id}-strength`} className="field__hint" aria-live="polite" data-strength={strength?.level ?? ''}>
            {strength ? (
              <>
                <meter min={0} max={4} low={2} high={3} optimum={4} value={strength.score} aria-hidden="true" /> {t(`backup.passphrase.strength.${strength.level}`)}
              </>
            ) : null}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-repeat`}>{t('backup.passphrase.repeat')}</label>
          <input id={`${id}-repeat`} type="password" autoComplete="new-password" value={second} onChange={(e) => setSecond(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t('backup.passphrase.save')}
          </button>
          <span role="status" className={note?.kind === 'ok' ? 'status status--ok' : 'status status--error'}>
            {note?.text}
          </span>
        </div>
      </form>
    </section>
  );
}

function FolderSection({ status, onChange }: { status: BackupStatus; onChange: (s: BackupStatus) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const choose = async () => {
    const result = await getApi().chooseBackupFolder({});
    if (result.ok && !result.value.canceled) onChange(result.value.status);
  };
  const reset = async () => {
    const result = await getApi().resetBackupFolder({});
    if (result.ok) onChange(result.value);
  };
  return (
    <section className="panel backup-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('backup.folder.title')}</h2>
      <p className="backup-folder">{t('backup.folder.current', { folder: status.folder ?? t('backup.folder.default', { folder: status.defaultFolder }) })}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void choose()}>
          {t('backup.folder.choose')}
        </button>
        {status.folder !== null ? (
          <button type="button" className="button" onClick={() => void reset()}>
            {t('backup.folder.useDefault')}
          </button>
        ) : null}
      </div>
    </section>
  );
}

function BackupNowSection({ status, refresh }: { status: BackupStatus; refresh: () => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<BackupOutcome | null>(null);
  const run = async () => {
    setRunning(true);
    setOutcome(null);
    try {
      setOutcome(await runBackup(getApi(), 'manual'));
    } finally {
      setRunning(false);
      await refresh();
    }
  };
  return (
    <section className="panel backup-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('backup.now.title')}</h2>
      <p>
        {status.lastBackup
          ? t('backup.now.last', { date: formatDateTime(status.lastBackup.at), file: status.lastBackup.fileName, size: formatSize(status.lastBackup.bytes) })
          : t('backup.now.none')}
      </p>
      {status.lastFailure ? (
        <p className="status status--error">
          {t('backup.now.lastFailure', { date: formatDateTime(status.lastFailure.at), reason: t(`backup.failure.${status.lastFailure.reason}`) })}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={running || !status.passphraseSet} onClick={() => void run()}>
          {running ? t('backup.now.running') : t('backup.now.run')}
        </button>
        <span role="status" className={outcome?.status === 'done' ? 'status status--ok' : 'status status--error'} data-testid="backup-outcome">
          {outcome?.status === 'done' ? t('backup.now.done', { file: outcome.fileName, size: formatSize(outcome.bytes) }) : null}
          {outcome?.status === 'failed' ? t(`backup.failure.${outcome.reason}`) : null}
          {outcome?.status === 'done' && outcome.audit && !outcome.audit.ok ? ` ${t('backup.auditCheck.backupBroken', { seq: outcome.audit.brokenSeq })}` : null}
        </span>
      </div>
      {running ? <Progress label={t('backup.now.running')} /> : null}
    </section>
  );
}

type RestoreStep =
  | { step: 'idle' }
  | { step: 'picked'; pick: string; fileName: string }
  | { step: 'opened'; pick: string; fileName: string; restore: string; summary: BackupSummary }
  | { step: 'running'; summary: BackupSummary }
  /** The restored audit chain is broken: the restore waits (nothing committed) for the administrator's decision. */
  | { step: 'chain'; summary: BackupSummary; check: Extract<AuditCheck, { ok: false }>; decide: (restoreAnyway: boolean) => void };

function AuditCheckText({ check }: { check: AuditCheck | null }) {
  const { t } = useTranslation();
  if (!check) return <>{t('backup.auditCheck.unknown')}</>;
  return <>{check.ok ? t('backup.auditCheck.intact', { count: check.rows }) : t('backup.auditCheck.broken', { seq: check.brokenSeq })}</>;
}

function SummaryView({ summary }: { summary: BackupSummary }) {
  const { t } = useTranslation();
  const tables = Object.entries(summary.counts).filter(([, n]) => n > 0);
  return (
    <div className="backup-summary">
      <h3>{t('backup.restore.holds')}</h3>
      <dl>
        <dt>{t('backup.restore.createdAt')}</dt>
        <dd>{formatDateTime(summary.createdAt)}</dd>
        <dt>{t('backup.restore.appVersion')}</dt>
        <dd>{summary.appVersion}</dd>
        <dt>{t('backup.restore.schema')}</dt>
        <dd>{summary.schemaVersion}</dd>
        <dt>{t('backup.auditCheck.label')}</dt>
        <dd>
          <AuditCheckText check={summary.audit} />
        </dd>
        <dt>{t('backup.restore.attachments')}</dt>
        <dd>{t('backup.restore.attachmentsValue', { count: summary.attachments, size: formatSize(summary.attachmentBytes) })}</dd>
      </dl>
      <table className="backup-counts">
        <thead>
          <tr>
            <th scope="col">{t('backup.restore.table')}</th>
            <th scope="col">{t('backup.restore.rows')}</th>
          </tr>
        </thead>
        <tbody>
          {tables.map(([name, count]) => (
            <tr key={name}>
              <td>{name}</td>
              <td>{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RestoreSection() {
  const { t } = useTranslation();
  const id = useId();
  const [state, setState] = useState<RestoreStep>({ step: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(() => {
    const restored = sessionStorage.getItem(RESTORED_NOTE);
    return restored ? { kind: 'ok', text: t('backup.restore.restored', { date: restored }) } : null;
  });
  // Consumed once the screen is really shown: a render React discards (a suspended one) must not eat the note.
  useEffect(() => sessionStorage.removeItem(RESTORED_NOTE), []);
  const refusal = (reason: string, summary?: BackupSummary) => setNote({ kind: 'error', text: t(`backup.refused.${reason}`, { schema: summary?.schemaVersion ?? '' }) });

  const pick = async () => {
    setNote(null);
    const result = await getApi().pickRestoreFile({});
    if (!result.ok) return refusal('IPC_ERROR');
    if (result.value.status === 'canceled') return;
    if (result.value.status === 'refused') {
      setState({ step: 'idle' });
      return refusal(result.value.reason);
    }
    setState({ step: 'picked', pick: result.value.pick, fileName: result.value.fileName });
  };

  const open = async (event: FormEvent) => {
    event.preventDefault();
    if (state.step !== 'picked' && state.step !== 'opened') return;
    setBusy(true);
    setNote(null);
    try {
      const result = await getApi().openRestore({ pick: state.pick, passphrase, schemaVersion: appDbVersion() });
      if (!result.ok) return refusal('IPC_ERROR');
      if (result.value.status === 'refused') return refusal(result.value.reason, result.value.summary);
      setState({ step: 'opened', pick: state.pick, fileName: state.fileName, restore: result.value.restore, summary: result.value.summary });
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (state.step !== 'opened') return;
    const { restore, summary } = state;
    setState({ step: 'running', summary });
    setNote(null);
    let outcome: RestoreOutcome;
    try {
      outcome = await runRestore(getApi(), restore, summary, pointedDbName(), Date.now(), (check) =>
        new Promise<boolean>((resolve) =>
          setState({
            step: 'chain',
            summary,
            check,
            decide: (restoreAnyway) => {
              setState({ step: 'running', summary });
              resolve(restoreAnyway);
            },
          }),
        ),
      );
    } catch (error) {
      console.warn('restore failed:', error);
      outcome = { status: 'refused', reason: 'IMPORT_FAILED' };
    }
    if (outcome.status === 'restored') {
      sessionStorage.setItem(RESTORED_NOTE, formatDateTime(summary.createdAt));
      closeAppDb();
      allowUnloadWithoutBackup();
      window.location.reload();
      return;
    }
    setState({ step: 'idle' });
    setPassphrase('');
    if (outcome.reason === 'AUDIT_BROKEN') setNote({ kind: 'error', text: t('backup.refused.AUDIT_BROKEN', { seq: outcome.audit && !outcome.audit.ok ? outcome.audit.brokenSeq : '' }) });
    else refusal(outcome.reason, summary);
  };

  const cancel = async () => {
    if (state.step === 'opened') await getApi().cancelRestore({ restore: state.restore });
    setState({ step: 'idle' });
    setPassphrase('');
  };

  return (
    <section className="panel backup-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('backup.restore.title')}</h2>
      <p>{t('backup.restore.intro')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void pick()} disabled={state.step === 'running'}>
          {t('backup.restore.pick')}
        </button>
        {state.step === 'picked' || state.step === 'opened' ? <span className="backup-file">{t('backup.restore.file', { file: state.fileName })}</span> : null}
      </div>
      {state.step === 'picked' || state.step === 'opened' ? (
        <form onSubmit={(event) => void open(event)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-pass`}>{t('backup.restore.passphrase')}</label>
            <input id={`${id}-pass`} type="password" autoComplete="off" aria-describedby={`${id}-pass-hint`} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
            <div id={`${id}-pass-hint`} className="field__hint">
              {t('backup.restore.passphraseHint')}
            </div>
          </div>
          <div className="form-actions">
            {/* Empty is allowed: a copy sealed by this installation's data key needs no passphrase here. */}
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('backup.restore.opening') : t('backup.restore.open')}
            </button>
          </div>
        </form>
      ) : null}
      {state.step === 'opened' || state.step === 'running' || state.step === 'chain' ? <SummaryView summary={state.summary} /> : null}
      {state.step === 'opened' ? (
        <div className="backup-confirm">
          <p>{t('backup.restore.confirmWarning', { date: formatDateTime(state.summary.createdAt) })}</p>
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={() => void confirm()}>
              {t('backup.restore.confirm')}
            </button>
            <button type="button" className="button" onClick={() => void cancel()}>
              {t('backup.restore.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {state.step === 'chain' ? (
        <div className="backup-confirm" role="alertdialog" aria-labelledby={`${id}-chain`}>
          <h3 id={`${id}-chain`}>{t('backup.auditCheck.restoreTitle')}</h3>
          <p className="errors">{t(`backup.auditCheck.restoreBroken.${state.check.reason}`, { seq: state.check.reason === 'head' ? state.check.rows : state.check.brokenSeq })}</p>
          <p>{t('backup.auditCheck.restoreQuestion')}</p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => state.decide(true)}>
              {t('backup.auditCheck.restoreAnyway')}
            </button>
            <button type="button" className="button button--primary" autoFocus onClick={() => state.decide(false)}>
              {t('backup.auditCheck.restoreCancel')}
            </button>
          </div>
        </div>
      ) : null}
      {state.step === 'running' ? (
        <>
          <p>{t('backup.restore.running')}</p>
          <Progress label={t('backup.restore.running')} />
        </>
      ) : null}
      <p role="status" className={note?.kind === 'ok' ? 'status status--ok' : 'status status--error'} data-testid="restore-note">
        {note?.text}
      </p>
    </section>
  );
}

/** #/settings/backup: passphrase, folder, back up now, restore. */
export function BackupScreen() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [failed, setFailed] = useState(false);
  const refresh = useCallback(async () => {
    const result = await getApi().getBackupStatus({});
    if (result.ok) setStatus(result.value);
    else setFailed(true);
  }, []);
  useEffect(() => {
    let alive = true;
    getApi()
      .getBackupStatus({})
      .then(
        (result) => {
          if (!alive) return;
          if (result.ok) setStatus(result.value);
          else setFailed(true);
        },
        () => alive && setFailed(true),
      );
    return () => {
      alive = false;
    };
  }, []);

  return (
    <div className="screen backup-screen">
      <p>
        <a href="#/settings">{t('backup.back')}</a>
      </p>
      <h1>{t('backup.title')}</h1>
      <p>{t('backup.intro')}</p>
      {failed ? <p className="status status--error">{t('backup.failure.IPC_ERROR')}</p> : null}
      {status ? (
        <>
          <PassphraseSection status={status} onChange={setStatus} />
          <FolderSection status={status} onChange={setStatus} />
          <BackupNowSection status={status} refresh={refresh} />
        </>
      ) : (
        <p role="status">{t('app.loading')}</p>
      )}
      <RestoreSection />
    </div>
  );
}
