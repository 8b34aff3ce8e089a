import type { Page } from '@playwright/test';
import type { AryzApi } from '../../shared/ipc/contract';
import { ADMIN } from '../e2e/support/sign-in';

/**
 * Tools (seeding, benchmarks) work as the administrator: on a fresh data folder they create it, otherwise they
 * sign in with ADMIN's password (or ARYZ_ADMIN_PASSWORD for a data folder set up by hand). Called on the opened
 * page through the API; the page's next navigation resumes the session of this browser context.
 */
export async function signInForTools(page: Page): Promise<void> {
  const password = process.env.ARYZ_ADMIN_PASSWORD ?? ADMIN.password;
  const outcome = await page.evaluate(
    async ({ admin, password }) => {
      const api = (window as unknown as { aryz: AryzApi }).aryz;
      const status = await api.getAccountsStatus({});
      if (!status.ok) return `status: ${status.error.code}`;
      if (!status.value.setUp) {
        const setup = await api.setUpAccounts({ name: admin.name, position: admin.position, password });
        return setup.ok && setup.value.status === 'ok' ? 'ok' : `setup: ${JSON.stringify(setup)}`;
      }
      const account = status.value.accounts.find((a) => a.role === 'admin' && !a.disabled);
      if (!account) return 'no administrator';
      const signed = await api.signIn({ accountId: account.id, password });
      return signed.ok && signed.value.status === 'ok' ? 'ok' : `sign-in: ${JSON.stringify(signed)}`;
    },
    { admin: ADMIN, password },
  );
  if (outcome !== 'ok') throw new Error(`Could not sign in as the administrator (${outcome}); set ARYZ_ADMIN_PASSWORD`);
}
