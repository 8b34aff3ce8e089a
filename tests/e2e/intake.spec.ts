import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { openRoute, saveSettings } from './support/setup';
import { ADMIN } from './support/sign-in';

type Name = readonly [surname: string, givenName: string, patronymic: string];

interface Applicant {
  ky?: Name;
  ru: Name;
  lat?: Name;
  sex: 'male' | 'female';
  /** Day, month, year as typed into the three boxes. */
  birth: readonly [string, string, string];
  pin?: string;
  document?: { series: string; number: string };
}

const GROUP = {
  ky: 'Имя по-кыргызски (кириллица)',
  ru: 'Имя по-русски (как в российских документах)',
  lat: 'Имя латиницей (как в паспорте)',
} as const;

// A saved case's page; the intake's own route #/cases/new must not count.
const CASE_URL = /#\/cases\/(?!new$)[A-Za-z0-9_-]+$/;
const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
// Exact names go through roles: a label's text includes the required marker «*», the accessible name does not.
const caseIdOf = (url: string) => /#\/cases\/([A-Za-z0-9_-]+)$/.exec(url)?.[1] ?? '';

async function openIntake(page: Page): Promise<void> {
  await openRoute(page, '/cases/new');
  await expect(page.getByRole('heading', { name: 'Новое дело', level: 1 })).toBeVisible();
  await expect(group(page, GROUP.ky).getByLabel('Фамилия')).toBeFocused();
}

async function fillName(page: Page, script: keyof typeof GROUP, name: Name): Promise<void> {
  const fieldset = group(page, script === 'ky' ? GROUP.ky : script === 'ru' ? GROUP.ru : GROUP.lat);
  await fieldset.getByLabel('Фамилия').fill(name[0]);
  await fieldset.getByRole('textbox', { name: 'Имя', exact: true }).fill(name[1]);
  await fieldset.getByLabel('Отчество').fill(name[2]);
}

/** The fields a case cannot be saved without, plus a ПИН and one document when given. */
async function fillApplicant(page: Page, person: Applicant): Promise<void> {
  if (person.ky) await fillName(page, 'ky', person.ky);
  await fillName(page, 'ru', person.ru);
  if (person.lat) await fillName(page, 'lat', person.lat);
  await page.getByLabel('Форма отчества').selectOption({ label: 'Отчество' });
  await page.getByRole('combobox', { name: 'Пол', exact: true }).selectOption(person.sex);
  const birth = group(page, 'Дата рождения');
  await birth.getByLabel('День').fill(person.birth[0]);
  await birth.getByLabel('Месяц').fill(person.birth[1]);
  await birth.getByLabel('Год').fill(person.birth[2]);
  if (person.pin) await page.getByLabel('ПИН', { exact: true }).fill(person.pin);
  await page.getByLabel('Язык общения').selectOption({ label: 'Кыргызский' });
  if (person.document) {
    await page.getByRole('button', { name: 'Добавить документ' }).click();
    const doc = group(page, 'Документ 1');
    await expect(doc.getByLabel('Вид документа')).toBeFocused();
    await doc.getByLabel('Вид документа').selectOption({ label: 'Общегражданский паспорт (2020 г.)' });
    await doc.getByLabel('Серия').fill(person.document.series);
    await doc.getByRole('textbox', { name: 'Номер', exact: true }).fill(person.document.number);
    await doc.getByLabel('Дата выдачи').fill('10.05.2021');
    await doc.getByLabel('Действителен до').fill('09.05.2031');
  }
  await page.getByLabel('Регион России').fill('г. Москва');
  await page.getByLabel('Когда узнал о включении в реестр').fill('15.05.2025');
  await page.getByRole('combobox', { name: 'Как узнал', exact: true }).selectOption({ label: 'Банк' });
}

/** Creates a case through the form and returns its id. */
async function seedCase(page: Page, person: Applicant): Promise<string> {
  await openIntake(page);
  await fillApplicant(page, person);
  await page.getByRole('button', { name: 'Сохранить дело' }).click();
  await expect(page).toHaveURL(CASE_URL);
  return caseIdOf(page.url());
}

/** Cases in the database, read straight from IndexedDB (not through the UI that is under test). */
function countCases(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('aryz');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('cases').objectStore('cases').count();
          request.onsuccess = () => {
            resolve(request.result);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

const SEED: Applicant = {
  ky: ['Жумагулов', 'Бакыт', 'Асанович'],
  ru: ['Жумагулов', 'Бакыт', 'Асанович'],
  lat: ['ZHUMAGULOV', 'BAKYT', 'ASANOVICH'],
  sex: 'male',
  birth: ['12', '03', '1990'],
  pin: '21203199000123',
  document: { series: 'AN', number: '1234567' },
};

/** Differs from SEED in every duplicate key: ПИН, document number, name and birth date. */
const STRANGER: Applicant = {
  ru: ['Осмонова', 'Нургуль', 'Каныбековна'],
  sex: 'female',
  birth: ['01', '02', '1985'],
  pin: '10102198500456',
  document: { series: 'AC', number: '7654321' },
};

function duplicateDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Возможно, этот человек уже есть в базе' });
}

test('a full intake with Kyrgyz names creates the case; warnings do not block; the draft is gone afterwards', async ({ app: page }) => {
  await saveSettings(page);
  await openIntake(page);
  await expect(page.getByText(`Записывает: ${ADMIN.name}`)).toBeVisible();

  await fillName(page, 'ky', ['Түлөбердиев', 'Бакыт', 'Маңызбек уулу']);
  await fillName(page, 'ru', ['Тулебердиев', 'Бакыт', 'Манызбекович']);
  await fillName(page, 'lat', ['TULOBERDIEV', 'BAKYT', 'MANYZBEKOVICH']);
  await page.getByLabel('Форма отчества').selectOption({ label: 'Форма «уулу/кызы»' });
  await page.getByRole('button', { name: 'Добавить написание' }).click();
  await expect(page.getByLabel('Написание 1')).toBeFocused();
  await page.getByLabel('Написание 1').fill('Тулобердиев');
  await page.getByRole('combobox', { name: 'Пол', exact: true }).selectOption({ label: 'Мужской' });
  const birth = group(page, 'Дата рождения');
  await birth.getByLabel('День').fill('12');
  await birth.getByLabel('Месяц').fill('03');
  await birth.getByLabel('Год').fill('1990');
  await page.getByLabel('Место рождения').fill('г. Ош');
  // Typed in groups as on the card; leaving the field drops the spaces.
  await page.getByLabel('ПИН', { exact: true }).fill('2 1203 1990 00123');
  await page.getByLabel('ПИН', { exact: true }).blur();
  await expect(page.getByLabel('ПИН', { exact: true })).toHaveValue('21203199000123');
  await page.getByRole('button', { name: 'Добавить телефон' }).click();
  await page.getByLabel('Телефон 1').fill('+7 999 123-45-67');
  await page.getByLabel('Электронная почта').fill('bakyt@example.kg');
  await page.getByLabel('Язык общения').selectOption({ label: 'Кыргызский' });
  await page.getByLabel('Дата согласия на обработку персональных данных').fill('20.05.2025');
  await page.getByLabel('Почтовый адрес в России для ответов').fill('г. Москва, ул. Ленина, д. 1, кв. 2');
  await page.getByLabel('Адрес в Кыргызстане').fill('г. Ош, ул. Курманжан Датка, 5');
  await page.getByLabel('Есть представитель').check();
  await page.getByLabel('Ф.И.О. представителя').fill('Түлөбердиева Айгүл');

  await page.getByRole('button', { name: 'Добавить документ' }).click();
  const doc = group(page, 'Документ 1');
  await doc.getByLabel('Вид документа').selectOption({ label: 'Общегражданский паспорт (2020 г.)' });
  await doc.getByLabel('Серия').fill('AC');
  await doc.getByRole('textbox', { name: 'Номер', exact: true }).fill('1234567');
  await doc.getByLabel('Дата выдачи').fill('10.05.2021');
  await doc.getByLabel('Кем выдан').fill('МКК 211011');
  await doc.getByLabel('Действителен до').fill('09.05.2031');
  await doc.getByLabel('По этому документу въезжал в Россию').check();

  await page.getByRole('button', { name: 'Добавить въезд' }).click();
  const entry = group(page, 'Въезд 1');
  await entry.getByLabel('Дата въезда').fill('15.01.2024');
  await entry.getByLabel('Пункт пропуска').fill('Домодедово');
  await entry.getByLabel('Документ, по которому въехал').selectOption({ label: 'Документ 1: AC 1234567' });
  await entry.getByLabel('Цель визита по миграционной карте').selectOption({ label: 'Работа' });

  await page.getByRole('button', { name: 'Добавить период учёта' }).click();
  const registration = group(page, 'Учёт 1');
  await registration.getByLabel('Адрес учёта').fill('г. Москва, ул. Ленина, д. 1');
  await registration.getByLabel('Начало учёта').fill('16.01.2024');
  await registration.getByLabel('Окончание учёта').fill('31.05.2024');
  await registration.getByLabel('Способ постановки на учёт').selectOption({ label: 'МВД' });

  await page.getByRole('button', { name: 'Добавить договор' }).click();
  const contract = group(page, 'Договор 1');
  await contract.getByLabel('Работодатель').fill('ООО «Ромашка»');
  await contract.getByLabel('ИНН работодателя').fill('7701234567');
  await contract.getByLabel('Вид договора').selectOption({ label: 'Трудовой договор' });
  await contract.getByLabel('Начало договора').fill('16.01.2024');
  await contract.getByLabel('Бессрочный договор').uncheck();
  await contract.getByLabel('Окончание договора').fill('30.06.2024');

  // The EAEU gap: June is not covered by any registration — on the timeline (in words) and as a warning.
  const timeline = contract.getByRole('figure', { name: 'Учёт в период договора' });
  await expect(timeline.getByText('Период договора: 16.01.2024 — 30.06.2024')).toBeVisible();
  await expect(timeline.getByText('Учёт 1: 16.01.2024 — 31.05.2024')).toBeVisible();
  await expect(timeline.getByText('Без учёта: 01.06.2024 — 30.06.2024 (30 дн.)')).toBeVisible();
  const warnings = page.getByRole('region', { name: /^Предупреждения \(\d+\) — сохранению не мешают$/ });
  await expect(warnings.getByText('Договор 1: Период договора не покрыт учётом: 01.06.2024 — 30.06.2024 (30 дней)')).toBeVisible();

  await page.getByLabel('Регион России').fill('г. Москва');
  await page.getByLabel('Когда узнал о включении в реестр').fill('15.05.2025');
  await page.getByRole('combobox', { name: 'Как узнал', exact: true }).selectOption({ label: 'Банк' });
  await page.getByLabel('Примечание').fill('Сбербанк заблокировал карту');
  await page.getByLabel('Блокировка счёта').check();

  await page.keyboard.press('Control+s');
  await expect(page).toHaveURL(CASE_URL);
  expect(await countCases(page)).toBe(1);

  // The case list shows it, and a new intake starts blank: createCase took the draft away.
  await openRoute(page, '/cases');
  await expect(page.getByRole('link', { name: 'Тулебердиев Бакыт Манызбекович' })).toBeVisible();
  await openIntake(page);
  await expect(page.getByRole('button', { name: /Восстановить черновик/ })).toHaveCount(0);
  await expect(group(page, GROUP.ky).getByLabel('Фамилия')).toHaveValue('');
});

test('a draft survives a reload and is offered back; «Начать заново» discards it', { tag: '@fault' }, async ({ app: page }) => {
  await saveSettings(page);
  await openIntake(page);
  await fillName(page, 'ky', ['Төлөгөнов', 'Нурбек', 'Маңыз уулу']);
  await group(page, 'Дата рождения').getByLabel('Год').fill('1987');
  await page.getByRole('button', { name: 'Добавить документ' }).click();
  await group(page, 'Документ 1').getByRole('textbox', { name: 'Номер', exact: true }).fill('1112223');
  await expect(page.getByText(/^Черновик сохранён \d{2}:\d{2}$/)).toBeVisible();

  await page.reload();
  const restore = page.getByRole('button', { name: /^Восстановить черновик от \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/ });
  await expect(restore).toBeFocused();
  await restore.click();
  const ky = group(page, GROUP.ky);
  await expect(ky.getByLabel('Фамилия')).toHaveValue('Төлөгөнов');
  await expect(ky.getByRole('textbox', { name: 'Имя', exact: true })).toHaveValue('Нурбек');
  await expect(ky.getByLabel('Отчество')).toHaveValue('Маңыз уулу');
  await expect(group(page, 'Дата рождения').getByLabel('Год')).toHaveValue('1987');
  await expect(group(page, 'Дата рождения').getByLabel('День')).toHaveValue('');
  await expect(group(page, 'Документ 1').getByRole('textbox', { name: 'Номер', exact: true })).toHaveValue('1112223');

  await page.reload();
  // Discarding asks first; «Вернуться к анкете» keeps the offer.
  await page.getByRole('button', { name: 'Начать заново' }).click();
  const confirm = page.getByRole('dialog', { name: 'Удалить черновик?' });
  await confirm.getByRole('button', { name: 'Вернуться к анкете' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('button', { name: /Восстановить черновик/ })).toBeVisible();
  await page.getByRole('button', { name: 'Начать заново' }).click();
  await confirm.getByRole('button', { name: 'Удалить черновик' }).click();
  await expect(group(page, GROUP.ky).getByLabel('Фамилия')).toHaveValue('');
  await page.reload();
  await expect(group(page, GROUP.ky).getByLabel('Фамилия')).toBeFocused();
  await expect(page.getByRole('button', { name: /Восстановить черновик/ })).toHaveCount(0);
});

test('duplicate by ПИН only: the match says so, and opening the existing case keeps the draft', async ({ app: page }) => {
  await saveSettings(page);
  const seedId = await seedCase(page, SEED);
  await openIntake(page);
  await fillApplicant(page, { ...STRANGER, pin: SEED.pin });
  await page.getByRole('button', { name: 'Сохранить дело' }).click();

  const dialog = duplicateDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('тот же ПИН 21203199000123')).toBeVisible();
  await expect(dialog.getByText('Жумагулов Бакыт Асанович').first()).toBeVisible();
  await expect(dialog.getByText('Дата рождения: 12.03.1990 · Статус: Приём')).toBeVisible();
  await expect(dialog.getByText(/тот же номер документа|то же Ф\.И\.О\./)).toHaveCount(0);
  await dialog.getByRole('button', { name: /^Открыть дело КР-М-\d{2}-00001$/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${seedId}$`));
  expect(await countCases(page)).toBe(1);

  await openRoute(page, '/cases/new');
  await page.getByRole('button', { name: /^Восстановить черновик от/ }).click();
  await expect(group(page, GROUP.ru).getByLabel('Фамилия')).toHaveValue('Осмонова');
});

test('duplicate by document number only, typed as "an 1234567"; saving anyway needs a reason', async ({ app: page }) => {
  await saveSettings(page);
  const seedId = await seedCase(page, SEED);
  await openIntake(page);
  await fillApplicant(page, { ...STRANGER, document: { series: '', number: 'an 1234567' } });
  await page.getByRole('button', { name: 'Сохранить дело' }).click();

  const dialog = duplicateDialog(page);
  await expect(dialog.getByText('тот же номер документа an 1234567')).toBeVisible();
  await expect(dialog.getByText(/тот же ПИН|то же Ф\.И\.О\./)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Всё равно сохранить' }).click();
  await expect(dialog.getByText('Обязательное поле')).toBeVisible();
  expect(await countCases(page)).toBe(1);

  await dialog.getByLabel('Причина, по которой это другое лицо или отдельное дело').fill('Другой человек: номер совпал по ошибке в анкете МВД');
  await dialog.getByRole('button', { name: 'Всё равно сохранить' }).click();
  await expect(page).toHaveURL(CASE_URL);
  expect(caseIdOf(page.url())).not.toBe(seedId);
  expect(await countCases(page)).toBe(2);
});

test('duplicate by name and birth date only, spelled «Джумагулов» in Russian against Kyrgyz «Жумагулов»', async ({ app: page }) => {
  await saveSettings(page);
  await seedCase(page, { ...SEED, ky: ['Жумагулов', 'Бакыт', ''], ru: ['Жумагулов', 'Бакыт', ''], lat: undefined });
  await openIntake(page);
  await fillApplicant(page, { ...STRANGER, ru: ['Джумагулов', 'Бакыт', ''], sex: 'male', birth: SEED.birth });
  await page.getByRole('button', { name: 'Сохранить дело' }).click();

  const dialog = duplicateDialog(page);
  await expect(dialog.getByText('то же Ф.И.О. и дата рождения 12.03.1990')).toBeVisible();
  await expect(dialog.getByText(/тот же ПИН|тот же номер документа/)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Вернуться к анкете' }).click();
  await expect(dialog).toBeHidden();
  await expect(group(page, GROUP.ru).getByLabel('Фамилия')).toHaveValue('Джумагулов');
  expect(await countCases(page)).toBe(1);
});

test('impossible input is refused with specific messages; nothing is saved and nothing typed is lost', async ({ app: page }) => {
  await saveSettings(page);
  await openIntake(page);
  await fillApplicant(page, { ...SEED, pin: '2120319900012А', birth: ['01', '01', '2090'] });
  // Hard errors show while typing, before any save.
  await expect(page.getByText('ПИН: допустимы только цифры (лишние символы: А)').first()).toBeVisible();
  // A text longer than its limit stops at the limit while typed instead of being refused on save.
  await page.getByLabel('Примечание').fill('Ы'.repeat(5000));
  const note = 'Ы'.repeat(2000);
  await expect(page.getByLabel('Примечание')).toHaveValue(note);

  await page.getByRole('button', { name: 'Сохранить дело' }).click();
  const summary = page.getByRole('region', { name: /^Дело не сохранено\. Исправьте ошибки \(\d+\):$/ });
  await expect(summary.getByRole('heading')).toHaveText('Дело не сохранено. Исправьте ошибки (2):');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('button', { name: 'ПИН: допустимы только цифры (лишние символы: А)' })).toBeVisible();
  await expect(summary.getByRole('button', { name: /^Дата рождения: 01\.01\.2090 позже сегодняшней \(\d{2}\.\d{2}\.\d{4}\)$/ })).toBeVisible();
  await expect(summary.getByRole('button', { name: /^Примечание/ })).toHaveCount(0);
  await expect(page.getByRole('status').getByText(/^Дело не сохранено: есть ошибки \(2\)/)).toBeVisible();

  // A summary entry takes the caseworker to the field.
  await summary.getByRole('button', { name: /^ПИН:/ }).click();
  await expect(page.getByLabel('ПИН', { exact: true })).toBeFocused();

  // An impossible date in a date box blocks too, with its own message (Ctrl+S while still in the box).
  const expiry = group(page, 'Документ 1').getByLabel('Действителен до');
  await expiry.fill('31.02.2031');
  await page.keyboard.press('Control+s');
  await expect(summary.getByRole('button', { name: 'Документ 1 › Действителен до: Нет такой даты: «31.02.2031» (ожидается дд.мм.гггг)' })).toBeVisible();

  await expect(page).toHaveURL(/#\/cases\/new$/);
  expect(await countCases(page)).toBe(0);
  await expect(page.getByLabel('ПИН', { exact: true })).toHaveValue('2120319900012А');
  await expect(group(page, 'Дата рождения').getByLabel('Год')).toHaveValue('2090');
  await expect(page.getByLabel('Примечание')).toHaveValue(note);
  await expect(expiry).toHaveValue('31.02.2031');
  await expect(group(page, GROUP.ky).getByLabel('Фамилия')).toHaveValue('Жумагулов');
});
