import type { ACCOUNTS_CHANNELS } from '../../../shared/ipc/channels/accounts';
import { HandlerError, type HandlerTable } from '../ipc/dispatch';
import { AccountError, WeakPasswordError, type AccountService, type Session } from './store';

type AccountsHandlers = Pick<HandlerTable, keyof typeof ACCOUNTS_CHANNELS>;

const sessionInfo = (s: Session) => ({ accountId: s.accountId, name: s.name, position: s.position, role: s.role });

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
    'accounts:status': () => accounts.status(),
    'accounts:setup': (request) =>
      answer(async () => {
        const { recoveryKey, session } = await accounts.setup(request);
        return { status: 'ok' as const, recoveryKey, session: sessionInfo(session), dataKey: session.dataKey!.toString('base64') };
      }),
    'accounts:signIn': async (request) => {
      const outcome = await accounts.signIn(request);
      if (outcome.status !== 'ok') return outcome;
      return { status: 'ok', session: sessionInfo(outcome.session), dataKey: outcome.session.dataKey!.toString('base64') };
    },
    'accounts:lock': async (request) => {
      await accounts.lock(request.reason);
      return {};
    },
    'accounts:signOut': async () => {
      await accounts.signOut();
      return {};
    },
    'accounts:changePassword': (request) => answer(async () => ({ status: await accounts.changePassword(request) })),
    'accounts:add': (request) => answer(async () => ({ status: 'ok' as const, account: await accounts.addAccount(request) })),
    'accounts:resetPassword': (request) =>
      answer(async () => {
        await accounts.resetPassword(request);
        return { status: 'ok' as const };
      }),
    'accounts:update': (request) =>
      answer(async () => ({ status: 'ok' as const, account: await accounts.updateAccount(request) })) as ReturnType<AccountsHandlers['accounts:update']>,
    'accounts:setIdle': (request) =>
      answer(async () => {
        await accounts.setIdleMinutes(request.minutes);
        return { status: 'ok' as const };
      }) as ReturnType<AccountsHandlers['accounts:setIdle']>,
    'accounts:recover': (request) => answer(async () => ({ status: await accounts.recover(request) })),
    'accounts:drainEvents': async () => {
      try {
        return { events: await accounts.drainEvents() };
      } catch (error) {
        if (error instanceof AccountError) throw new HandlerError('LOCKED');
        throw error;
      }
    },
  };
}
