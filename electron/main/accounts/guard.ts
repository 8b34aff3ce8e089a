import type { Channel } from '../../../shared/ipc/contract';
import { HandlerError, type CallContext, type HandlerTable } from '../ipc/dispatch';
import { clientOf } from './handlers';
import { AccountError, type AccountService } from './store';

/**
 * Channels a page may call with nobody signed in or while locked: they carry no personal data. Everything else
 * needs an unlocked session, so a locked app cannot read a scan, write a document or take a backup.
 */
export const OPEN_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'app:info',
  // The UI language drives the native menu, which the sign-in screen shows too.
  'app:setLanguage',
  'reference:factory',
  'templates:factory',
  'accounts:status',
  'accounts:setup',
  'accounts:signIn',
  'accounts:resume',
  'accounts:recover',
  'accounts:lock',
  'accounts:signOut',
]);

/**
 * Administrator's work: backup settings and restore, transfers between PCs, reference data export, templates and
 * accounts. Taking a backup (backup:begin…finish) stays open to every session: the daily and pre-upgrade backups run
 * whoever is signed in.
 */
export const ADMIN_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'backup:setPassphrase',
  'backup:chooseFolder',
  'backup:useDefaultFolder',
  'backup:restorePick',
  'backup:restoreOpen',
  'backup:restoreRead',
  'backup:restoreCommit',
  'backup:restoreCancel',
  'transfer:export',
  'transfer:pick',
  'transfer:open',
  'transfer:storeFiles',
  'transfer:discard',
  'reference:export',
  // The template editor's live preview: templates are the administrator's.
  'templates:preview',
  // The accounts store refuses these for a caseworker too; the guard says so before the store is reached.
  'accounts:add',
  'accounts:resetPassword',
  'accounts:update',
  'accounts:setIdle',
  // Joining this PC to a mission server, handing over or adopting the mission's key, and leaving: the IT officer's.
  // Pulls, pushes and the live wait run in every session, as the replication does for whoever is signed in.
  'sync:join',
  'sync:checkApproval',
  'sync:adoptKey',
  'sync:leave',
]);

/** The one channel a session whose password was reset may call (besides the open ones): choosing a new password. */
const PASSWORD_CHANGE_CHANNEL: Channel = 'accounts:changePassword';

/** Wraps every handler with the session check its channel needs; the accounts store enforces its own roles too. */
export function guardHandlers(table: HandlerTable, accounts: AccountService): HandlerTable {
  const guarded: Record<string, unknown> = {};
  for (const [channel, handler] of Object.entries(table) as [Channel, (request: unknown, ctx: CallContext) => Promise<unknown>][]) {
    if (OPEN_CHANNELS.has(channel)) {
      guarded[channel] = handler;
      continue;
    }
    const role = ADMIN_CHANNELS.has(channel) ? 'admin' : undefined;
    guarded[channel] = (request: unknown, ctx: CallContext) => {
      try {
        accounts.requireSession(clientOf(ctx), role, channel === PASSWORD_CHANGE_CHANNEL);
      } catch (error) {
        if (error instanceof AccountError) throw new HandlerError(error.code === 'NOT_PERMITTED' ? 'NOT_PERMITTED' : 'LOCKED');
        throw error;
      }
      return handler(request, ctx);
    };
  }
  return guarded as HandlerTable;
}
