import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { syncAddressSchema, syncFingerprintSchema } from '../../../../shared/ipc/channels/sync';
import { adoptMissionKey, checkApproval, leaveMission, missionState, requestToJoin, type MissionState } from '../../data/mission/membership.repo';
import { formatDateTime } from '../../lib/date-time';
import { describeError } from '../../ui/error-text';

type Note = { kind: 'ok' | 'error'; text: string } | null;
type Joined = Exclude<MissionState, { state: 'off' }>;

const APPROVAL_POLL_MS = 5000;

function NoteLine({ note }: { note: Note }) {
  return (
    <p role="status" className={note ? (note.kind === 'ok' ? 'status status--ok' : 'status status--error') : undefined}>
      {note?.text}
    </p>
  );
}

function JoinForm({ onJoined }: { onJoined: (state: MissionState) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [address, setAddress] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!syncAddressSchema.safeParse(address).success) return setNote({ kind: 'error', text: t('sync.settings.badAddress') });
    const print = syncFingerprintSchema.safeParse(fingerprint);
    if (!print.success) return setNote({ kind: 'error', text: t('sync.settings.badFingerprint') });
    setBusy(true);
    setNote(null);
    try {
      const answer = await requestToJoin(address.trim(), print.data);
      if ('status' in answer) setNote({ kind: 'error', text: t(`sync.settings.refused.${answer.reason}`) });
      else onJoined(answer);
    } catch (error) {
      setNote({ kind: 'error', text: describeError(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-address`}>{t('sync.settings.address')}</label>
        <input id={`${id}-address`} value={address} onChange={(e) => setAddress(e.target.value)} aria-describedby={`${id}-address-hint`} autoComplete="off" spellCheck={false} />
        <div id={`${id}-address-hint`} className="field__hint">
          {t('sync.settings.addressHint')}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-fingerprint`}>{t('sync.settings.fingerprint')}</label>
        <input id={`${id}-fingerprint`} value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} aria-describedby={`${id}-fingerprint-hint`} autoComplete="off" spellCheck={false} />
        <div id={`${id}-fingerprint-hint`} className="field__hint">
          {t('sync.settings.fingerprintHint')}
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('sync.settings.joining') : t('sync.settings.join')}
        </button>
      </div>
      <NoteLine note={note} />
    </form>
  );
}

function ThisPc({ state }: { state: Joined }) {
  const { t } = useTranslation();
  return (
    <dl className="sync-pc">
      <dt>{t('sync.settings.server')}</dt>
      <dd>{state.address}</dd>
      <dt>{t('sync.settings.serverFingerprint')}</dt>
      <dd className="sync-pc-id">{state.fingerprint}</dd>
      <dt>{t('sync.settings.pcName')}</dt>
      <dd>{state.pcName}</dd>
      <dt>{t('sync.settings.pcId')}</dt>
      <dd className="sync-pc-id" data-testid="sync-pc-id">
        {state.pcId}
      </dd>
    </dl>
  );
}

function Pending({ state, onChange }: { state: Joined; onChange: (state: MissionState) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState<Note>(null);
  const check = useCallback(async () => {
    try {
      const answer = await checkApproval();
      if ('status' in answer) setNote({ kind: 'error', text: t('sync.settings.failed', { reason: t(`sync.reason.${answer.reason}`, { defaultValue: answer.reason }) }) });
      else {
        setNote(null);
        if (answer.state !== 'pending') onChange(answer);
      }
    } catch (error) {
      setNote({ kind: 'error', text: describeError(t, error) });
    }
  }, [onChange, t]);
  // Polls until the officer approves the PC on the server.
  useEffect(() => {
    const timer = setInterval(() => void check(), APPROVAL_POLL_MS);
    return () => clearInterval(timer);
  }, [check]);
  return (
    <>
      <p>{t('sync.settings.pending')}</p>
      <pre className="sync-pc-id" data-testid="sync-approve-command">{`node out/main/sync-server.js approve ${state.pcId} 365`}</pre>
      <ThisPc state={state} />
      <p className="muted">{t('sync.settings.waiting')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void check()}>
          {t('sync.settings.checkNow')}
        </button>
      </div>
      <NoteLine note={note} />
    </>
  );
}

function NeedsKey({ state, onChange }: { state: Joined; onChange: (state: MissionState) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setNote(null);
    try {
      const answer = await adoptMissionKey(recoveryKey, password);
      if (answer.status === 'ok') onChange(await missionState());
      else if (answer.status === 'refused') setNote({ kind: 'error', text: t(`sync.settings.keyRefused.${answer.reason}`) });
      else setNote({ kind: 'error', text: t('sync.settings.failed', { reason: t(`sync.reason.${answer.reason}`, { defaultValue: answer.reason }) }) });
    } catch (error) {
      setNote({ kind: 'error', text: describeError(t, error) });
    } finally {
      setBusy(false);
      setPassword('');
    }
  };
  return (
    <>
      <ThisPc state={state} />
      <p>{t('sync.settings.needsKey')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-key`}>{t('sync.settings.recoveryKey')}</label>
          <input id={`${id}-key`} value={recoveryKey} onChange={(e) => setRecoveryKey(e.target.value)} autoComplete="off" spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('sync.settings.password')}</label>
          <input id={`${id}-password`} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy || !recoveryKey || !password}>
            {t('sync.settings.adopt')}
          </button>
        </div>
        <NoteLine note={note} />
      </form>
    </>
  );
}

function JoinedView({ state, onChange }: { state: Joined; onChange: (state: MissionState) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const leave = async () => {
    try {
      await leaveMission();
      onChange({ state: 'off' });
    } catch (error) {
      setNote({ kind: 'error', text: describeError(t, error) });
    }
  };
  return (
    <>
      <p className="status status--ok">{t('sync.settings.joined')}</p>
      {state.missionKey ? <p className="muted">{t('sync.settings.missionKeyFirst')}</p> : null}
      <p>{t('sync.settings.since', { date: formatDateTime(state.since) })}</p>
      <ThisPc state={state} />
      <p>
        <a href="#/sync/conflicts">{t('sync.settings.conflictsLink')}</a>
      </p>
      {confirming ? (
        <div className="backup-confirm" role="alertdialog" aria-label={t('sync.settings.leave')}>
          <p>{t('sync.settings.leaveConfirm')}</p>
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={() => void leave()}>
              {t('sync.settings.leave')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)} autoFocus>
              {t('sync.settings.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {t('sync.settings.leave')}
          </button>
        </div>
      )}
      <NoteLine note={note} />
    </>
  );
}

/** Settings → «Синхронизация» (#/settings/sync): the IT officer joins this PC to the mission server, or leaves it. */
export function SyncSettingsScreen() {
  const { t } = useTranslation();
  const [state, setState] = useState<MissionState | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [left, setLeft] = useState(false);
  useEffect(() => {
    missionState().then(setState, (error: unknown) => setFailed(describeError(t, error)));
  }, [t]);
  const change = useCallback((next: MissionState) => {
    setLeft(next.state === 'off');
    setState(next);
  }, []);
  return (
    <div className="screen sync-screen">
      <p>
        <a href="#/settings">{t('sync.settings.back')}</a>
      </p>
      <h1>{t('sync.settings.title')}</h1>
      <p>{t('sync.settings.intro')}</p>
      {failed ? <p className="status status--error">{failed}</p> : null}
      {state ? (
        <section className="panel" aria-live="polite">
          {state.state === 'off' ? (
            <>
              {left ? <p className="status status--ok">{t('sync.settings.left')}</p> : null}
              <p>{t('sync.settings.off')}</p>
              <JoinForm onJoined={change} />
            </>
          ) : state.state === 'pending' ? (
            <Pending state={state} onChange={change} />
          ) : state.state === 'needs_key' ? (
            <NeedsKey state={state} onChange={change} />
          ) : (
            <JoinedView state={state} onChange={change} />
          )}
        </section>
      ) : null}
    </div>
  );
}
