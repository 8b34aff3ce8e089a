import { test as base, expect } from '@playwright/test';
import { signInAsAdmin } from './support/sign-in';

const origin = () => process.env.ARYZ_BRIDGE_ORIGIN!;
const token = () => process.env.ARYZ_BRIDGE_TOKEN!;
/** The bridge names its cookie by its port (cookies are shared between ports of one host). */
const cookie = () => `aryz_bridge_${new URL(origin()).port}=${token()}`;

base('the CSP blocks inline scripts, inline handlers and any network request outside the app', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (directive: string) => violations.push(directive));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(d: string): void }).reportViolation(event.effectiveDirective);
    });
  });
  await page.goto(`${origin()}/?token=${token()}`);
  await signInAsAdmin(page);
  await expect(page.getByRole('heading', { name: 'Рабочая очередь', level: 1 })).toBeVisible();
  const outcome = await page.evaluate(async () => {
    // Trusted Types: a string reaching a script or HTML sink throws, so it never becomes code or markup.
    const script = document.createElement('script');
    let scriptTextRefused = false;
    try {
      script.textContent = 'window.__inlineRan = true';
    } catch (error) {
      scriptTextRefused = error instanceof TypeError;
    }
    document.body.append(script);
    let htmlRefused = false;
    try {
      document.createElement('div').innerHTML = '<img src="x" onerror="window.__htmlRan = true">';
    } catch (error) {
      htmlRefused = error instanceof TypeError;
    }
    // An inline script made from a text node is refused too (by Trusted Types, or else by script-src).
    const inline = document.createElement('script');
    inline.append(document.createTextNode('window.__inlineRan = true'));
    document.body.append(inline);
    // Code evaluated over DevTools is exempt from CSP, so eval is checked through an inline handler,
    // which the page itself compiles (and the unit test checks the policy has no 'unsafe-eval').
    // Setting one from a string is itself a Trusted Types sink now, so it throws before the CSP is consulted.
    const button = document.createElement('button');
    try {
      button.setAttribute('onclick', 'window.__handlerRan = true');
    } catch {
      // refused: checked below through __handlerRan
    }
    document.body.append(button);
    button.click();
    button.remove();
    const handlerBlocked = (window as unknown as { __handlerRan?: boolean }).__handlerRan !== true;
    let fetchBlocked = false;
    try {
      await fetch('https://example.org/');
    } catch {
      fetchBlocked = true;
    }
    return { inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, handlerBlocked, fetchBlocked, scriptTextRefused, htmlRefused };
  });
  expect(outcome).toEqual({ inlineRan: false, handlerBlocked: true, fetchBlocked: true, scriptTextRefused: true, htmlRefused: true });
  await expect.poll(() => violations).toEqual(expect.arrayContaining(['require-trusted-types-for', 'connect-src']));
});

base('the bridge refuses requests without the token and API calls from another origin', async ({ request }) => {
  const noToken = await request.get(`${origin()}/`, { maxRedirects: 0 });
  expect(noToken.status()).toBe(403);
  const wrongToken = await request.get(`${origin()}/?token=nope`, { maxRedirects: 0 });
  expect(wrongToken.status()).toBe(403);
  const foreign = await request.post(`${origin()}/__bridge/rpc/app:info`, {
    headers: { Cookie: cookie(), Origin: 'http://evil.example', 'Content-Type': 'application/json' },
    data: '{}',
  });
  expect(foreign.status()).toBe(403);
  const own = await request.post(`${origin()}/__bridge/rpc/app:info`, {
    headers: { Cookie: cookie(), Origin: origin(), 'Content-Type': 'application/json' },
    data: '{}',
  });
  expect(own.status()).toBe(200);
  expect(await own.json()).toMatchObject({ ok: true, value: { mode: 'browser' } });
  const unknown = await request.post(`${origin()}/__bridge/rpc/fs:readAnything`, {
    headers: { Cookie: cookie(), Origin: origin(), 'Content-Type': 'application/json' },
    data: '{}',
  });
  expect(await unknown.json()).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
});
