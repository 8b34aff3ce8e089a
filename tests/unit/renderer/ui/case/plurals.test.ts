import { describe, expect, it } from 'vitest';
import { findingMessage } from '../../../../../renderer/src/features/intake/findings';
import { translator } from '../../../support/translator';

const draft = { person: { pin: '' } } as Parameters<typeof findingMessage>[1];
const gapFinding = (days: number) => ({ path: 'employments.0', code: 'registration_gap', params: { from: '01.06.2024', to: '30.06.2024', days } }) as Parameters<typeof findingMessage>[0];

describe('plural forms of day counts', () => {
  it.each([
    ['ru', 1, '(1 день)'],
    ['ru', 2, '(2 дня)'],
    ['ru', 5, '(5 дней)'],
    ['ru', 21, '(21 день)'],
    ['ru', 30, '(30 дней)'],
    ['ky', 1, '(1 күн)'],
    ['ky', 30, '(30 күн)'],
    ['en', 1, '(1 day)'],
    ['en', 30, '(30 days)'],
  ] as const)('%s, %i: the gap warning and the timeline say “%s”', async (language, days, expected) => {
    const { t } = await translator(language);
    const message = findingMessage(gapFinding(days), draft);
    expect(t(message.key, message.params)).toContain(expected);
    expect(t('casePage.timeline.gap', { from: '01.06.2024', to: '30.06.2024', count: days })).toContain(expected);
  });

  it.each([
    ['ru', 1, '1 значение'],
    ['ru', 3, '3 значения'],
    ['ru', 11, '11 значений'],
    ['ky', 2, '2 маани'],
    ['en', 1, '1 value'],
    ['en', 2, '2 values'],
  ] as const)('%s, %i filter values: “%s”', async (language, count, expected) => {
    const { t } = await translator(language);
    expect(t('cases.list.filterValues', { count })).toBe(expected);
  });
});
