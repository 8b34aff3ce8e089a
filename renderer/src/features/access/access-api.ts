import { getApi } from '../../api';
import { writeSessionEvents } from '../../data/audit.repo';
import { beginSession, endSession, lockLocally, passwordChanged, type SessionInfo } from '../../lib/session';
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
  if (events.length > 0) await writeSessionEvents(events);
}

/** Records what main noted (a management act, a password change) in the audit at once; a failure only waits for the next sign-in. */
function recordSoon(): void {
  void recordAuthEvents().catch((error: unknown) => console.warn('account events:', error));
}

export async function changeOwnPassword(request: RequestOf<'accounts:changePassword'>, record = true): Promise<ResponseOf<'accounts:changePassword'>> {
  const answer = await unwrap(getApi().changePassword(request));
  if (answer.status === 'ok') {
    passwordChanged();
    // Before sign-in is complete (a reset password) the database is not open yet: the next drain records it.
    if (record) recordSoon();
  }
  return answer;
}

export async function addAccount(request: RequestOf<'accounts:add'>): Promise<ResponseOf<'accounts:add'>> {
  const answer = await unwrap(getApi().addAccount(request));
  if (answer.status === 'ok') recordSoon();
  return answer;
}

export async function resetAccountPassword(request: RequestOf<'accounts:resetPassword'>): Promise<ResponseOf<'accounts:resetPassword'>> {
  const answer = await unwrap(getApi().resetPassword(request));
  if (answer.status === 'ok') recordSoon();
  return answer;
}

export async function updateAccount(request: RequestOf<'accounts:update'>): Promise<ResponseOf<'accounts:update'>> {
  const answer = await unwrap(getApi().updateAccount(request));
  if (answer.status === 'ok') recordSoon();
  return answer;
}

export async function setIdleMinutes(minutes: number): Promise<ResponseOf<'accounts:setIdle'>> {
  const answer = await unwrap(getApi().setIdleMinutes({ minutes }));
  if (answer.status === 'ok') recordSoon();
  return answer;
}

export const recoverAdministrator = (request: RequestOf<'accounts:recover'>) => unwrap(getApi().recoverAccount(request));

export type { SessionInfo };
