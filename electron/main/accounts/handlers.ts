import type { ACCOUNTS_CHANNELS } from '../../../shared/ipc/channels/accounts';
import type { CallContext, HandlerTable } from '../ipc/dispatch';
import { AccountError, WeakPasswordError, type AccountService, type Session } from './store';

type AccountsHandlers = Pick<HandlerTable, keyof typeof ACCOUNTS_CHANNELS>;

/** The session a call belongs to: its window, or the single caller of a host without windows. */
export const clientOf = (ctx: CallContext): string => ctx.client ?? 'default';

const sessionInfo = (s: Session) => ({ accountId: s.accountId, name: s.name, position: s.position, role: s.role, mustChangePassword: s.mustChangePassword });

/** Turns the store's refusals into answers the page words; anything else stays an error. */
async function answer<T>(run: () => Promise<T>): Promise<T | { status: 'weak'; problem: WeakPasswordError['problem'] } | { status: 'refused'; reason: AccountError['code'] }> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof WeakPasswordError) return { status: 'weak', problem: error.problem };
    if (error instanceof AccountError) return { status: 'refused', reason: error.code };
    throw error;
  }
}

export function createAccountsHandlers(accounts: AccountService): AccountsHandlers {
  return {
    'accounts:status': (_request, ctx) => accounts.status(clientOf(ctx)),
    'accounts:setup': (request, ctx) =>
      answer(async () => {
        const { recoveryKey, session } = await accounts.setup(clientOf(ctx), request);
        return { status: 'ok' as const, recoveryKey, session: sessionInfo(session), dataKey: session.dataKey!.toString('base64') };
      }),
    'accounts:signIn': async (request, ctx) => {
      const outcome = await accounts.signIn(clientOf(ctx), request);
      if (outcome.status !== 'ok') return outcome;
      return { status: 'ok', session: sessionInfo(outcome.session), dataKey: outcome.session.dataKey!.toString('base64') };
    },
    'accounts:resume': async (_request, ctx) => {
      const session = accounts.resume(clientOf(ctx));
      return session ? { status: 'ok', session: sessionInfo(session), dataKey: session.dataKey.toString('base64') } : { status: 'none' };
    },
    'accounts:lock': async (request, ctx) => {
      await accounts.lock(clientOf(ctx), request.reason);
      return {};
    },
    'accounts:signOut': async (_request, ctx) => {
      await accounts.signOut(clientOf(ctx));
      return {};
    },
    'accounts:changePassword': (request, ctx) => answer(async () => ({ status: await accounts.changePassword(clientOf(ctx), request) })),
    'accounts:add': (request, ctx) => answer(async () => ({ status: 'ok' as const, account: await accounts.addAccount(clientOf(ctx), request) })),
    'accounts:resetPassword': (request, ctx) =>
      answer(async () => {
        await accounts.resetPassword(clientOf(ctx), request);
        return { status: 'ok' as const };
      }),
    'accounts:update': (request, ctx) =>
      answer(async () => ({ status: 'ok' as const, account: await accounts.updateAccount(clientOf(ctx), request) })) as ReturnType<AccountsHandlers['accounts:update']>,
    'accounts:setIdle': (request, ctx) =>
      answer(async () => {
        await accounts.setIdleMinutes(clientOf(ctx), request.minutes);
        return { status: 'ok' as const };
      }) as ReturnType<AccountsHandlers['accounts:setIdle']>,
    'accounts:recover': (request) => answer(async () => ({ status: await accounts.recover(request) })),
    // Events are handed only to an unlocked session (it can write them into the audit); others get none.
    'accounts:drainEvents': async (_request, ctx) => ({ events: accounts.dataKey(clientOf(ctx)) ? await accounts.drainEvents(clientOf(ctx)) : [] }),
  };
}
