import type { Locator, Page } from '@playwright/test';
import { intake } from '../fixtures/intakes';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { acknowledgeEndedEvidence } from './support/consistency';
import { createCasesInPage } from './support/page-cases';
import { openRoute, saveSettings } from './support/setup';

const LETTER = 'Ходатайство представительства в территориальный орган МВД';
const TRACKING = '14501234567890';

/** Today and a day offset as the page sees them (the browser runs in Moscow time), ISO and дд.мм.гггг. */
async function pageDay(page: Page, offset = 0): Promise<{ iso: string; ru: string }> {
  const iso = await page.evaluate((days) => {
    const now = new Date(Date.now() + days * 86_400_000);
    return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  }, offset);
  return { iso, ru: `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` };
}

const documents = (page: Page) => page.locator('section#documents');
const steps = (row: Locator) => row.getByRole('list', { name: /^Ход документа/ });
const currentStep = (row: Locator) => steps(row).locator('[aria-current="step"]');

/** The current step has this name and shows this detail (date, method, numbers). */
async function expectCurrent(row: Locator, name: string, detail: string): Promise<void> {
  await expect(currentStep(row)).toContainText(`${name} (текущий этап)`);
  await expect(currentStep(row)).toContainText(detail);
}

/** Generates the mission letter for the case and answers its outgoing number. */
async function generateLetter(page: Page, caseId: string): Promise<string> {
  await openRoute(page, `/cases/${caseId}?section=documents`);
  const section = documents(page);
  await section.getByRole('button', { name: 'Новый документ' }).click();
  await section.getByLabel('Шаблон').selectOption({ label: LETTER });
  await section.getByRole('button', { name: 'Добавить приложение' }).click();
  await section.getByLabel('Наименование приложения 1').fill('Копия паспорта гражданина');
  await section.getByLabel('Листов', { exact: true }).fill('1');
  await acknowledgeEndedEvidence(section);
  await section.getByRole('button', { name: 'Сформировать документ' }).click();
  const done = section.getByRole('status').filter({ hasText: `Документ сформирован: ${LETTER}` });
  await expect(done).toBeVisible({ timeout: 30_000 });
  return /КР-М-\d+\/\d\d/.exec((await done.textContent()) ?? '')![0];
}

test('generate → signed → sent by post with tracking (the follow-up clock starts, the queue awaits the answer) → received → answered; the status follows each step', async ({ app: page }) => {
  test.setTimeout(150_000);
  await saveSettings(page);
  const [caseId] = await createCasesInPage(page, [intake({ nameKy: ['Сыдыков', 'Эрмек', ''], nameRu: ['Сыдыков', 'Эрмек', ''], nameLat: ['SYDYKOV', 'ERMEK', ''] })]);
  const number = await generateLetter(page, caseId!);
  const name = `${LETTER} ${number}`;
  const today = await pageDay(page);
  const in30 = await pageDay(page, 30);
  const tomorrow = await pageDay(page, 1);
  const row = documents(page).getByRole('row', { name: new RegExp(LETTER) });
  await expect(currentStep(row)).toContainText('Сформирован');
  await expect(row.getByRole('button', { name: `Отправлен…: ${name}` })).toHaveCount(0);
  const status = page.getByTestId('case-status');
  await expect(status).toHaveText('Сбор доказательств');

  // The queue asks for the letter to be signed and sent; its row opens the signing dialog in one click.
  await openRoute(page, '/queue');
  const toSend = page.getByRole('region', { name: 'Отправить документы (1)', exact: true });
  await toSend.getByRole('link', { name: `Подписать и отправить: ${LETTER} № ${number}` }).click();
  await expect(page.getByRole('dialog', { name: `Подписание: ${name}` })).toBeVisible();
  await page.keyboard.press('Escape');

  // Signed: a keyboard-only dialog (the date is today by default; Enter saves).
  await row.getByRole('button', { name: `Подписан…: ${name}` }).click();
  const signDialog = page.getByRole('dialog', { name: `Подписание: ${name}` });
  await expect(signDialog.getByLabel('Дата подписания')).toBeFocused();
  await expect(signDialog.getByLabel('Дата подписания')).toHaveValue(today.ru);
  await signDialog.getByLabel('Примечание').fill('Подписал консул');
  await signDialog.getByLabel('Дата подписания').press('Enter');
  await expect(signDialog).toHaveCount(0);
  await expect(documents(page).getByRole('status').filter({ hasText: `Отмечено подписание: ${name}` })).toBeVisible();
  await expectCurrent(row, 'Подписан', today.ru);

  // Sent by post: the tracking number is required; a date in the future is refused.
  await row.getByRole('button', { name: `Отправлен…: ${name}` }).click();
  const sendDialog = page.getByRole('dialog', { name: `Отправка: ${name}` });
  await expect(sendDialog.getByRole('radio', { name: 'Почтой (с трек-номером)' })).toBeChecked();
  await sendDialog.getByLabel('Дата отправки').fill(tomorrow.ru);
  await sendDialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(sendDialog.getByLabel('Дата отправки')).toHaveAccessibleDescription('Дата не может быть в будущем');
  await expect(sendDialog.getByLabel('Почтовый идентификатор (трек-номер)')).toHaveAccessibleDescription('Заполните поле');
  await sendDialog.getByLabel('Дата отправки').fill(today.ru);
  await sendDialog.getByLabel('Почтовый идентификатор (трек-номер)').fill(TRACKING);
  await sendDialog.getByLabel('Подтверждение отправки').fill('Квитанция Почты России');
  await expectAccessible(page, 'send dialog');
  await sendDialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(sendDialog).toHaveCount(0);
  await expectCurrent(row, 'Отправлен', `${today.ru}, Почтой (с трек-номером), трек-номер ${TRACKING}`);
  await expect(row).toContainText('Срок ответа отслеживается');
  await expectAccessible(page, 'document list with the lifecycle stepper');

  // The deadlines: a follow-up clock on the letter, due in 30 days; the tracked request carries the number.
  const deadlines = page.getByRole('region', { name: 'Сроки', exact: true });
  const followUp = deadlines.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Контроль ответа на письмо/ }) });
  await expect(followUp).toContainText(in30.ru);
  await expect(followUp).toContainText('Предстоит');
  await expect(page.getByRole('region', { name: 'Запросы и обращения', exact: true })).toContainText(number);

  await expect(status).toHaveText('Запросы направлены');

  // Nothing left to send; the answer is awaited once the addressee has the letter.
  await openRoute(page, '/queue');
  await expect(page.getByRole('region', { name: 'Отправить документы (0)', exact: true })).toBeVisible();

  // Received: their incoming number and the date they registered it.
  await openRoute(page, `/cases/${caseId}?section=documents`);
  await row.getByRole('button', { name: `Входящий номер…: ${name}` }).click();
  const receivedDialog = page.getByRole('dialog', { name: `Получение адресатом: ${name}` });
  await receivedDialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(receivedDialog.getByLabel('Входящий номер адресата')).toHaveAccessibleDescription('Заполните поле');
  await receivedDialog.getByLabel('Входящий номер адресата').fill('3/26-118');
  await receivedDialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(receivedDialog).toHaveCount(0);
  await expectCurrent(row, 'Получен адресатом', `${today.ru}, вх. № 3/26-118`);
  await expect(status).toHaveText('Ожидание ответа');
  await openRoute(page, '/queue');
  await expect(page.getByRole('region', { name: 'Ожидают ответа (1)', exact: true })).toContainText('Сыдыков Эрмек');
  await openRoute(page, `/cases/${caseId}?section=documents`);

  // Answered: the summary is required; Escape cancels without saving.
  await row.getByRole('button', { name: `Ответ…: ${name}` }).click();
  let answerDialog = page.getByRole('dialog', { name: `Ответ на ${name}` });
  await answerDialog.getByLabel('Краткое содержание ответа').fill('черновик');
  await page.keyboard.press('Escape');
  await expect(answerDialog).toHaveCount(0);
  await expect(currentStep(row)).toContainText('Получен адресатом');
  await row.getByRole('button', { name: `Ответ…: ${name}` }).click();
  answerDialog = page.getByRole('dialog', { name: `Ответ на ${name}` });
  await answerDialog.getByLabel('Краткое содержание ответа').fill('Сведения о гражданине исключены из реестра');
  await answerDialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(answerDialog).toHaveCount(0);
  await expectCurrent(row, 'Получен ответ', today.ru);
  await expect(row.getByRole('button', { name: /^(Подписан|Отправлен|Входящий номер|Ответ)…:/ })).toHaveCount(0);

  // The follow-up clock is done, the request is answered, the queue no longer waits.
  await expect(followUp).toContainText('Выполнен');
  await expect(followUp).toContainText(`выполнено ${today.ru}`);
  // The answer came: the case goes back to checking the register, and the status history says why.
  await expect(status).toHaveText('Проверка');
  await openRoute(page, '/queue');
  await expect(page.getByRole('region', { name: 'Ожидают ответа (0)', exact: true })).toBeVisible();

  // What was recorded survives a reload.
  await openRoute(page, `/cases/${caseId}`);
  await page.reload();
  await expect(currentStep(documents(page).getByRole('row', { name: new RegExp(LETTER) }))).toContainText('Получен ответ');

  // Every step is told in the case history.
  const history = page.getByRole('region', { name: 'История дела' });
  for (const line of [
    `Подписан ${today.ru} (Подписал консул)`,
    `Отправлен ${today.ru}: Почтой (с трек-номером), трек-номер ${TRACKING}; Квитанция Почты России`,
    'Начат контроль ответа',
    `Зарегистрирован адресатом ${today.ru}, вх. № 3/26-118`,
    `Ответ от ${today.ru}: Сведения о гражданине исключены из реестра`,
    'Документ: этап «Получен ответ»',
  ]) {
    await expect(history).toContainText(line);
  }
});
