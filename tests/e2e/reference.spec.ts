import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { loadReferenceBundle, type ReferenceBundle } from '../../shared/reference';
import { expect, test } from './support/fixtures';
import { openRoute, saveSettings } from './support/setup';
import { ADMIN } from './support/sign-in';

const MOSCOW = 'Управление по вопросам миграции ГУ МВД России по г. Москве';
const NEW_ADDRESS = '115035, г. Москва, ул. Примерная, д. 5';

/** Today as the app shows it: the tests run the browser in Moscow time. */
const TODAY = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

function factory(): ReferenceBundle {
  const dir = path.resolve(__dirname, '../../resources/reference');
  const files = Object.fromEntries(readdirSync(dir).map((name) => [name, JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as unknown]));
  const result = loadReferenceBundle(files);
  if (!result.ok) throw new Error('factory reference data invalid');
  return result.bundle;
}

const inForce = (page: Page): Locator => page.getByRole('region', { name: 'Действующая версия' });
const status = (page: Page): Locator => inForce(page).getByRole('status');

async function openReference(page: Page): Promise<void> {
  await openRoute(page, '/settings');
  await page.getByRole('link', { name: 'Открыть справочники' }).click();
  await expect(page).toHaveURL(/#\/settings\/reference$/);
  await expect(page.getByRole('heading', { name: 'Справочники', level: 1 })).toBeVisible();
  await expect(inForce(page)).toContainText('Версия 1');
}

async function openTab(page: Page, name: string): Promise<Locator> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  return page.getByRole('tabpanel');
}

async function exportFile(page: Page, target: string): Promise<{ download: Download; bundle: ReferenceBundle }> {
  const downloadPromise = page.waitForEvent('download');
  await inForce(page).getByRole('button', { name: 'Экспорт' }).click();
  const download = await downloadPromise;
  await download.saveAs(target);
  return { download, bundle: JSON.parse(readFileSync(target, 'utf8')) as ReferenceBundle };
}

async function importFile(page: Page, file: string): Promise<Locator> {
  const chooser = page.waitForEvent('filechooser');
  await inForce(page).getByRole('button', { name: 'Импорт…' }).click();
  await (await chooser).setFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Импорт справочников' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(`Файл: ${path.basename(file)}`)).toBeVisible();
  return dialog;
}

test('an addressee edit (address, verified today) makes a new audited version; an invalid edit is refused and changes nothing', async ({ app: page }) => {
  await saveSettings(page);
  await openReference(page);
  await expect(inForce(page)).toContainText('заводские данные');

  let panel = await openTab(page, 'Адресаты');
  const row = panel.getByRole('row').filter({ hasText: MOSCOW });
  await expect(row).toContainText('адрес: нет сведений');
  await panel.getByRole('button', { name: `Изменить: ${MOSCOW}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Адресат: ${MOSCOW}` });
  await expect(dialog.getByLabel('Наименование (именительный падеж)')).toHaveValue(MOSCOW);
  await dialog.getByLabel('Почтовый адрес').fill(NEW_ADDRESS);
  await dialog.getByLabel('Достоверность адреса').selectOption('verified');
  await dialog.getByRole('button', { name: 'Отметить проверенным сегодня' }).click();
  await expect(dialog.getByLabel('Дата проверки по официальному источнику')).toHaveValue(TODAY);
  await expect(dialog.getByLabel('Достоверность наименования и полномочий')).toHaveValue('verified');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();

  await expect(dialog).toBeHidden();
  await expect(status(page)).toHaveText('Сохранено: создана версия 2');
  await expect(inForce(page)).toContainText('Версия 2');
  await expect(inForce(page)).toContainText(ADMIN.name);
  await expect(row).toContainText(NEW_ADDRESS);
  await expect(row).toContainText('адрес: проверено');
  await expect(row).toContainText(TODAY);

  panel = await openTab(page, 'История версий');
  const v2 = panel.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Версия 2/ }) });
  await expect(v2).toContainText('Изменение');
  await expect(v2).toContainText(ADMIN.name);
  await expect(v2).toContainText('Адресаты: uvm-77 — изменено');
  await expect(panel.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Версия 1/ }) })).toContainText('Заводские данные');

  // Empty name: refused at the field, everything typed stays, nothing is stored.
  panel = await openTab(page, 'Адресаты');
  await panel.getByRole('button', { name: `Изменить: ${MOSCOW}`, exact: true }).click();
  await dialog.getByLabel('Наименование (именительный падеж)').fill('   ');
  await dialog.getByLabel('Обращение').fill('Уважаемый господин полковник!');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText('Исправьте отмеченные поля. Изменения не сохранены.')).toBeVisible();
  await expect(dialog.getByText('Обязательное поле')).toBeVisible();
  await expect(dialog.getByLabel('Наименование (именительный падеж)')).toBeFocused();
  await expect(dialog.getByLabel('Наименование (именительный падеж)')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Обращение')).toHaveValue('Уважаемый господин полковник!');

  // A check date on an entry no longer marked verified: the rule across fields is named at the date.
  await dialog.getByLabel('Наименование (именительный падеж)').fill(MOSCOW);
  await dialog.getByLabel('Достоверность наименования и полномочий').selectOption('unverified');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText('Дата проверки ставится только у записи со статусом «проверено»')).toBeVisible();
  await expect(dialog.getByText('Обязательное поле')).toBeHidden();
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await expect(dialog).toBeHidden();

  await expect(inForce(page)).toContainText('Версия 2');
  await expect(row).toContainText('Уважаемый господин начальник!');
  await expect(row).not.toContainText('полковник');
  panel = await openTab(page, 'История версий');
  await expect(panel.getByRole('heading', { name: /^Версия \d/ })).toHaveCount(2);
});

test('export writes the version in force; an imported file shows its changes before applying them; broken files change nothing', async ({ app: page }, testInfo) => {
  await saveSettings(page);
  await openReference(page);

  // A legal reference's summary and status, edited here, must be in the export.
  let panel = await openTab(page, 'Правовые нормы');
  await panel.getByRole('button', { name: /^Изменить: Федеральный закон от 25\.07\.2002 № 115-ФЗ.*, ст\. 13 п\. 8$/ }).click();
  const legal = page.getByRole('dialog');
  await legal.getByLabel('Содержание (простым языком, по-русски)').fill('Пересказ нормы, проверенный по официальному тексту.');
  await legal.getByLabel('Достоверность').selectOption('verified');
  await legal.getByRole('button', { name: 'Сохранить' }).click();
  await expect(status(page)).toHaveText('Сохранено: создана версия 2');

  const exported = await exportFile(page, testInfo.outputPath('export.json'));
  expect(exported.download.suggestedFilename()).toMatch(/^aryz-reference-v2-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(status(page)).toHaveText(/^Файл сохранён: aryz-reference-v2-.*\.json$/);
  expect(exported.bundle.version).toBe(2);
  const ref = exported.bundle.legalRefs.find((r) => r.id === '115fz-art13')!;
  expect(ref).toMatchObject({ summaryRu: 'Пересказ нормы, проверенный по официальному тексту.', verification: 'verified' });

  // A modified copy: two rows change; the dialog lists them and applies them as version 3.
  const modified = structuredClone(exported.bundle);
  modified.addressees.find((a) => a.id === 'uvm-50')!.salutation = 'Уважаемый господин генерал!';
  modified.causes.find((c) => c.id === 'R-1')!.explanation.ky = 'Жаңыланган түшүндүрмө.';
  const modifiedFile = testInfo.outputPath('modified.json');
  writeFileSync(modifiedFile, JSON.stringify(modified));
  let dialog = await importFile(page, modifiedFile);
  await expect(dialog.getByText('После импорта действовать будет версия 3. Изменённых строк: 2.')).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveText(['Причины ошибок: R-1 — изменено', 'Адресаты: uvm-50 — изменено']);
  await dialog.getByRole('button', { name: 'Применить' }).click();
  await expect(dialog).toBeHidden();
  await expect(status(page)).toHaveText('Импорт применён: создана версия 3');
  await expect(inForce(page)).toContainText('Версия 3');
  panel = await openTab(page, 'Адресаты');
  await expect(panel.getByRole('row').filter({ hasText: 'по Московской области' })).toContainText('Уважаемый господин генерал!');

  // Invalid content: every problem is named by table, row, id and field; nothing can be applied.
  const broken = structuredClone(modified);
  broken.addressees[0]!.nameRu = '';
  broken.causes[0]!.checklist.push('nothing');
  const brokenFile = testInfo.outputPath('broken.json');
  writeFileSync(brokenFile, JSON.stringify(broken));
  dialog = await importFile(page, brokenFile);
  await expect(dialog.getByText('Файл не прошёл проверку, импорт отклонён. Ничего не изменено. Проблем: 2.')).toBeVisible();
  await expect(dialog.getByText('Адресаты, строка 1 (mfa-consular-department), поле наименование: Обязательное поле')).toBeVisible();
  await expect(dialog.getByText('Причины ошибок, строка 1 (R-1), поле доказательства (8): Ссылка на несуществующий код «nothing»')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Применить' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Закрыть' }).click();
  await expect(dialog).toBeHidden();

  // Not JSON at all.
  const garbage = testInfo.outputPath('garbage.json');
  writeFileSync(garbage, '{ "version": 4, ');
  dialog = await importFile(page, garbage);
  await expect(dialog.getByText('Файл не читается как JSON. Выберите файл, сохранённый кнопкой «Экспорт». Ничего не изменено.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The same content as in force: nothing to do.
  const again = await exportFile(page, testInfo.outputPath('again.json'));
  expect(again.bundle.version).toBe(3);
  dialog = await importFile(page, testInfo.outputPath('again.json'));
  await expect(dialog.getByText('Файл совпадает с действующими справочниками: новая версия не нужна.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Закрыть' }).click();

  await expect(inForce(page)).toContainText('Версия 3');
  panel = await openTab(page, 'История версий');
  await expect(panel.getByRole('heading', { name: /^Версия \d/ })).toHaveCount(3);
});

test('calendar days are added with checks; reset to factory makes a new version with the factory content', async ({ app: page }, testInfo) => {
  await saveSettings(page);
  await openReference(page);

  let panel = await openTab(page, 'Календарь');
  await panel.getByRole('button', { name: 'Изменить: 2027 год', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Календарь на 2027 год' });
  await dialog.getByLabel('Праздничный день').fill('30.12.2027');
  await dialog.getByLabel('Праздничный день').press('Enter');
  await expect(dialog.getByRole('button', { name: 'Удалить праздник 30.12.2027' })).toBeVisible();
  await dialog.getByLabel('Праздничный день').fill('01.01.2026');
  await dialog.getByRole('button', { name: 'Добавить праздник' }).click();
  await expect(dialog.getByText('Дата не из 2027 года')).toBeVisible();
  // A moved day off must come from a weekend: Wednesday 15.12.2027 is refused, Saturday 18.12.2027 accepted.
  await dialog.getByLabel('Рабочий день (суббота или воскресенье)').fill('15.12.2027');
  await dialog.getByLabel('Выходной вместо него (будний день)').fill('31.12.2027');
  await dialog.getByRole('button', { name: 'Добавить перенос' }).click();
  await expect(dialog.getByText('Рабочим днём при переносе становится суббота или воскресенье')).toBeVisible();
  await dialog.getByLabel('Рабочий день (суббота или воскресенье)').fill('18.12.2027');
  await dialog.getByRole('button', { name: 'Добавить перенос' }).click();
  await expect(dialog.getByRole('button', { name: 'Удалить перенос 18.12.2027 → 31.12.2027' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await expect(status(page)).toHaveText('Сохранено: создана версия 2');
  const year2027 = panel.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '2027 год' }) }).first();
  await expect(year2027).toContainText('30.12.2027 (чт)');
  await expect(year2027).toContainText('18.12.2027 (сб) — рабочий день; выходной перенесён на 31.12.2027 (пт)');

  await inForce(page).getByRole('button', { name: 'Сбросить к заводским…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Сбросить к заводским?' });
  await expect(confirm).toContainText('Заводские данные станут новой версией 3. Действующая версия 2 и все прежние останутся в истории.');
  await confirm.getByRole('button', { name: 'Сбросить' }).click();
  await expect(confirm).toBeHidden();
  await expect(status(page)).toHaveText('Заводские данные восстановлены: создана версия 3');
  await expect(inForce(page)).toContainText('Версия 3');
  await expect(year2027).not.toContainText('30.12.2027');

  panel = await openTab(page, 'История версий');
  const v3 = panel.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Версия 3/ }) });
  await expect(v3).toContainText('Сброс к заводским');
  await expect(v3).toContainText('Производственный календарь: 2027 — изменено');

  const { bundle } = await exportFile(page, testInfo.outputPath('after-reset.json'));
  const { version, updatedAt, ...content } = bundle;
  const { version: _v, updatedAt: _u, ...factoryContent } = factory();
  expect(version).toBe(3);
  expect(updatedAt).not.toBe(factory().updatedAt);
  expect(content).toEqual(factoryContent);

  // Reset again: already factory data, so no new version.
  await inForce(page).getByRole('button', { name: 'Сбросить к заводским…' }).click();
  await confirm.getByRole('button', { name: 'Сбросить' }).click();
  await expect(status(page)).toHaveText('Справочники уже совпадают с заводскими: новая версия не создана');
  await expect(inForce(page)).toContainText('Версия 3');
});

test('without saved settings the data is shown read-only and the screen says why; tabs follow the arrow keys', async ({ app: page }) => {
  await openRoute(page, '/settings/reference');
  await expect(inForce(page)).toContainText('Версия 1');
  await expect(inForce(page)).toContainText('Чтобы изменять справочники, сначала заполните и сохраните настройки представительства и профиль сотрудника.');
  await expect(inForce(page).getByRole('link', { name: 'Открыть настройки' })).toBeVisible();
  await expect(inForce(page).getByRole('button', { name: 'Экспорт' })).toBeVisible();
  await expect(inForce(page).getByRole('button', { name: 'Импорт…' })).toHaveCount(0);
  await expect(inForce(page).getByRole('button', { name: 'Сбросить к заводским…' })).toHaveCount(0);

  const grounds = page.getByRole('tab', { name: 'Основания' });
  await expect(grounds).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('Основания включения в реестр');
  await grounds.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Причины ошибок' })).toBeFocused();
  await expect(page.getByRole('tabpanel').getByRole('heading', { name: 'Причины ошибок', level: 2 })).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'История версий' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'История версий' })).toBeFocused();

  await page.getByRole('tab', { name: 'Адресаты' }).click();
  await expect(page.getByRole('tabpanel').getByRole('button', { name: /^Изменить/ })).toHaveCount(0);
  // Unverified and gap entries are marked in words.
  await expect(page.getByRole('tabpanel').getByText('не проверено').first()).toBeVisible();
  await page.getByLabel('Только непроверенные и без сведений').check();
  await page.getByLabel('Поиск по наименованию или региону').fill('адыгея');
  await expect(page.getByRole('tabpanel').getByText('Показано: 1 из')).toBeVisible();
  await expect(page.getByRole('tabpanel').getByRole('row').filter({ hasText: 'Республике Адыгея' })).toBeVisible();
});

test('the export channel writes only valid reference data, and takes more than the common 1 MB', async ({ app: page }, testInfo) => {
  await openRoute(page, '/settings/reference');
  await expect(inForce(page)).toContainText('Версия 1');
  let downloads = 0;
  page.on('download', () => downloads++);
  const broken = structuredClone(factory());
  broken.addressees[0]!.nameRu = '';
  const refused = await page.evaluate(async ([json]) => {
    const api = window.aryz!;
    return [await api.exportReference({ json: '{ not json' }), await api.exportReference({ json }), await api.exportReference({ json: '{}', fileName: '../x' })];
  }, [JSON.stringify(broken)] as const);
  expect(refused.map((r) => !r.ok && r.error.code)).toEqual(['INVALID_PAYLOAD', 'INVALID_PAYLOAD', 'INVALID_PAYLOAD']);
  const paths = refused.map((r) => (!r.ok && r.error.code === 'INVALID_PAYLOAD' ? r.error.issues.map((i) => i.path) : []));
  expect(paths[0]).toEqual(['json']);
  expect(paths[1]).toContain('json.addressees.0.nameRu');
  expect(paths[2]).toContain('fileName');
  expect(downloads).toBe(0);

  // Long notes on every addressee: a valid bundle of well over 1 MB still goes through the bridge and is saved.
  const big = structuredClone(factory());
  for (const a of big.addressees) a.sources = Array.from({ length: 6 }, (_, i) => ({ note: `${i} ${'Проверено по официальному сайту. '.repeat(60)}`.trim() }));
  const json = JSON.stringify(big);
  expect(json.length).toBeGreaterThan(1_000_000);
  const downloadPromise = page.waitForEvent('download');
  const saved = await page.evaluate(async (text) => window.aryz!.exportReference({ json: text, fileName: 'big' }), json);
  expect(saved).toEqual({ ok: true, value: { status: 'saved', fileName: 'big.json' } });
  const download = await downloadPromise;
  await download.saveAs(testInfo.outputPath('big.json'));
  expect(readFileSync(testInfo.outputPath('big.json'), 'utf8')).toBe(json);
});
