import { expect, type Page } from '@playwright/test';

/** The administrator every browser test works as (one bridge, one data folder for the run). */
export const ADMIN = { name: 'Токтогулов Нурлан Асанович', position: 'Консул', password: 'correct horse battery staple' };

/**
 * Brings a freshly opened page past the access gate: on the bridge's first start it creates the administrator
 * (and acknowledges the recovery key), otherwise it signs in. Two tests racing on the first start both end up
 * signed in: the loser is told the administrator exists and gets the sign-in form.
 */
export async function signInAsAdmin(page: Page): Promise<void> {
  const setupHeading = page.getByRole('heading', { name: 'Первый запуск: учётная запись администратора' });
  const signInHeading = page.getByRole('heading', { name: 'Вход в программу' });
  await expect(setupHeading.or(signInHeading)).toBeVisible();
  if (await setupHeading.isVisible()) {
    await page.getByLabel('Ф.И.О. администратора').fill(ADMIN.name);
    await page.getByLabel('Должность').fill(ADMIN.position);
    await page.getByLabel('Пароль', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Повторите пароль').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Создать учётную запись' }).click();
    const recovery = page.getByRole('heading', { name: 'Ключ восстановления' });
    await expect(recovery.or(signInHeading)).toBeVisible({ timeout: 15_000 });
    if (await recovery.isVisible()) {
      await page.getByLabel('Я сохранил(а) ключ восстановления в надёжном месте').check();
      await page.getByRole('button', { name: 'Продолжить' }).click();
      await expect(page.locator('#main')).toBeAttached();
      return;
    }
  }
  await page.getByLabel('Сотрудник').selectOption({ label: `${ADMIN.name} — ${ADMIN.position}` });
  await page.getByLabel('Пароль', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.locator('#main')).toBeAttached({ timeout: 15_000 });
}
