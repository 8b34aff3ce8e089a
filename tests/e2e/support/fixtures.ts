import { test as base, expect, type Page } from '@playwright/test';
import { signInAsAdmin } from './sign-in';

/**
 * Every browser test opens the app through the bridge and fails on any CSP violation, page error or
 * console error: a strict CSP that silently breaks a feature must not pass.
 */
export const test = base.extend<{ app: Page; problems: string[] }>({
  // Playwright requires an object pattern for a fixture with no dependencies.
  // eslint-disable-next-line no-empty-pattern
  problems: async ({}, use) => {
    await use([]);
  },
  app: async ({ page, problems }, use) => {
    const origin = process.env.ARYZ_BRIDGE_ORIGIN;
    const token = process.env.ARYZ_BRIDGE_TOKEN;
    if (!origin || !token) throw new Error('bridge not started (global setup)');
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto(`${origin}/?token=${token}`);
    await signInAsAdmin(page);
    await use(page);
    expect(problems, 'no CSP violations, page errors or console errors').toEqual([]);
  },
});

export { expect };
