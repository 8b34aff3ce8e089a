import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionSnapshot, subscribeSession } from '../../lib/session';
import { accountsStatus, lockSession, recordAuthEvents, signOut } from './access-api';
import { useSignInForm } from './AccessGate';
import { isLockShortcut, watchIdle } from './idle';

/** How often the page asks main whether the OS lock or sleep has locked the session meanwhile. */
const OS_LOCK_POLL_MS = 2_000;

/**
 * Keeps the app mounted under the lock screen, so whatever was typed and not yet saved is still there after
 * unlocking; while locked the app underneath is inert (no focus, no clicks) and hidden from assistive tech.
 */
export function LockLayer({ idleMinutes: initialIdleMinutes, children }: { idleMinutes: number; children: ReactNode }) {
  const session = useSyncExternalStore(subscribeSession, sessionSnapshot);
  // The administrator may change the idle time meanwhile: the poll below brings the new value to every window.
  const [idleMinutes, setIdleMinutes] = useState(initialIdleMinutes);
  const locked = session.info !== null && session.key === null;
  const appRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (locked) return;
    const stopIdle = watchIdle(window, idleMinutes * 60_000, () => void lockSession('idle'));
    const onKey = (event: KeyboardEvent) => {
      if (!isLockShortcut(event)) return;
      event.preventDefault();
      void lockSession('shortcut');
    };
    window.addEventListener('keydown', onKey, { capture: true });
    const poll = setInterval(() => {
      void accountsStatus()
        .then((status) => {
          setIdleMinutes(status.idleMinutes);
          if (status.session === null || status.session.locked) void lockSession('user');
        })
        .catch(() => undefined);
    }, OS_LOCK_POLL_MS);
    return () => {
      stopIdle();
      window.removeEventListener('keydown', onKey, { capture: true });
      clearInterval(poll);
    };
  }, [locked, idleMinutes]);

  useEffect(() => {
    appRef.current?.toggleAttribute('inert', locked);
  }, [locked]);

  return (
    <>
      <div ref={appRef} className={locked ? 'lock-layer__app lock-layer__app--hidden' : 'lock-layer__app'} aria-hidden={locked || undefined}>
        {children}
      </div>
      {locked ? <LockScreen name={session.info!.name} accountId={session.info!.accountId} /> : null}
    </>
  );
}

function LockScreen({ name, accountId }: { name: string; accountId: string }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const form = useSignInForm(() => {
    setPassword('');
    void recordAuthEvents().catch((error: unknown) => console.warn('sign-in events:', error));
  });
  const id = useId();
  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`}>
      <form
        className="lock-screen__box"
        onSubmit={(event) => {
          event.preventDefault();
          void form.attempt(accountId, password);
        }}
      >
        <h1 id={`${id}-title`}>{t('access.lock.title')}</h1>
        <p>{t('access.lock.who', { name })}</p>
        <div className="field">
          <label htmlFor={id}>{t('access.lock.password')}</label>
          <input id={id} type="password" autoFocus autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        {form.message ? <p className="errors" role="alert">{form.message}</p> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={form.busy || password === ''}>
            {t('access.lock.unlock')}
          </button>
          <button
            type="button"
            className="button"
            title={t('access.lock.signOutNote')}
            onClick={() => {
              void signOut().finally(() => window.location.reload());
            }}
          >
            {t('access.lock.signOut')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** The header's account name, lock button and sign-out. */
export function AccountBar() {
  const { t } = useTranslation();
  const session = useSyncExternalStore(subscribeSession, sessionSnapshot);
  if (!session.info) return null;
  return (
    <div className="account-bar">
      <span>{t('access.signedInAs', { name: session.info.name, role: t(`access.role.${session.info.role}`) })}</span>
      <button type="button" className="button button--small" title={t('access.lock.shortcut')} aria-keyshortcuts="Control+Shift+L" onClick={() => void lockSession('user')}>
        {t('access.lock.button')}
      </button>
      <button type="button" className="button button--small" onClick={() => void signOut().finally(() => window.location.reload())}>
        {t('access.signOut')}
      </button>
    </div>
  );
}
