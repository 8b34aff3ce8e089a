import type { Locator, Page } from '@playwright/test';
import { addDays, formatDate } from '../../shared/case/dates';
import { intake } from '../fixtures/intakes';
import { expect, test } from './support/fixtures';
import { createCasesInPage } from './support/page-cases';
import { openRoute, saveSettings } from './support/setup';
import { ADMIN } from './support/sign-in';

const GAP_CAUSE = 'Разрыв регистрации в период действия договора';
const GROUND_E2 = 'E-2 — Приобретение законных оснований для пребывания (проживания) в России';
const ADDRESSEE = 'Управление по вопросам миграции ГУ МВД России по г. Москве';

/**
 * The fixture person entered on 15.01.2024 and is registered from 16.01.2024 to 31.12.2024; here the contract
 * runs until 30.06.2025, so the first half of 2025 is a contract period without registration — before he
 * learned of the listing on 15.05.2025.
 */
function personWithRegistrationGap() {
  const draft = intake({ nameKy: ['Асанов', 'Бакыт', ''], nameRu: ['Асанов', 'Бакыт', ''], nameLat: ['ASANOV', 'BAKYT', ''], number: '7654321' });
  draft.employments[0]!.end = '2025-06-30';
  return draft;
}

/** Today as the page sees it (the browser runs in Moscow time, the test runner may not). */
function pageToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  });
}

async function openCase(page: Page, id: string, query = ''): Promise<void> {
  await openRoute(page, `/cases/${id}${query}`);
  await expect(page.getByRole('heading', { name: /^Дело КР-М-/ })).toBeVisible();
}

async function caseWithGap(page: Page): Promise<string> {
  await saveSettings(page);
  const [id] = await createCasesInPage(page, [personWithRegistrationGap()]);
  await openCase(page, id!);
  return id!;
}

const panel = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const deadlineRow = (deadlines: Locator, clock: string) => deadlines.getByRole('row').filter({ has: deadlines.page().getByRole('rowheader', { name: new RegExp(`^${clock}`) }) });
const history = (page: Page) => page.getByRole('region', { name: 'История дела' });

test('a registration gap is diagnosed with its reasoning, checklist and documents; confirming and overriding are recorded in the history', async ({ app: page }) => {
  await caseWithGap(page);
  const diagnosis = panel(page, 'Диагностика: почему человек в реестре');
  const cause = diagnosis.getByRole('article', { name: GAP_CAUSE });
  await expect(cause).toBeVisible();
  await expect(cause.getByText('высокая вероятность')).toBeVisible();
  await expect(cause.getByText('Нет регистрации с 01.01.2025 по 30.06.2025 (181 дн.)')).toBeVisible();
  await expect(cause.getByText('Разрыв начался до того, как гражданин узнал о включении в реестр (15.05.2025)')).toBeVisible();
  await expect(cause.getByText(`Основание для исключения: ${GROUND_E2}`)).toBeVisible();

  // The checklist: what the case already proves, and what is still missing.
  const item = (label: string) => cause.locator('.checklist__item').filter({ hasText: label });
  await expect(item('Действующий паспорт или ID-карта')).toContainText('есть');
  await expect(item('Действующий паспорт или ID-карта')).toContainText('в деле: AC7654321');
  await expect(item('Отрывные части уведомлений о прибытии')).toContainText('в деле: 16.01.2024–31.12.2024');
  await expect(item('Регистрация на весь срок договора, без разрывов')).toContainText('не хватает');
  await expect(item('Распечатка проверки по реестру')).toContainText('не хватает');
  await expect(cause.getByRole('listitem').filter({ hasText: 'Ходатайство представительства в территориальный орган МВД' })).toBeVisible();

  await cause.getByRole('button', { name: `Подтвердить: ${GAP_CAUSE}` }).click();
  const decision = diagnosis.getByTestId('diagnosis-decision');
  await expect(decision).toContainText(`Подтверждено: ${GAP_CAUSE}`);
  await expect(decision).toContainText(new RegExp(`Справочник версии 1 · ${ADMIN.name} · \\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}`));
  await expect(cause.getByText('Подтверждено сотрудником')).toBeVisible();
  await expect(history(page).getByText(`Диагноз подтверждён: ${GAP_CAUSE}; основание для исключения: ${GROUND_E2}`)).toBeVisible();

  // Overriding: another cause and ground, with the reason why.
  await diagnosis.getByRole('button', { name: 'Выбрать другую причину' }).click();
  await expect(diagnosis.getByLabel('Причина включения в реестр')).toBeFocused();
  await diagnosis.getByLabel('Причина включения в реестр').selectOption({ label: 'R-9 — Документы в порядке, но человек в реестре' });
  await expect(diagnosis.getByLabel('Основание для исключения')).toHaveValue('E-ERROR');
  await diagnosis.getByLabel('Примечание (почему выбрано так)').fill('Регистрация продлена, талон в деле');
  await diagnosis.getByRole('button', { name: 'Сохранить решение' }).click();
  await expect(decision).toContainText('Выбрано сотрудником: Документы в порядке, но человек в реестре');
  await expect(decision).toContainText(`Диагностика предлагала: ${GAP_CAUSE} (высокая вероятность)`);
  await expect(decision).toContainText('Примечание: Регистрация продлена, талон в деле');
  await expect(diagnosis.getByRole('button', { name: 'Выбрать другую причину' })).toBeFocused();
  await expect(history(page).getByText(/^Причина выбрана сотрудником: Документы в порядке, но человек в реестре; основание для исключения: E-ERROR/)).toBeVisible();
  await expect(history(page).getByText('Примечание: Регистрация продлена, талон в деле')).toBeVisible();

  await page.reload();
  await expect(panel(page, 'Диагностика: почему человек в реестре').getByTestId('diagnosis-decision')).toContainText('Выбрано сотрудником: Документы в порядке, но человек в реестре');
});

test('sending a citizen application starts the 59-ФЗ clocks; recording its registration moves the answer term', async ({ app: page }) => {
  await caseWithGap(page);
  const today = await pageToday(page);
  const deadlines = panel(page, 'Сроки');
  // The court-claim term ran out three months after 15.05.2025: overdue, first, highlighted.
  const claim = deadlineRow(deadlines, 'Подача административного иска в суд');
  await expect(claim).toContainText('15.08.2025');
  await expect(claim).toContainText('Просрочен');
  await expect(claim).toHaveClass(/deadline--overdue/);
  // The legal source is cited as documents cite it, never by its reference id; 15.08.2025 is a Friday, so the
  // calendar moved nothing and no calendar warning belongs on this calendar-day term.
  await expect(claim).toContainText('КАС РФ, ст. 219 ч. 1');
  await expect(claim).not.toContainText('kas-art219');
  await expect(claim).not.toContainText('производственный календарь не подтверждён');
  await expect(deadlineRow(deadlines, 'Регистрация обращения адресатом')).toHaveCount(0);
  await expect(deadlineRow(deadlines, 'Ответ на обращение')).toHaveCount(0);

  const requests = panel(page, 'Запросы и обращения');
  await requests.getByRole('button', { name: 'Добавить запрос' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новый запрос' });
  await expect(dialog.getByLabel('Вид')).toBeFocused();
  await expect(dialog.getByLabel('Вид')).toHaveValue('citizen_application');
  await expect(dialog.getByLabel('Дата отправки')).toHaveValue(formatDate(today));
  await dialog.getByRole('button', { name: 'Записать отправку' }).click();
  await expect(dialog.getByText('Обязательное поле')).toBeVisible();
  await dialog.getByLabel('Адресат').fill(ADDRESSEE);
  await dialog.getByLabel('Наш исходящий номер').fill('15');
  await dialog.getByRole('button', { name: 'Записать отправку' }).click();
  await expect(dialog).toBeHidden();
  await expect(requests.getByText('Запрос записан, сроки пересчитаны.')).toBeVisible();
  const label = `Заявление гражданина № 15 от ${formatDate(today)}`;
  await expect(requests.getByRole('heading', { name: label })).toBeVisible();
  await expect(requests.getByText(`Адресат: ${ADDRESSEE}`)).toBeVisible();

  // Receipt unknown: the 3 days run from the sending, the 30 from the last day of registration — both estimated.
  const registration = deadlineRow(deadlines, 'Регистрация обращения адресатом \\(3 дня\\)');
  await expect(registration).toContainText(formatDate(addDays(today, 3)));
  await expect(registration).toContainText('оценочно');
  await expect(registration).toContainText('Предстоит');
  await expect(registration).toContainText('календарные');
  // Cited from the reference data (59fz-art8: 59-ФЗ, ст. 8 ч. 2 — registration within three days), never by its id.
  await expect(registration).toContainText('59-ФЗ, ст. 8 ч. 2, 3');
  await expect(registration).not.toContainText('59fz-art8');
  await expect(registration).toContainText(label);
  const answer = deadlineRow(deadlines, 'Ответ на обращение \\(30 дней\\)');
  await expect(answer).toContainText(formatDate(addDays(today, 33)));
  await expect(answer).toContainText('оценочно');
  await expect(answer).toContainText('59-ФЗ, ст. 12');
  await expect(answer).not.toContainText('59fz-art12');
  await expect(panel(page, 'Проверки реестра').getByText(`Следующая проверка: ${formatDate(addDays(today, 1))}`)).toBeVisible();
  await expect(history(page).getByText(`Отправлен запрос: ${label}, адресат: ${ADDRESSEE}`)).toBeVisible();

  // The addressee registered it today under its own number: the answer is due 30 days from that, for certain.
  await requests.getByRole('button', { name: `Отметить ход: ${label}` }).click();
  const progress = page.getByRole('dialog', { name: `Ход запроса: ${label}` });
  await progress.getByLabel('Зарегистрирован адресатом').fill(formatDate(today));
  await progress.getByLabel('Входящий номер адресата').fill('77/123');
  await progress.getByLabel('Срок ответа продлён, дней').fill('45');
  await progress.getByRole('button', { name: 'Сохранить' }).click();
  await expect(progress.getByText('Целое число от 1 до 30')).toBeVisible();
  await progress.getByLabel('Срок ответа продлён, дней').fill('');
  await progress.getByRole('button', { name: 'Сохранить' }).click();
  await expect(progress).toBeHidden();
  await expect(requests.getByText(`${formatDate(today)}, вх. № 77/123`)).toBeVisible();
  await expect(registration).toContainText('Выполнен');
  await expect(answer).toContainText(formatDate(addDays(today, 30)));
  await expect(answer).not.toContainText('оценочно');
  await expect(history(page).getByText(`Запрос «${label}» — зарегистрирован: — → ${formatDate(today)}`)).toBeVisible();
});

test('a check showing the person is no longer listed proposes closing the case as excluded; confirming closes it', async ({ app: page }) => {
  await caseWithGap(page);
  // Checks made yesterday morning: whenever the test runs, 09:30 of that day is in the past.
  const day = addDays(await pageToday(page), -1);
  const checks = panel(page, 'Проверки реестра');
  await expect(checks.getByText('Проверок пока не было.')).toBeVisible();

  // A first check still finds him: logged, nothing proposed.
  await checks.getByRole('button', { name: 'Добавить проверку' }).click();
  let dialog = page.getByRole('dialog', { name: 'Проверка реестра' });
  await expect(dialog.getByLabel('Дата проверки')).toHaveValue(formatDate(addDays(day, 1)));
  await expect(dialog.getByLabel('Время')).toHaveValue(/^\d{2}:\d{2}$/);
  await dialog.getByLabel('Дата проверки').fill(formatDate(day));
  await dialog.getByLabel('Время').fill('9.30');
  await dialog.getByRole('button', { name: 'Записать проверку' }).click();
  await expect(dialog.getByText('Время в виде чч:мм, например 09:30')).toBeVisible();
  await dialog.getByLabel('Время').fill('09:30');
  await dialog.getByRole('button', { name: 'Записать проверку' }).click();
  await expect(dialog.getByText('Обязательное поле')).toBeVisible();
  await dialog.getByRole('radio', { name: 'В реестре значится' }).check();
  await dialog.getByLabel('Текст результата (как на сайте)').fill('Сведения о лице найдены в реестре контролируемых лиц');
  await dialog.getByRole('button', { name: 'Записать проверку' }).click();
  await expect(dialog).toBeHidden();
  const log = checks.getByRole('table', { name: 'Журнал проверок реестра, последние сверху' });
  await expect(log.getByRole('row').nth(1)).toContainText(`${formatDate(day)} 09:30`);
  await expect(log.getByRole('row').nth(1)).toContainText('Сайт МВД');
  await expect(log.getByRole('row').nth(1)).toContainText('документ Общегражданский паспорт (2020 г.) AC 7654321; выдан 10.05.2021; полная дата рождения');
  await expect(log.getByRole('row').nth(1)).toContainText('В реестре значится');
  await expect(checks.getByRole('region', { name: 'Предложение закрыть дело' })).toHaveCount(0);

  // A later one by Госуслуги no longer does.
  await checks.getByRole('button', { name: 'Добавить проверку' }).click();
  dialog = page.getByRole('dialog', { name: 'Проверка реестра' });
  await dialog.getByLabel('Дата проверки').fill(formatDate(day));
  await dialog.getByLabel('Время').fill('09:45');
  await dialog.getByLabel('Где проверяли').selectOption({ label: 'Госуслуги' });
  await dialog.getByLabel('Дата рождения при проверке').selectOption({ label: 'только год рождения' });
  await dialog.getByRole('radio', { name: 'В реестре не значится' }).check();
  await dialog.getByLabel('Текст результата (как на сайте)').fill('в реестре не значится');
  await dialog.getByLabel('Файл снимка экрана').fill('снимок-госуслуги-0945.png');
  await dialog.getByRole('button', { name: 'Записать проверку' }).click();
  await expect(dialog).toBeHidden();
  const latest = log.getByRole('row').nth(1);
  await expect(latest).toContainText(`${formatDate(day)} 09:45`);
  await expect(latest).toContainText('Госуслуги');
  await expect(latest).toContainText('только год рождения');
  await expect(latest).toContainText('в реестре не значится');
  await expect(latest).toContainText('снимок-госуслуги-0945.png');

  const proposal = checks.getByRole('region', { name: 'Предложение закрыть дело' });
  await expect(proposal).toBeFocused();
  await expect(proposal).toContainText(`Лица нет в реестре — закрыть дело как «Исключён из реестра» с датой ${formatDate(day)}?`);
  await proposal.getByRole('button', { name: 'Закрыть дело' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('Исключён из реестра');
  await expect(proposal).toHaveCount(0);
  await expect(checks.getByText(`Дело закрыто: исключён из реестра ${formatDate(day)}.`)).toBeVisible();
  await expect(panel(page, 'Сроки').getByText('Дело закрыто — сроки больше не отслеживаются.')).toBeVisible();
  // The first check moved the case to «Проверка» by the rules (register_checked: intake → checking); closing it
  // was the caseworker's confirmation, never a rule.
  await expect(history(page).getByText('Статус: Приём → Проверка')).toBeVisible();
  await expect(history(page).getByText('Примечание: Проверка по реестру')).toBeVisible();
  await expect(history(page).getByText('Статус: Проверка → Исключён из реестра')).toBeVisible();
  await expect(history(page).getByText(`Примечание: Исключён из реестра ${formatDate(day)}`)).toBeVisible();
  await expect(history(page).getByText('Итог дела: — → Исключён')).toBeVisible();
  await expect(history(page).getByText(`Проверка реестра ${formatDate(day)} 09:45 (Госуслуги): В реестре не значится`)).toBeVisible();
});

test('a link with ?section= opens the case page at that panel, its heading focused', async ({ app: page }) => {
  const id = await caseWithGap(page);
  await openRoute(page, '/cases');
  await openCase(page, id, '?section=checks');
  const heading = page.getByRole('heading', { name: 'Проверки реестра', level: 2 });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(page.getByRole('heading', { name: /^Дело КР-М-/ })).not.toBeInViewport();

  // Following another section link on the same case page moves there too.
  await openRoute(page, `/cases/${id}?section=diagnosis`);
  await expect(page.getByRole('heading', { name: 'Диагностика: почему человек в реестре', level: 2 })).toBeFocused();
  await openRoute(page, `/cases/${id}?section=nonsense`);
  await expect(page.getByRole('heading', { name: /^Дело КР-М-/ })).toBeVisible();
});
