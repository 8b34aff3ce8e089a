import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { openRoute, saveSettings } from './support/setup';

const KY = 'Имя по-кыргызски (кириллица)';
const kySurname = (page: Page) => page.getByRole('group', { name: KY, exact: true }).getByLabel('Фамилия');

async function openIntake(page: Page): Promise<void> {
  await openRoute(page, '/cases/new');
  await expect(page.getByRole('heading', { name: 'Новое дело', level: 1 })).toBeVisible();
  await expect(kySurname(page)).toBeFocused();
}

test('«Новое дело» on a filled intake asks before discarding it, then starts empty; on an empty form it just stays', async ({ app: page }) => {
  await saveSettings(page);
  await openIntake(page);
  await kySurname(page).fill('Төлөгөнов');
  await expect(page.getByText(/Черновик сохранён/)).toBeVisible();

  const newCase = page.getByRole('navigation').getByRole('link', { name: 'Новое дело' });
  await newCase.click();
  const confirm = page.getByRole('dialog', { name: 'Начать новое дело?' });
  await expect(confirm).toBeVisible();
  await expectAccessible(page, 'intake asking before a new case');
  await confirm.getByRole('button', { name: 'Вернуться к анкете' }).click();
  await expect(confirm).toBeHidden();
  await expect(kySurname(page)).toHaveValue('Төлөгөнов');

  // Alt+N asks the same; confirmed, the form is empty and the draft is gone.
  await page.keyboard.press('Alt+N');
  await confirm.getByRole('button', { name: 'Очистить анкету' }).click();
  await expect(confirm).toBeHidden();
  await expect(kySurname(page)).toHaveValue('');
  await expect(kySurname(page)).toBeFocused();
  await page.reload();
  await expect(kySurname(page)).toBeFocused();
  await expect(page.getByRole('button', { name: /Восстановить черновик/ })).toHaveCount(0);

  // Nothing typed: nothing to lose, no question.
  await newCase.click();
  await expect(confirm).toHaveCount(0);
  await expect(kySurname(page)).toHaveValue('');
});

test('intake: a contract is not open-ended by default, text stops at its limit while typed, a message is said once', async ({ app: page }) => {
  await saveSettings(page);
  await openIntake(page);

  // The schema's limit applies as the caseworker types (100 characters for a surname).
  await kySurname(page).fill('Ж'.repeat(500));
  await expect(kySurname(page)).toHaveValue('Ж'.repeat(100));
  await expect(kySurname(page)).toHaveAttribute('maxlength', '100');

  await page.getByRole('button', { name: 'Добавить договор' }).click();
  const contract = page.getByRole('group', { name: 'Договор 1' });
  await expect(contract.getByLabel('Бессрочный договор')).not.toBeChecked();
  await expect(contract.getByLabel('Окончание договора')).toBeVisible();

  // An impossible date of birth is reported once, at the field and in the summary, whichever boxes are wrong.
  const birth = page.getByRole('group', { name: 'Дата рождения' });
  await birth.getByLabel('День').fill('31');
  await birth.getByLabel('Месяц').fill('02');
  await birth.getByLabel('Год').fill('1990');
  await page.getByRole('button', { name: 'Сохранить дело' }).click();
  const summary = page.getByRole('region', { name: /^Дело не сохранено\. Исправьте ошибки/ });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('button', { name: /^Дата рождения:/ })).toHaveCount(1);
  await expect(summary.getByRole('button', { name: /^Дата рождения:/ })).toContainText('такой даты нет');
  const text = (await page.locator('.field__error', { hasText: 'такой даты нет' }).allTextContents()).join(' | ');
  expect(text.match(/такой даты нет/g)).toHaveLength(1);
});

test('discarding a template draft asks first', async ({ app: page }) => {
  await saveSettings(page);
  await openRoute(page, '/settings/templates');
  const row = page.getByRole('row', { name: /Ходатайство представительства в территориальный орган МВД/ });
  await row.getByRole('link', { name: /Открыть шаблон/ }).click();
  await page.getByRole('button', { name: 'Копировать для правки' }).click();
  await expect(page.getByText('Черновик на основе версии 1')).toBeVisible();
  await page.getByRole('button', { name: 'Отменить черновик' }).click();
  const confirm = page.getByRole('dialog', { name: 'Отменить черновик?' });
  await expectAccessible(page, 'template draft discard question');
  await confirm.getByRole('button', { name: 'Продолжить правку' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Черновик на основе версии 1')).toBeVisible();
  await page.getByRole('button', { name: 'Отменить черновик' }).click();
  await confirm.getByRole('button', { name: 'Удалить черновик' }).click();
  await expect(page.getByText('Черновик отменён')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Копировать для правки' })).toBeVisible();
});
