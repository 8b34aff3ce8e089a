import { expect, type Page } from '@playwright/test';

export const MISSION = {
  nameRu: 'Посольство Кыргызской Республики в Российской Федерации',
  nameKy: 'Кыргыз Республикасынын Россия Федерациясындагы Элчилиги',
  address: '119017, г. Москва, ул. Большая Ордынка, д. 64',
  phones: '+7 495 000-00-00',
  outgoingPrefix: 'КР-М',
};
export const CASEWORKER = { fullName: 'Үсөнова Айсулуу Маңызбаевна', position: 'Атташе консульского отдела', phone: '+7 495 111-22-33' };

/** In-app navigation by hash route: the page (and its bridge token) stays loaded. */
export async function openRoute(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, route);
}

/** Case screens need a caseworker to attribute every write to: save complete settings through the UI. */
export async function saveSettings(page: Page): Promise<void> {
  await openRoute(page, '/settings');
  await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible();
  await fillSettingsForm(page);
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(page.getByText('Сохранено')).toBeVisible();
}

/** Fills the settings form (mission and caseworker) without saving. */
export async function fillSettingsForm(page: Page): Promise<void> {
  await page.getByLabel('Наименование на русском языке').fill(MISSION.nameRu);
  await page.getByLabel('Наименование на кыргызском языке').fill(MISSION.nameKy);
  await page.getByLabel('Адрес').fill(MISSION.address);
  await page.getByLabel('Телефоны').fill(MISSION.phones);
  await page.getByLabel('Префикс исходящих номеров').fill(MISSION.outgoingPrefix);
  await page.getByLabel('Ф.И.О.').fill(CASEWORKER.fullName);
  await page.getByLabel('Должность').fill(CASEWORKER.position);
  await page.getByLabel('Телефон', { exact: true }).fill(CASEWORKER.phone);
}
