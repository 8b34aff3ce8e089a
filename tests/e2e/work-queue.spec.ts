import type { Locator, Page } from '@playwright/test';
import { addDays, formatDate } from '../../shared/case/dates';
import { addMonthsIso } from '../../shared/case/deadline-dates';
import { intake } from '../fixtures/intakes';
import { expect, test } from './support/fixtures';
import { addChecksInPage, addRequestsInPage, changeStatusesInPage, createCasesInPage, updateRequestInPage } from './support/page-cases';
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
  await expect.poll(async () => (await region.locator('tbody tr .queue-row__name').allTextContents()).sort(), { message: title }).toEqual([...names].sort());
  return region;
}

const A = 'Абдыкадыров Алмаз';
const B = 'Бекова Бермет';
const D = 'Эргешова Элмира';
const E = 'Кадыров Канат';
const F = 'Осмонов Орозбек';
const G = 'Сыдыкова Салтанат';

/**
 * One case per situation: A learned of the listing 4 months ago and his registrations lapsed years ago (past
 * terms: findings, not work); B learned a month ago (the court term is open: warn her); D's letter went out
 * 40 days ago, unanswered (follow it up), and the register was checked today; E's letter went out yesterday
 * and nobody has checked since (re-check due); F was taken in 30 days ago and left untouched; G awaits an answer.
 */
async function seedQueue(page: Page) {
  const { today, moment } = await pageNow(page);
  const drafts = {
    A: person('Абдыкадыров', 'Алмаз', ['ABDYKADYROV', 'ALMAZ']),
    B: person('Бекова', 'Бермет', ['BEKOVA', 'BERMET']),
    D: person('Эргешова', 'Элмира', ['ERGESHOVA', 'ELMIRA']),
    E: person('Кадыров', 'Канат', ['KADYROV', 'KANAT']),
    F: person('Осмонов', 'Орозбек', ['OSMONOV', 'OROZBEK']),
    G: person('Сыдыкова', 'Салтанат', ['SYDYKOVA', 'SALTANAT']),
  };
  const old = addMonthsIso(today, -4);
  drafts.A.case.learnedAt = old;
  drafts.B.case.learnedAt = addMonthsIso(today, -1);
  for (const d of [drafts.D, drafts.E, drafts.F, drafts.G]) d.case.learnedAt = old;
  const [a, b, d, e, g] = await createCasesInPage(page, [drafts.A, drafts.B, drafts.D, drafts.E, drafts.G]);
  const [f] = await createCasesInPage(page, [drafts.F], `${addDays(today, -30)}T07:00:00.000Z`);
  const letter = { kind: 'mission_letter' as const, addressee: 'ГУ МВД России по г. Москве', ourNumber: '' };
  const [dRequest] = await addRequestsInPage(page, d!, [{ ...letter, sentAt: addDays(today, -40) }]);
  await addRequestsInPage(page, e!, [{ ...letter, sentAt: addDays(today, -1) }]);
  const check = { at: moment, channel: 'mvd_site' as const, birthDateMode: 'full' as const, listed: true, resultText: 'Числится в реестре' };
  await addChecksInPage(page, d!, [check]);
  await changeStatusesInPage(page, g!, [{ status: 'awaiting_answer', at: new Date().toISOString() }]);
  return { today, check, ids: { a: a!, b: b!, d: d!, e: e!, f: f!, g: g! }, dRequest: dRequest! };
}

test('the work queue is the home screen and lists actions only, each saying what to do; past terms are not there', async ({ app: page }) => {
  await expect(page.getByRole('heading', { name: 'Рабочая очередь', level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Разделы' });
  await expect(nav.getByRole('link').first()).toHaveText('Рабочая очередь');
  await expect(nav.getByRole('link', { name: 'Рабочая очередь' })).toHaveAttribute('aria-current', 'page');

  await saveSettings(page);
  const { today } = await seedQueue(page);
  await openRoute(page, '/queue');
  await expect(page.getByText(`Сегодня ${formatDate(today)}`)).toBeVisible();

  await expectBucket(page, 'Отправить документы', []);
  const followUp = await expectBucket(page, 'Напомнить: ответа нет в срок', [D]);
  await expect(followUp.getByRole('row', { name: new RegExp(D) })).toContainText(' просроченоНаправить напоминание');
  await expectBucket(page, 'Пора проверить по реестру', [E]);
  const court = await expectBucket(page, 'Предупредить гражданина: срок обращения в суд', [B]);
  await expect(court.getByRole('link', { name: 'Предупредить о сроке обращения в суд' })).toBeVisible();
  await expectBucket(page, 'Адресат не ответил в срок', []);
  await expectBucket(page, 'Ожидают ответа', [G]);
  const stale = await expectBucket(page, 'Новые дела без движения', [F]);
  await expect(stale.getByRole('link', { name: 'Начать работу: без движения 30 дн.' })).toBeVisible();
  // A's term to go to court passed and his registrations lapsed long ago: nothing to do about them today.
  await expect(page.getByRole('cell', { name: A })).toHaveCount(0);
  await expect(page.getByText('Продление регистрации')).toHaveCount(0);

  const jump = page.getByRole('navigation', { name: 'Разделы очереди' });
  await jump.getByRole('button', { name: 'Новые дела без движения: 1' }).click();
  await expect(page.getByRole('heading', { name: 'Новые дела без движения (1)' })).toBeFocused();

  // The caseworker decides what «no action» means; the setting stays for the next visit.
  await page.getByLabel('Без движения не менее, дней').fill('40');
  await expectBucket(page, 'Новые дела без движения', []);
  await page.reload();
  await expect(page.getByLabel('Без движения не менее, дней')).toHaveValue('40');
  await page.getByLabel('Без движения не менее, дней').fill('29');
  await expectBucket(page, 'Новые дела без движения', [F]);
});

test('«Ожидают ответа» counts exactly the case list’s «Ожидание ответа»', async ({ app: page }) => {
  await saveSettings(page);
  const { today } = await pageNow(page);
  const drafts = Array.from({ length: 5 }, () => intake());
  const ids = await createCasesInPage(page, drafts);
  for (const id of ids.slice(0, 3)) await changeStatusesInPage(page, id, [{ status: 'awaiting_answer', at: `${today}T08:00:00.000Z` }]);
  await openRoute(page, '/queue');
  await expect(page.getByRole('navigation', { name: 'Разделы очереди' }).getByRole('button', { name: 'Ожидают ответа: 3', exact: true })).toBeVisible();
  await openRoute(page, '/cases');
  await expect(page.getByRole('option', { name: 'Ожидание ответа (3)' })).toBeAttached();
});

test('each row does its action in one click: the register check opens its dialog, a letter to chase opens the requests', async ({ app: page }) => {
  await saveSettings(page);
  const { ids } = await seedQueue(page);
  await openRoute(page, '/');

  await bucket(page, 'Пора проверить по реестру', 1).getByRole('link', { name: 'Проверить по реестру' }).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${ids.e}\\?section=checks&open=check$`));
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Back by the navigation, then by keyboard: a row's link takes Enter.
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Рабочая очередь' }).click();
  const chase = bucket(page, 'Напомнить: ответа нет в срок', 1);
  await chase.getByRole('link', { name: 'Направить напоминание' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/cases/${ids.d}\\?section=requests$`));
  await expect(page.getByRole('heading', { name: 'Запросы и обращения', exact: true })).toBeFocused();

  await openRoute(page, '/queue');
  // A click anywhere on the row does it too.
  await bucket(page, 'Новые дела без движения', 1).getByRole('row', { name: new RegExp(F) }).getByRole('cell').first().click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${ids.f}$`));
});

test('the queue updates live: an answer ends the follow-up, a check the re-check', async ({ app: page }) => {
  await saveSettings(page);
  const { ids, dRequest, check } = await seedQueue(page);
  await openRoute(page, '/queue');
  await expectBucket(page, 'Напомнить: ответа нет в срок', [D]);
  const { today } = await pageNow(page);
  await updateRequestInPage(page, dRequest, { answeredAt: today, answerSummary: 'Сведения направлены в ГУВМ МВД России' });
  await expectBucket(page, 'Напомнить: ответа нет в срок', []);
  await addChecksInPage(page, ids.e, [check]);
  await expectBucket(page, 'Пора проверить по реестру', []);
});

test('a section with more than 100 rows shows the first 100 and says how many there are', async ({ app: page }) => {
  await saveSettings(page);
  const { today } = await pageNow(page);
  const drafts = Array.from({ length: 103 }, (_, i) => {
    const draft = intake();
    draft.case.learnedAt = addDays(today, -(i % 60));
    return draft;
  });
  await createCasesInPage(page, drafts);
  await openRoute(page, '/queue');
  const court = bucket(page, 'Предупредить гражданина: срок обращения в суд', 103);
  await expect(court).toBeVisible();
  await expect(court.locator('tbody tr')).toHaveCount(100);
  await expect(court.getByText('Показаны первые 100 из 103. Остальные — в списке дел.')).toBeVisible();
});
