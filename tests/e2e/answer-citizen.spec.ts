import type { Page } from '@playwright/test';
import { addDays, formatDate } from '../../shared/case/dates';
import { intake } from '../fixtures/intakes';
import { expect, test } from './support/fixtures';
import { createCasesInPage } from './support/page-cases';
import { openRoute, saveSettings } from './support/setup';

/** Today as the page sees it (the browser runs in Moscow time, the test runner may not). */
function pageToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  });
}

async function openCase(page: Page, id: string): Promise<void> {
  await openRoute(page, `/cases/${id}`);
  await expect(page.getByRole('heading', { name: /^Дело КР-М-/ })).toBeVisible();
}

const NAME = 'Жумабаева Айгерим';
const answerBucket = (page: Page, count: number) => page.getByRole('region', { name: `Ответить заявителю (${count})`, exact: true });
const history = (page: Page) => page.getByRole('region', { name: 'История дела' });

test('a citizen’s request is recorded on the case, waits in the queue marked overdue, opens from there in one click and leaves it once answered', async ({ app: page }) => {
  await saveSettings(page);
  const [id] = await createCasesInPage(page, [intake({ nameRu: ['Жумабаева', 'Айгерим', ''], nameKy: ['Жумабаева', 'Айгерим', ''], nameLat: ['ZHUMABAEVA', 'AIGERIM', ''] })]);
  const today = await pageToday(page);
  const received = addDays(today, -40);

  await openCase(page, id!);
  const panel = page.getByRole('region', { name: 'Обращения гражданина', exact: true });
  await expect(panel.getByText('Гражданин в представительство не обращался.')).toBeVisible();
  // The term is reference data nobody verified: the page says so.
  await expect(panel.getByText('Срок ответа — 30 дн. из справочника «Сроки в днях» (нет сведений)', { exact: false })).toBeVisible();
  await panel.getByRole('button', { name: 'Записать обращение' }).click();
  let dialog = page.getByRole('dialog', { name: 'Обращение гражданина' });
  // Nothing typed is lost on a refusal: an empty request is named at its field and the dialog stays.
  await dialog.getByLabel('Дата поступления').fill(formatDate(received));
  await dialog.getByLabel('Как поступило').selectOption({ label: 'почтой' });
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByLabel('О чём просит')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Дата поступления')).toHaveValue(formatDate(received));
  await dialog.getByLabel('О чём просит').fill('Прошу выяснить, почему меня включили в реестр контролируемых лиц');
  // Escape with something typed asks first; going back keeps what was typed.
  await page.keyboard.press('Escape');
  await expect(dialog.getByText('Закрыть без сохранения? Набранное будет потеряно.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Вернуться к вводу' }).click();
  await expect(dialog.getByLabel('О чём просит')).toHaveValue('Прошу выяснить, почему меня включили в реестр контролируемых лиц');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toHaveCount(0);
  const due = addDays(received, 30);
  await expect(panel.getByText(`Обращение записано: срок ответа до ${formatDate(due)}.`)).toBeVisible();
  await expect(panel.getByText(`Ответить до ${formatDate(due)} — просрочено на 10 дней`)).toBeVisible();
  await expect(history(page).getByText(`Записано обращение гражданина от ${formatDate(received)} (почтой): Прошу выяснить`, { exact: false })).toBeVisible();

  // The answer letter can be reviewed now, but says what it lacks rather than inventing it.
  await openRoute(page, `/cases/${id}?section=documents`);
  const documents = page.locator('section#documents');
  await expect(documents.getByRole('heading', { name: 'Документы' })).toBeFocused();
  await documents.getByRole('button', { name: 'Новый документ' }).click();
  await documents.getByLabel('Шаблон').selectOption({ label: 'Ответ заявителю' });
  await expect(documents.getByText('Нельзя сформировать: не заполнено — текст ответа (записать ответ на странице дела).')).toBeVisible();
  await expect(documents.getByRole('button', { name: 'Сформировать документ' })).toBeDisabled();

  await openRoute(page, '/queue');
  const bucket = answerBucket(page, 1);
  await expect(bucket).toBeVisible();
  const row = bucket.getByRole('row', { name: new RegExp(NAME) });
  await expect(row).toContainText(`${formatDate(due)} просрочено`);
  await row.getByRole('link', { name: 'Записать ответ заявителю' }).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${id}\\?section=appeals&open=appeal$`));
  dialog = page.getByRole('dialog', { name: 'Ответ заявителю' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Прошу выяснить, почему меня включили', { exact: false })).toBeVisible();
  // An answer dated before the request came is refused at its field.
  await dialog.getByLabel('Дата ответа').fill(formatDate(addDays(received, -1)));
  await dialog.getByLabel('Текст ответа').fill('Направлен запрос в МВД России; о результате сообщим дополнительно.');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText(`Ответ не может быть раньше поступления обращения (${formatDate(received)}).`)).toBeVisible();
  await dialog.getByLabel('Дата ответа').fill(formatDate(today));
  await dialog.getByLabel('Как отправлен ответ').selectOption({ label: 'по электронной почте' });
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toHaveCount(0);
  const panelAfter = page.getByRole('region', { name: 'Обращения гражданина', exact: true });
  await expect(panelAfter.getByText(`Ответ дан ${formatDate(today)} (по электронной почте)`)).toBeVisible();
  await expect(history(page).getByText(`Ответ заявителю: дата — → ${formatDate(today)}`)).toBeVisible();

  // Now the letter has every fact it prints: the request as recorded and the answer.
  await openRoute(page, `/cases/${id}?section=documents`);
  const section = page.locator('section#documents');
  await expect(section.getByRole('heading', { name: 'Документы' })).toBeFocused();
  await section.getByRole('button', { name: 'Новый документ' }).click();
  await section.getByLabel('Шаблон').selectOption({ label: 'Ответ заявителю' });
  const letter = section.getByRole('article', { name: 'Документ, как он будет напечатан' });
  await expect(letter).toContainText('Об ответе на обращение');
  await expect(letter).toContainText(`поступившее ${formatDate(received)} почтой`);
  await expect(letter).toContainText('Направлен запрос в МВД России; о результате сообщим дополнительно.');
  await expect(section.getByText(/Нельзя сформировать/)).toHaveCount(0);
  await section.getByRole('button', { name: 'Сформировать документ' }).click();
  await expect(section.getByRole('status').filter({ hasText: /Документ сформирован: Ответ заявителю КР-М-1\// })).toBeVisible();

  await openRoute(page, '/queue');
  await expect(answerBucket(page, 0)).toBeVisible();
  await expect(answerBucket(page, 0).getByText('Нет дел')).toBeVisible();
});

test('the registration grace days are reference data: a shorter term in «Сроки в днях» widens the gap on the case’s timeline', async ({ app: page }) => {
  await saveSettings(page);
  const draft = intake();
  // Entered and began work on 01.03.2025, registered only from 20.04.2025.
  draft.stays[0]!.entryDate = '2025-03-01';
  draft.stays[0]!.exitDate = '';
  draft.registrations[0]!.from = '2025-04-20';
  draft.registrations[0]!.to = '2025-12-31';
  draft.employments[0]!.start = '2025-03-01';
  draft.employments[0]!.end = '2025-12-31';
  draft.employments[0]!.earlyTerminationDate = '';
  const [id] = await createCasesInPage(page, [draft]);
  await openCase(page, id!);
  // The factory's 30 days after entry: the gap starts on the 31st day.
  await expect(page.getByText('Период договора без учёта: 31.03.2025 — 19.04.2025 (20 дней)')).toBeVisible();

  await openRoute(page, '/settings/reference');
  await page.getByRole('tab', { name: 'Сроки в днях' }).click();
  const tab = page.getByRole('tabpanel');
  const row = tab.getByRole('row', { name: /Без регистрации после въезда/ });
  await expect(row).toContainText('30');
  await expect(row).toContainText('не проверено');
  await expect(row).toContainText('Источник:');
  await row.getByRole('button').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Дней').fill('-3');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByLabel('Дней')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Дней').fill('10');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Сохранено: создана версия 2')).toBeVisible();
  await expect(tab.getByRole('row', { name: /Без регистрации после въезда/ })).toContainText('10');

  await openCase(page, id!);
  await expect(page.getByText('Период договора без учёта: 11.03.2025 — 19.04.2025 (40 дней)')).toBeVisible();
});
