import { expect, test } from './support/fixtures';
import { openRoute, saveSettings } from './support/setup';

const KY = 'Имя по-кыргызски (кириллица)';

/**
 * The desktop app answers a crashed page with a dialog that reloads the window (electron/main/shell/crash.ts,
 * unit-tested with Electron mocked). What that reload finds is checked here in Chromium: the renderer process is
 * killed the way a crash kills it, the page is loaded again, and the intake draft typed before is offered back.
 */
test('after the page crashes and is reloaded, the intake draft typed before is still there', { tag: '@fault' }, async ({ app: page }) => {
  await saveSettings(page);
  await openRoute(page, '/cases/new');
  const ky = page.getByRole('group', { name: KY, exact: true });
  await expect(ky.getByLabel('Фамилия')).toBeFocused();
  await ky.getByLabel('Фамилия').fill('Жээнбеков');
  await ky.getByRole('textbox', { name: 'Имя', exact: true }).fill('Алмаз');
  await expect(page.getByText(/^Черновик сохранён \d{2}:\d{2}$/)).toBeVisible();

  const crashed = page.waitForEvent('crash');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.crash').catch(() => undefined);
  await crashed;

  await page.reload();
  const restore = page.getByRole('button', { name: /^Восстановить черновик от \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/ });
  await expect(restore).toBeVisible();
  await restore.click();
  await expect(ky.getByLabel('Фамилия')).toHaveValue('Жээнбеков');
  await expect(ky.getByRole('textbox', { name: 'Имя', exact: true })).toHaveValue('Алмаз');
});
