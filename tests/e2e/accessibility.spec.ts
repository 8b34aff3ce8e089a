import { writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { intake } from '../fixtures/intakes';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { changeStatusesInPage, createCasesInPage } from './support/page-cases';
import { openRoute, saveSettings } from './support/setup';

const PEOPLE = [
  intake({ nameKy: ['Жумагулов', 'Бакыт', ''], nameRu: ['Джумагулов', 'Бакыт', ''], nameLat: ['ZHUMAGULOV', 'BAKYT', ''], pin: '21203199000123', number: '1111111', region: 'г. Москва' }),
  intake({ nameKy: ['Үсөнов', 'Нурлан', ''], nameRu: ['Усенов', 'Нурлан', ''], nameLat: ['USONOV', 'NURLAN', ''], number: '2222222', region: 'Московская область' }),
  intake({ nameKy: ['Эшимкулова', 'Айгүл', ''], nameRu: ['Эшимкулова', 'Айгуль', ''], nameLat: ['ESHIMKULOVA', 'AIGUL', ''], number: '3333333', region: 'Свердловская область' }),
];

async function openCaseList(page: Page, count: number): Promise<void> {
  await openRoute(page, '/cases');
  await expect(page.getByText(`Всего дел: ${count}`)).toBeVisible();
  if (count > 0) await expect(page.getByRole('row').filter({ hasText: 'Джумагулов Бакыт' })).toBeVisible();
}

async function openCase(page: Page, id: string): Promise<void> {
  await openRoute(page, `/cases/${id}`);
  await expect(page.getByRole('heading', { name: /^Дело КР-М-/ })).toBeVisible();
}

async function openIntake(page: Page): Promise<void> {
  await openRoute(page, '/cases/new');
  await expect(page.getByRole('heading', { name: 'Новое дело', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Сохранить дело' })).toBeVisible();
}

/** Just what a case cannot be saved without; the ПИН is that of the first of PEOPLE, so saving finds a duplicate. */
async function fillIntakeDuplicatingFirstPerson(page: Page): Promise<void> {
  const ru = page.getByRole('group', { name: 'Имя по-русски (как в российских документах)' });
  await ru.getByLabel('Фамилия').fill('Осмонова');
  await ru.getByRole('textbox', { name: 'Имя', exact: true }).fill('Нургуль');
  await page.getByLabel('Форма отчества').selectOption('patronymic');
  await page.getByRole('combobox', { name: 'Пол', exact: true }).selectOption('female');
  const birth = page.getByRole('group', { name: 'Дата рождения' });
  await birth.getByLabel('День').fill('01');
  await birth.getByLabel('Месяц').fill('02');
  await birth.getByLabel('Год').fill('1985');
  await page.getByLabel('ПИН', { exact: true }).fill('21203199000123');
  await page.getByLabel('Язык общения').selectOption('ky');
  await page.getByLabel('Регион России').fill('г. Москва');
  await page.getByLabel('Когда узнал о включении в реестр').fill('15.05.2025');
  await page.getByRole('combobox', { name: 'Как узнал', exact: true }).selectOption('bank');
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus; fails when it is not reached
 * within `limit` presses (unreachable by keyboard, or a trap on the way).
 */
async function tabTo(page: Page, target: Locator, limit: number, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`not reached with ${limit} presses of ${key}: ${target.toString()}`);
}

/**
 * Puts focus on the first stop of the page. A click on the app's name (not focusable) moves the browser's
 * navigation starting point to the top bar; one Shift+Tab back from there must land on the skip link,
 * which proves nothing focusable comes before it.
 */
async function focusTopOfPage(page: Page): Promise<void> {
  await page.locator('.brand__name').click();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Перейти к содержимому' })).toBeFocused();
}

/**
 * Tab inside an open modal dialog never reaches the page behind it: after the dialog's last control focus
 * passes to the browser's own UI (the document's body here) and comes back to the dialog. Escape closes it.
 */
async function expectNoTrap(page: Page, dialog: Locator): Promise<void> {
  await expect(dialog).toBeVisible();
  const stops: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await dialog.evaluate((el) => {
        const active = document.activeElement;
        if (!active || active === document.body) return 'browser';
        return el.contains(active) ? 'dialog' : `page: ${active.outerHTML.slice(0, 120)}`;
      }),
    );
  }
  expect(stops.filter((stop) => stop.startsWith('page')), 'Tab never reaches the page behind the dialog').toEqual([]);
  expect(stops.lastIndexOf('dialog'), 'focus comes back into the dialog after its last control').toBeGreaterThan(stops.indexOf('browser'));
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

test('the case list, empty and with cases, has no serious accessibility violations', async ({ app: page }) => {
  await saveSettings(page);
  await openCaseList(page, 0);
  await expect(page.getByText('Дел пока нет. Начните с кнопки «Новое дело».')).toBeVisible();
  await expectAccessible(page, 'empty case list');

  await createCasesInPage(page, PEOPLE);
  await openCaseList(page, PEOPLE.length);
  await expectAccessible(page, 'case list with cases');

  await page.getByLabel('Поиск').fill('Усенов');
  await expect(page.getByText('Найдено: 1')).toBeVisible();
  await page.getByLabel('Поиск').press('ArrowDown');
  await expectAccessible(page, 'case list, filtered, a row focused');
});

test('the work queue, empty and with cases in every bucket, has no serious accessibility violations', async ({ app: page }) => {
  await expect(page.getByRole('heading', { name: 'Рабочая очередь', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Ожидают ответа (0)' })).toBeVisible();
  await expectAccessible(page, 'empty work queue');

  await saveSettings(page);
  // The fixture people wait for an answer.
  const ids = await createCasesInPage(page, PEOPLE);
  for (const id of ids) await changeStatusesInPage(page, id, [{ status: 'awaiting_answer', at: new Date().toISOString() }]);
  await openRoute(page, '/queue');
  const awaiting = page.getByRole('region', { name: `Ожидают ответа (${PEOPLE.length})` });
  await expect(awaiting.getByRole('row', { name: /Джумагулов Бакыт/ })).toBeVisible();
  await expectAccessible(page, 'work queue with cases awaiting an answer');

  await awaiting.getByRole('link').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('navigation', { name: 'Разделы очереди' }).getByRole('button').first().focus();
  await expectAccessible(page, 'work queue, a row and a section button focused');
});

test('settings, blank and with errors shown, have no serious accessibility violations', async ({ app: page }) => {
  await openRoute(page, '/cases/new');
  await expect(page.getByRole('link', { name: 'Открыть настройки' })).toBeVisible();
  await expectAccessible(page, 'intake before settings are saved');

  await openRoute(page, '/settings');
  await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible();
  await expectAccessible(page, 'settings, blank');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Исправьте отмеченные поля. Изменения не сохранены.')).toBeVisible();
  await expect(page.getByText('Обязательное поле').first()).toBeVisible();
  await page.getByRole('button', { name: 'Сформировать PDF' }).click();
  await expect(page.getByText('Сначала заполните и сохраните настройки представительства и профиль сотрудника.')).toBeVisible();
  await expectAccessible(page, 'settings with errors');
});

test('the intake form, with errors and warnings shown, and its duplicate dialog have no serious accessibility violations', async ({ app: page }) => {
  await saveSettings(page);
  await createCasesInPage(page, PEOPLE);
  await openIntake(page);
  await expectAccessible(page, 'blank intake');

  // A warning (non-Latin letter in the Latin name) and errors (impossible ПИН, required fields) at once.
  const lat = page.getByRole('group', { name: 'Имя латиницей (как в паспорте)' });
  await lat.getByLabel('Фамилия').fill('USÖNOV');
  await page.getByLabel('ПИН', { exact: true }).fill('2120319900012А');
  await page.getByRole('button', { name: 'Добавить документ' }).click();
  await page.getByRole('button', { name: 'Сохранить дело' }).click();
  const summary = page.getByRole('region', { name: /^Дело не сохранено\. Исправьте ошибки/ });
  await expect(summary).toBeFocused();
  await expect(page.getByRole('region', { name: /^Предупреждения \(\d+\)/ })).toBeVisible();
  await expect(page.locator('.field__error').first()).toBeVisible();
  await expect(page.locator('.field__warning').first()).toBeVisible();
  await expectAccessible(page, 'intake with errors and warnings');

  await page.reload();
  await expect(page.getByRole('button', { name: /^Восстановить черновик от/ })).toBeFocused();
  await expectAccessible(page, 'intake offering the saved draft');
  await page.getByRole('button', { name: 'Начать заново' }).click();
  await page.getByRole('dialog', { name: 'Удалить черновик?' }).getByRole('button', { name: 'Удалить черновик' }).click();
  await expectAccessible(page, 'intake after the draft offer');
  await fillIntakeDuplicatingFirstPerson(page);
  await page.getByRole('button', { name: 'Сохранить дело' }).click();
  const dialog = page.getByRole('dialog', { name: 'Возможно, этот человек уже есть в базе' });
  await expect(dialog.getByText('тот же ПИН 21203199000123')).toBeVisible();
  await expectAccessible(page, 'duplicate dialog');
  await dialog.getByRole('button', { name: 'Всё равно сохранить' }).click();
  await expect(dialog.getByText('Обязательное поле')).toBeVisible();
  await expectAccessible(page, 'duplicate dialog with its error');
});

test('the case page, with an editor open and its dialogs open, has no serious accessibility violations', async ({ app: page }) => {
  // Each scan of the whole case page (tracking panels included) takes seconds; several run here.
  test.slow();
  await saveSettings(page);
  const [id] = await createCasesInPage(page, PEOPLE.slice(0, 1));
  await openCase(page, id!);
  await expectAccessible(page, 'case page');

  await page.getByRole('button', { name: 'Изменить: Фамилия (рус.)' }).click();
  await expect(page.getByLabel('Фамилия (рус.)')).toBeFocused();
  await expectAccessible(page, 'case page, editor open');
  await page.getByLabel('Фамилия (рус.)').fill('  ');
  await page.getByLabel('Фамилия (рус.)').press('Enter');
  await expect(page.getByText('Обязательное поле')).toBeVisible();
  await expectAccessible(page, 'case page, editor with an error');
  await page.getByLabel('Фамилия (рус.)').press('Escape');

  const documents = page.getByRole('region', { name: 'Документы, удостоверяющие личность' });
  await documents.getByRole('button', { name: 'Добавить документ' }).click();
  const add = page.getByRole('dialog', { name: 'Добавить документ' });
  await expect(add.getByLabel('Вид документа')).toBeFocused();
  await expectAccessible(page, 'add-document dialog');
  await add.getByRole('button', { name: 'Добавить' }).click();
  await expect(add.getByText('Обязательное поле').first()).toBeVisible();
  await expectAccessible(page, 'add-document dialog with errors');
  await add.getByRole('button', { name: 'Отмена' }).click();
  await expect(add).toBeHidden();

  await documents.getByRole('button', { name: 'Удалить: Документ 1' }).click();
  await expect(page.getByRole('dialog', { name: 'Удалить запись?' })).toBeVisible();
  await expectAccessible(page, 'confirm dialog');
  await page.keyboard.press('Escape');

  await openRoute(page, '/cases/no-such-case');
  await expect(page.getByRole('heading', { name: 'Дело не найдено' })).toBeVisible();
  await expectAccessible(page, 'case not found');
});

test('the case page tracking panels (deadlines, diagnosis, requests, checks), their forms and dialogs have no serious accessibility violations', async ({ app: page }) => {
  test.slow();
  await saveSettings(page);
  // A contract running past the registration: the diagnosis has a cause with a checklist to show.
  const person = intake({ nameKy: ['Асанов', 'Бакыт', ''], nameRu: ['Асанов', 'Бакыт', ''], nameLat: ['ASANOV', 'BAKYT', ''], number: '4444444' });
  person.employments[0]!.end = '2025-06-30';
  const [id] = await createCasesInPage(page, [person]);
  await openCase(page, id!);
  const diagnosis = page.getByRole('region', { name: 'Диагностика: почему человек в реестре' });
  await expect(diagnosis.getByRole('article', { name: 'Разрыв регистрации в период действия договора' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Сроки', exact: true }).getByRole('row').nth(1)).toBeVisible();
  await expectAccessible(page, 'case page with tracking panels');

  const requests = page.getByRole('region', { name: 'Запросы и обращения' });
  await requests.getByRole('button', { name: 'Добавить запрос' }).click();
  const newRequest = page.getByRole('dialog', { name: 'Новый запрос' });
  await expectAccessible(page, 'new request dialog');
  await newRequest.getByRole('button', { name: 'Записать отправку' }).click();
  await expect(newRequest.getByText('Обязательное поле')).toBeVisible();
  await expectAccessible(page, 'new request dialog with an error');
  await expectNoTrap(page, newRequest);
  await requests.getByRole('button', { name: 'Добавить запрос' }).click();
  await newRequest.getByLabel('Адресат').fill('Управление по вопросам миграции ГУ МВД России по г. Москве');
  await newRequest.getByRole('button', { name: 'Записать отправку' }).click();
  await expect(newRequest).toBeHidden();
  await requests.getByRole('button', { name: /^Отметить ход: / }).click();
  const progress = page.getByRole('dialog', { name: /^Ход запроса: / });
  await progress.getByLabel('Срок ответа продлён, дней').fill('99');
  await progress.getByRole('button', { name: 'Сохранить' }).click();
  await expect(progress.getByText('Целое число от 1 до 30')).toBeVisible();
  await expectAccessible(page, 'request progress dialog with an error');
  // Escape with a changed form asks before dropping the changes.
  await page.keyboard.press('Escape');
  const discard = page.getByRole('dialog', { name: 'Отменить ввод?' });
  await expect(discard).toBeVisible();
  await expectAccessible(page, 'the discard question over a changed form');
  await discard.getByRole('button', { name: 'Отменить ввод' }).click();
  await expect(progress).toBeHidden();

  const checks = page.getByRole('region', { name: 'Проверки реестра' });
  await checks.getByRole('button', { name: 'Добавить проверку' }).click();
  const check = page.getByRole('dialog', { name: 'Проверка реестра' });
  await check.getByRole('button', { name: 'Записать проверку' }).click();
  await expect(check.getByText('Обязательное поле')).toBeVisible();
  await expectAccessible(page, 'register check dialog with an error');
  await check.getByRole('radio', { name: 'В реестре не значится' }).check();
  await check.getByRole('button', { name: 'Записать проверку' }).click();
  await expect(check).toBeHidden();
  await expect(checks.getByRole('region', { name: 'Предложение закрыть дело' })).toBeFocused();
  await expectAccessible(page, 'checks log with the proposal to close the case');

  await diagnosis.getByRole('button', { name: 'Подтвердить: Разрыв регистрации в период действия договора' }).click();
  await expect(diagnosis.getByTestId('diagnosis-decision')).toBeVisible();
  await diagnosis.getByRole('button', { name: 'Выбрать другую причину' }).click();
  await expect(diagnosis.getByLabel('Причина включения в реестр')).toBeFocused();
  await expectAccessible(page, 'diagnosis with a decision and the override form open');

  await openRoute(page, `/cases/${id}?section=requests`);
  await expect(page.getByRole('heading', { name: 'Запросы и обращения', level: 2 })).toBeFocused();
  await expectAccessible(page, 'case page opened at a section');
});

const MOSCOW_UVM = 'Управление по вопросам миграции ГУ МВД России по г. Москве';
const REFERENCE_TABS = ['Основания', 'Причины ошибок', 'Доказательства', 'Адресаты', 'Представительства', 'Календарь', 'Правовые нормы', 'Сроки в днях', 'История версий'];

async function openReference(page: Page): Promise<void> {
  await openRoute(page, '/settings/reference');
  await expect(page.getByRole('region', { name: 'Действующая версия' })).toContainText('Версия 1');
}

// In three parts, so that the axe scans of the larger tables (about ninety addressees) stay well inside the time limit.
for (const tabs of [REFERENCE_TABS.slice(0, 3), REFERENCE_TABS.slice(3, 5), REFERENCE_TABS.slice(5)]) {
  test(`the reference screen has no serious accessibility violations in the tabs ${tabs.join(', ')}`, async ({ app: page }) => {
    await saveSettings(page);
    await openReference(page);
    for (const name of tabs) {
      await page.getByRole('tab', { name }).click();
      await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
      await expectAccessible(page, `reference data, tab «${name}»`);
    }
  });
}

test('the reference edit forms with errors, the import report and the reset dialog have no serious accessibility violations', async ({ app: page }, testInfo) => {
  await saveSettings(page);
  await openReference(page);

  await page.getByRole('tab', { name: 'Адресаты' }).click();
  await page.getByRole('button', { name: `Изменить: ${MOSCOW_UVM}`, exact: true }).click();
  const addressee = page.getByRole('dialog', { name: `Адресат: ${MOSCOW_UVM}` });
  await addressee.getByLabel('Наименование (именительный падеж)').fill('');
  await addressee.getByRole('button', { name: 'Сохранить' }).click();
  await expect(addressee.getByText('Обязательное поле')).toBeVisible();
  await expectAccessible(page, 'addressee form with an error');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Отменить ввод?' }).getByRole('button', { name: 'Отменить ввод' }).click();
  await expect(addressee).toBeHidden();

  await page.getByRole('tab', { name: 'Календарь' }).click();
  await page.getByRole('button', { name: 'Изменить: 2027 год', exact: true }).click();
  const calendar = page.getByRole('dialog', { name: 'Календарь на 2027 год' });
  await calendar.getByLabel('Праздничный день').fill('01.01.2026');
  await calendar.getByRole('button', { name: 'Добавить праздник' }).click();
  await expect(calendar.getByText('Дата не из 2027 года')).toBeVisible();
  await expectAccessible(page, 'calendar year form with an error');
  // A day typed and not yet added counts as input: Escape asks first.
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Отменить ввод?' }).getByRole('button', { name: 'Отменить ввод' }).click();
  await expect(calendar).toBeHidden();

  const broken = testInfo.outputPath('broken-reference.json');
  writeFileSync(broken, JSON.stringify({ version: 1, updatedAt: 'yesterday', addressees: [] }));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Импорт…' }).click();
  await (await chooser).setFiles(broken);
  const report = page.getByRole('dialog', { name: 'Импорт справочников' });
  await expect(report.getByText(/^Файл не прошёл проверку/)).toBeVisible();
  await expectAccessible(page, 'import report with problems');
  await report.getByRole('button', { name: 'Закрыть' }).click();

  await page.getByRole('button', { name: 'Сбросить к заводским…' }).click();
  await expect(page.getByRole('dialog', { name: 'Сбросить к заводским?' })).toBeVisible();
  await expectAccessible(page, 'reset confirmation');
  await page.keyboard.press('Escape');
});

test('keyboard: Tab reaches the navigation, the search, a row (Enter opens it), «Изменить» (Enter/Escape) and the save button; dialogs do not trap', async ({ app: page }) => {
  await saveSettings(page);
  await createCasesInPage(page, PEOPLE);
  await openCaseList(page, PEOPLE.length);

  // The skip link jumps over the top bar and the navigation straight to the screen.
  await focusTopOfPage(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  await tabTo(page, page.getByLabel('Поиск'), 2);

  await focusTopOfPage(page);
  const nav = page.getByRole('navigation', { name: 'Разделы' });
  // Top bar first: the skip link, help, then the account's lock and sign-out buttons.
  await tabTo(page, nav.getByRole('link', { name: 'Дела' }), 7);
  await tabTo(page, nav.getByRole('link', { name: 'Настройки' }), 5);
  await tabTo(page, page.getByLabel('Поиск'), 5);
  const row = page.getByRole('row').filter({ hasText: 'Усенов Нурлан' });
  await tabTo(page, row, 20);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/cases\/[\w-]+$/);
  await expect(page.getByRole('heading', { name: /^Дело КР-М-/ })).toBeVisible();
  await expect(page.getByText('Усенов Нурлан').first()).toBeVisible();

  // The case page: the first «Изменить» is a few stops away; Enter opens its editor, Escape closes it.
  await focusTopOfPage(page);
  const edit = page.getByRole('button', { name: /^Изменить: / }).first();
  await tabTo(page, edit, 40);
  const editName = (await edit.getAttribute('aria-label'))!;
  await page.keyboard.press('Enter');
  const editor = page.locator('.inline-field--editing');
  await expect(editor).toHaveCount(1);
  await expect(editor.getByRole('button', { name: 'Сохранить' })).toBeVisible();
  expect(await editor.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(page.getByRole('button', { name: editName })).toBeFocused();

  // Dialogs on the case page: Tab stays inside, Escape leaves, focus returns to the button that opened it.
  const documents = page.getByRole('region', { name: 'Документы, удостоверяющие личность' });
  const addButton = documents.getByRole('button', { name: 'Добавить документ' });
  await tabTo(page, addButton, 80);
  await page.keyboard.press('Enter');
  await expectNoTrap(page, page.getByRole('dialog', { name: 'Добавить документ' }));
  await expect(addButton).toBeFocused();
  const removeButton = documents.getByRole('button', { name: 'Удалить: Документ 1' });
  await tabTo(page, removeButton, 60, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expectNoTrap(page, page.getByRole('dialog', { name: 'Удалить запись?' }));
  await expect(removeButton).toBeFocused();
  await expect(documents.getByRole('heading', { name: /^Документ 1:/ })).toBeVisible();

  // The intake form: its save button is reachable from the top; the duplicate dialog does not trap either.
  await openIntake(page);
  await fillIntakeDuplicatingFirstPerson(page);
  await focusTopOfPage(page);
  const save = page.getByRole('button', { name: 'Сохранить дело' });
  await tabTo(page, save, 400);
  await page.keyboard.press('Enter');
  await expectNoTrap(page, page.getByRole('dialog', { name: 'Возможно, этот человек уже есть в базе' }));
  await expect(save).toBeFocused();
  await expect(page).toHaveURL(/#\/cases\/new$/);
});
