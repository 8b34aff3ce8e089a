import { describe, expect, it } from 'vitest';
import { CLOCK_KINDS, CLOCK_SOURCES, CLOCKS, DEFAULT_DEADLINE_SETTINGS, deadlineSettingsSchema, resolveDeadlineSettings, SENT_KINDS } from '../../../../shared/deadlines';

describe('deadline settings', () => {
  it('the defaults are valid and cover every clock and every kind of outgoing item', () => {
    expect(deadlineSettingsSchema.parse(DEFAULT_DEADLINE_SETTINGS)).toEqual(DEFAULT_DEADLINE_SETTINGS);
    expect(Object.keys(DEFAULT_DEADLINE_SETTINGS.roll).sort()).toEqual([...CLOCKS].sort());
    expect(Object.keys(DEFAULT_DEADLINE_SETTINGS.regimes).sort()).toEqual([...SENT_KINDS].sort());
    expect(Object.keys(CLOCK_KINDS).sort()).toEqual([...CLOCKS].sort());
    expect(Object.keys(CLOCK_SOURCES).sort()).toEqual([...CLOCKS].sort());
  });

  it('defaults: 30-day follow-up, daily re-checks for 7 days then weekly, court term moves off holidays, 59-ФЗ terms do not', () => {
    const d = DEFAULT_DEADLINE_SETTINGS;
    expect([d.followUpDays, d.reminderIntervalDays, d.recheckDailyDays, d.recheckEveryDays]).toEqual([30, 30, 7, 7]);
    expect(d.roll.kas_claim).toBe('next');
    expect([d.roll.appeal_registration, d.roll.appeal_forwarding, d.roll.appeal_answer]).toEqual(['none', 'none', 'none']);
    expect(d.regimes.citizen_application).toBe('appeal');
    expect(d.regimes.verbal_note).toBe('follow_up');
  });

  it('overlays changes on the defaults and validates them', () => {
    const s = resolveDeadlineSettings({ followUpDays: 45, roll: { appeal_answer: 'previous' }, regimes: { mission_letter: 'none' } });
    expect(s.followUpDays).toBe(45);
    expect(s.roll.appeal_answer).toBe('previous');
    expect(s.roll.kas_claim).toBe('next');
    expect(s.regimes.mission_letter).toBe('none');
    expect(() => resolveDeadlineSettings({ followUpDays: 0 })).toThrow();
    expect(() => resolveDeadlineSettings({ recheckEveryDays: 1.5 })).toThrow();
  });
});
