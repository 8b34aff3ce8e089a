import type { Locator, Page } from '@playwright/test';
import { addDays, formatDate } from '../../shared/case/dates';
import { addMonthsIso } from '../../shared/case/deadline-dates';
import { intake } from '../fixtures/intakes';
import { expect, test } from './support/fixtures';
import { addChecksInPage, addRequestsInPage, createCasesInPage, updateRequestInPage } from './support/page-cases';
import { openRoute, saveSettings } from './support/setup';

/** Today and the current time as the page sees them (Moscow, as the app runs): the queue's own clock. */
function pageNow(page: Page): Promise<{ today: string; moment: string }> {
  return page.evaluate(() => {
    const now = new Date();
    const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString();
    const offset = -now.getTimezoneOffset();
    const sign = offset >= 0 ? '+' : '-';
    const hhmm = `${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
    // A check is written in the caseworker's local time with its offset, so its day is the local day.
    return { today: local.slice(0, 10), moment: `${local.slice(0, 19)}${sign}${hhmm}` };
  });
}

function person(surname: string, given: string, latin: [string, string]) {
  return intake({ nameKy: [surname, given, ''], nameRu: [surname, given, ''], nameLat: [latin[0], latin[1], ''] });
}

const bucket = (page: Page, title: string, count: number) => page.getByRole('region', { name: `${title} (${count})`, exact: true });

/** The bucket's heading shows `names.length` and its rows are exactly these people. */
async function expectBucket(page: Page, title: string, names: string[]): Promise<Locator> {
  const region = bucket(page, title, names.length);
  await expect(region, `${title}: ${names.join(', ') || 'empty'}`).toBeVisible();
  if (names.length === 0) await expect(region.getByText('Нет дел')).toBeVisible();
  await expect.poll(async () => (await region.locator('tbody tr').getByRole('link').allTextContents()).sort(), { message: title }).toEqual([...names].sort());
  return region;
}

const A = 'Абдыкадыров Алмаз';
const B = 'Бекова Бермет';
const C = 'Жумабаев Данияр';
const D = 'Эргешова Элмира';
const E = 'Кадыров Канат';
const F = 'Осмонов Орозбек';
const G = 'Сыдыкова Салтанат';

/**
 * One case per situation, each built so the deadline engine puts it where the caseworker expects:
 * A learned of the listing 4 months ago (КАС term passed); B's and C's passports expire today and in 3 days;
 * D's letter went out 10 days ago and the register was checked today (next check within the week);
 * E's letter went out yesterday and nobody has checked since (re-check due today); F was taken in 30 days
 * ago and left untouched; G has nothing due this week.
 */
async function seedQueue(page: Page) {
  const { today, moment } = await pageNow(page);
  const recent = addMonthsIso(today, -1);
  const drafts = {
    A: person('Абдыкадыров', 'Алмаз', ['ABDYKADYROV', 'ALMAZ']),
    B: person('Бекова', 'Бермет', ['BEKOVA', 'BERMET']),
    C: person('Жумабаев', 'Данияр', ['ZHUMABAEV', 'DANIIAR']),
    D: person('Эргешова', 'Элмира', ['ERGESHOVA', 'ELMIRA']),
    E: person('Кадыров', 'Канат', ['KADYROV', 'KANAT']),
    F: person('Осмонов', 'Орозбек', ['OSMONOV', 'OROZBEK']),
    G: person('Сыдыкова', 'Салтанат', ['SYDYKOVA', 'SALTANAT']),
  };
  drafts.A.case.learnedAt = addMonthsIso(today, -4);
  for (const d of [drafts.B, drafts.C, drafts.D, drafts.E, drafts.G]) d.case.learnedAt = recent;
  drafts.B.documents[0]!.expiryDate = today;
  drafts.C.documents[0]!.expiryDate = addDays(today, 3);
  drafts.F.case.learnedAt = addDays(today, -35);

  const [a, b, c, d, e, g] = await createCasesInPage(page, [drafts.A, drafts.B, drafts.C, drafts.D, drafts.E, drafts.G]);
  const [f] = await createCasesInPage(page, [drafts.F], `${addDays(today, -30)}T07:00:00.000Z`);
  const letter = { kind: 'mission_letter' as const, addressee: 'ГУ МВД России по г. Москве', ourNumber: '' };
  const [dRequest] = await addRequestsInPage(page, d!, [{ ...letter, sentAt: addDays(today, -10) }]);
  await addRequestsInPage(page, e!, [{ ...letter, sentAt: addDays(today, -1) }]);
  const check = { at: moment, channel: 'mvd_site' as const, birthDateMode: 'full' as const, listed: true, resultText: 'Числится в реестре' };
  await addChecksInPage(page, d!, [check]);
  return { today, check, ids: { a: a!, b: b!, c: c!, d: d!, e: e!, f: f!, g: g! }, dRequest: dRequest! };
}

test('the work queue is the home screen and sorts cases into its six buckets with counts', async ({ app: page }) => {
  await expect(page.getByRole('heading', { name: 'Рабочая очередь', level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Разделы' });
  await expect(nav.getByRole('link').first()).toHaveText('Рабочая очередь');
  await expect(nav.getByRole('link', { name: 'Рабочая очередь' })).toHaveAttribute('aria-current', 'page');

  await saveSettings(page);
  const { today } = await seedQueue(page);
  await openRoute(page, '/queue');
  await expect(page.getByText(`Сегодня ${formatDate(today)}`)).toBeVisible();

  const overdue = await expectBucket(page, 'Просрочено', [A]);
  await expect(overdue.getByRole('row', { name: new RegExp(A) })).toContainText('Подача административного иска в суд (3 месяца)');
  await expect(overdue.getByRole('row', { name: new RegExp(A) })).toHaveClass(/queue-row--late/);
  const dueToday = await expectBucket(page, 'Срок сегодня', [B, E]);
  await expect(dueToday.getByRole('row', { name: new RegExp(B) })).toContainText(`${formatDate(today)}Окончание срока действия документа`);
  await expect(dueToday.getByRole('row', { name: new RegExp(E) })).toContainText('Повторная проверка реестра');
  const next7 = await expectBucket(page, 'Ближайшие 7 дней', [C, D]);
  await expect(next7.getByRole('row', { name: new RegExp(C) })).toContainText(`${formatDate(addDays(today, 3))}Окончание срока действия документа`);
  await expectBucket(page, 'Ожидают ответа', [D, E]);
  await expectBucket(page, 'Пора проверить по реестру', [E]);
  const stale = await expectBucket(page, 'Новые дела без движения', [F]);
  await expect(stale.getByRole('row', { name: new RegExp(F) })).toContainText(`${formatDate(addDays(today, -30))}30 дн.`);
  await expect(page.getByRole('cell', { name: G })).toHaveCount(0);

  const jump = page.getByRole('navigation', { name: 'Разделы очереди' });
  for (const [label, count] of [['Просрочено', 1], ['Срок сегодня', 2], ['Ближайшие 7 дней', 2], ['Ожидают ответа', 2], ['Пора проверить по реестру', 1], ['Новые дела без движения', 1]] as const) {
    await expect(jump.getByRole('button', { name: `${label}: ${count}`, exact: true })).toBeVisible();
  }
  await jump.getByRole('button', { name: 'Новые дела без движения: 1' }).click();
  await expect(page.getByRole('heading', { name: 'Новые дела без движения (1)' })).toBeFocused();

  // The caseworker decides what «no action» means; the setting stays for the next visit.
  const days = page.getByLabel('Без движения не менее, дней');
  await days.fill('40');
  await expectBucket(page, 'Новые дела без движения', []);
  await page.reload();
  await expect(page.getByLabel('Без движения не менее, дней')).toHaveValue('40');
  await expectBucket(page, 'Новые дела без движения', []);
  await page.getByLabel('Без движения не менее, дней').fill('29');
  await expectBucket(page, 'Новые дела без движения', [F]);
});

test('each row opens its case at the part that is due: deadlines, requests or register checks', async ({ app: page }) => {
  await saveSettings(page);
  const { ids } = await seedQueue(page);
  await openRoute(page, '/');

  await bucket(page, 'Просрочено', 1).getByRole('link', { name: A }).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${ids.a}\\?section=deadlines$`));
  await expect(page.getByRole('heading', { name: /^Дело КР-М-/ })).toBeVisible();
  await expect(page.getByText(A).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Сроки', exact: true })).toBeFocused();

  // Back by the navigation, then by keyboard: a row's link takes Enter, arrows move between rows.
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Рабочая очередь' }).click();
  const awaiting = bucket(page, 'Ожидают ответа', 2);
  await awaiting.getByRole('link').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(awaiting.getByRole('link').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(awaiting.getByRole('link').first()).toBeFocused();
  await awaiting.getByRole('link', { name: D }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/cases/${ids.d}\\?section=requests$`));
  await expect(page.getByRole('heading', { name: /^Дело КР-М-/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Запросы и обращения', exact: true })).toBeFocused();

  await openRoute(page, '/queue');
  await bucket(page, 'Пора проверить по реестру', 1).getByRole('link', { name: E }).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${ids.e}\\?section=checks$`));
  await expect(page.getByRole('heading', { name: /^Дело КР-М-/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Проверки реестра', exact: true })).toBeFocused();

  await openRoute(page, '/queue');
  // A click anywhere on the row opens the case too.
  await bucket(page, 'Новые дела без движения', 1).getByRole('row', { name: new RegExp(F) }).getByRole('cell').first().click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${ids.f}$`));
});

test('the queue updates live: an answer takes the case out of «Ожидают ответа», a check out of «Пора проверить»', async ({ app: page }) => {
  await saveSettings(page);
  const { ids, dRequest, check } = await seedQueue(page);
  await openRoute(page, '/queue');
  await expectBucket(page, 'Ожидают ответа', [D, E]);
  await expectBucket(page, 'Ближайшие 7 дней', [C, D]);

  const { today } = await pageNow(page);
  await updateRequestInPage(page, dRequest, { answeredAt: today, answerSummary: 'Сведения направлены в ГУВМ МВД России' });
  await expectBucket(page, 'Ожидают ответа', [E]);
  // Answered: no follow-up and no re-check left, so D's next deadline is months away.
  await expectBucket(page, 'Ближайшие 7 дней', [C]);

  await addChecksInPage(page, ids.e, [check]);
  await expectBucket(page, 'Пора проверить по реестру', []);
  await expectBucket(page, 'Срок сегодня', [B]);
  await expectBucket(page, 'Ближайшие 7 дней', [C, E]);
  await expectBucket(page, 'Ожидают ответа', [E]);
});

test('a bucket with more than 100 cases shows the first 100 and says how many there are', async ({ app: page }) => {
  await saveSettings(page);
  const { today } = await pageNow(page);
  const drafts = Array.from({ length: 103 }, (_, i) => {
    const draft = intake();
    draft.case.learnedAt = addDays(addMonthsIso(today, -4), -i);
    return draft;
  });
  await createCasesInPage(page, drafts);
  await openRoute(page, '/queue');
  const overdue = bucket(page, 'Просрочено', 103);
  await expect(overdue).toBeVisible();
  await expect(overdue.locator('tbody tr')).toHaveCount(100);
  await expect(overdue.getByText('Показаны первые 100 из 103. Остальные — в списке дел.')).toBeVisible();
  await overdue.getByRole('link', { name: 'Открыть список дел' }).click();
  await expect(page.getByText('Всего дел: 103')).toBeVisible();
});
