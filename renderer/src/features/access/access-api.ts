import { getApi } from '../../api';
import { writeSessionEvents } from '../../data/audit.repo';
import { db } from '../../data/schema';
import { beginSession, endSession, lockLocally, type SessionInfo } from '../../lib/session';
import type { RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import type { IpcError } from '../../../../shared/ipc/result';

/** Calls to main's accounts channels; an IPC failure becomes an error the screens show. */
export class AccessCallError extends Error {
  constructor(readonly error: IpcError) {
    super(error.code);
  }
}

async function unwrap<T>(call: Promise<{ ok: true; value: T } | { ok: false; error: IpcError }>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new AccessCallError(result.error);
  return result.value;
}

export type AccountsStatus = ResponseOf<'accounts:status'>;

export const accountsStatus = () => unwrap(getApi().getAccountsStatus({}));

export async function setUpAdministrator(request: RequestOf<'accounts:setup'>): Promise<ResponseOf<'accounts:setup'>> {
  const answer = await unwrap(getApi().setUpAccounts(request));
  if (answer.status === 'ok') beginSession(answer.session, answer.dataKey);
  return answer;
}

export async function signIn(request: RequestOf<'accounts:signIn'>): Promise<ResponseOf<'accounts:signIn'>> {
  const answer = await unwrap(getApi().signIn(request));
  if (answer.status === 'ok') beginSession(answer.session, answer.dataKey);
  return answer;
}

/** True when this window's session was still unlocked in main (the page was reloaded). */
export async function resumeSession(): Promise<boolean> {
  const answer = await unwrap(getApi().resumeSession({}));
  if (answer.status !== 'ok') return false;
  beginSession(answer.session, answer.dataKey);
  return true;
}

/** Locks here at once (the key is dropped before main answers), then in main. */
export async function lockSession(reason: 'idle' | 'shortcut' | 'user'): Promise<void> {
  lockLocally();
  await unwrap(getApi().lockSession({ reason }));
}

export async function signOut(): Promise<void> {
  endSession();
  await unwrap(getApi().signOut({}));
}

/** Moves main's pending sign-in events into the chained audit (needs the database open and the session unlocked). */
export async function recordAuthEvents(): Promise<void> {
  const { events } = await unwrap(getApi().drainAuthEvents({}));
  if (events.length > 0) await writeSessionEvents(db(), events);
}

export const recoverAdministrator = (request: RequestOf<'accounts:recover'>) => unwrap(getApi().recoverAccount(request));

export type { SessionInfo };
