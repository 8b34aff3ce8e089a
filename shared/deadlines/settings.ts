import { z } from 'zod';
import type { RollRule } from './calendar';
import { SENT_KINDS, type SentKind } from './facts';

/**
 * The clocks the deadline engine runs, with their legal source (a legal reference id in the reference data;
 * null for practice), their day kind, and the settings a senior caseworker may change.
 *
 * | clock                    | term                                   | days     | end on a non-working day (default) |
 * |--------------------------|----------------------------------------|----------|-------------------------------------|
 * | kas_claim                | 3 months from learnedAt (КАС 219)      | calendar | next working day (КАС art. 93 p.2)  |
 * | appeal_registration      | 3 days from receipt (59-ФЗ 8 p.2)      | calendar | stays (59-ФЗ is silent)             |
 * | appeal_forwarding        | 7 days from registration (59-ФЗ 8 p.3) | calendar | stays                               |
 * | appeal_answer            | 30 (+≤30) days from registration (12)  | calendar | stays                               |
 * | follow_up                | 30 days from sending (practice)        | calendar | next working day                    |
 * | reminder                 | every 30 days while unanswered         | calendar | next working day                    |
 * | register_recheck         | daily for 7 days, then weekly          | calendar | stays (the register is online)      |
 * | eaeu_registration        | 30 days from entry                     | calendar | stays (do it before)                |
 * | eaeu_new_contract        | 15 days from early termination         | calendar | stays (do it before)                |
 * | eaeu_registration_update | 3 working days from a new contract     | working  | — (always ends on a working day)    |
 * | employer_notification    | 3 working days from the contract       | working  | —                                   |
 * | document_expiry          | the document's expiry date             | calendar | stays                               |
 *
 * 59-ФЗ clocks run "stays" by default because the law counts calendar days and says nothing about a term ending
 * on a holiday; the conservative reading for a caseworker is that the addressee must act by that day.
 */
export const CLOCKS = [
  'kas_claim',
  'appeal_registration',
  'appeal_forwarding',
  'appeal_answer',
  'follow_up',
  'reminder',
  'register_recheck',
  'eaeu_registration',
  'eaeu_new_contract',
  'eaeu_registration_update',
  'employer_notification',
  'document_expiry',
] as const;
export type ClockId = (typeof CLOCKS)[number];

export type DayKind = 'calendar' | 'working';

export const CLOCK_KINDS: Readonly<Record<ClockId, DayKind>> = {
  kas_claim: 'calendar',
  appeal_registration: 'calendar',
  appeal_forwarding: 'calendar',
  appeal_answer: 'calendar',
  follow_up: 'calendar',
  reminder: 'calendar',
  register_recheck: 'calendar',
  eaeu_registration: 'calendar',
  eaeu_new_contract: 'calendar',
  eaeu_registration_update: 'working',
  employer_notification: 'working',
  document_expiry: 'calendar',
};

/** Legal reference ids (resources/reference/legal-refs.json); null = practice, no legal term. */
export const CLOCK_SOURCES: Readonly<Record<ClockId, string | null>> = {
  kas_claim: 'kas-art219',
  appeal_registration: '59fz-art8',
  appeal_forwarding: '59fz-art8',
  appeal_answer: '59fz-art12',
  follow_up: null,
  reminder: null,
  register_recheck: null,
  eaeu_registration: 'eaeu-art97-registration',
  eaeu_new_contract: 'eaeu-art97-p5',
  eaeu_registration_update: '109fz',
  employer_notification: '115fz-art13',
  document_expiry: null,
};

/** How an outgoing item is tracked: a citizen's appeal under 59-ФЗ, a follow-up of official correspondence, or not at all. */
export const SENT_REGIMES = ['appeal', 'follow_up', 'none'] as const;
export type SentRegime = (typeof SENT_REGIMES)[number];

const ROLL_RULES = ['none', 'next', 'previous'] as const satisfies readonly RollRule[];

const days = (max: number) => z.number().int().min(1).max(max);

export const deadlineSettingsSchema = z
  .object({
    /** Notes and letters bind nobody to 59-ФЗ terms (domain §4.4): only a citizen's own appeals run those clocks. */
    regimes: z.record(z.enum(SENT_KINDS), z.enum(SENT_REGIMES)),
    /** Days until a follow-up of official correspondence (the brief suggests 30 / 45 / 60). */
    followUpDays: days(365),
    followUpDaysByKind: z.partialRecord(z.enum(SENT_KINDS), days(365)),
    /** Days between reminders once the follow-up date has passed. */
    reminderIntervalDays: days(365),
    /** Re-check the register every day for this many days after a request is sent … */
    recheckDailyDays: z.number().int().min(0).max(60),
    /** … then every this many days until an answer or the exclusion. */
    recheckEveryDays: days(90),
    roll: z.record(z.enum(CLOCKS), z.enum(ROLL_RULES)),
  })
  .strict();

export type DeadlineSettings = z.output<typeof deadlineSettingsSchema>;

export interface DeadlineSettingsInput {
  regimes?: Partial<Record<SentKind, SentRegime>>;
  followUpDays?: number;
  followUpDaysByKind?: Partial<Record<SentKind, number>>;
  reminderIntervalDays?: number;
  recheckDailyDays?: number;
  recheckEveryDays?: number;
  roll?: Partial<Record<ClockId, RollRule>>;
}

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = {
  regimes: {
    citizen_application: 'appeal',
    citizen_complaint: 'appeal',
    // The mission's own complaints are official correspondence: 59-ФЗ does not bind their answer (domain §4.4).
    complaint_superior: 'follow_up',
    complaint_prosecutor: 'follow_up',
    mission_letter: 'follow_up',
    verbal_note: 'follow_up',
    reminder: 'follow_up',
    // The cover letter forwards the citizen's own application and asks for the art. 12 term: that term runs.
    cover_letter: 'appeal',
    court_claim: 'none',
  },
  followUpDays: 30,
  followUpDaysByKind: {},
  reminderIntervalDays: 30,
  recheckDailyDays: 7,
  recheckEveryDays: 7,
  roll: {
    kas_claim: 'next',
    appeal_registration: 'none',
    appeal_forwarding: 'none',
    appeal_answer: 'none',
    follow_up: 'next',
    reminder: 'next',
    register_recheck: 'none',
    eaeu_registration: 'none',
    eaeu_new_contract: 'none',
    eaeu_registration_update: 'none',
    employer_notification: 'none',
    document_expiry: 'none',
  },
};

/** Defaults overlaid with what the caseworker changed; the result is validated. */
export function resolveDeadlineSettings(input: DeadlineSettingsInput = {}): DeadlineSettings {
  const d = DEFAULT_DEADLINE_SETTINGS;
  return deadlineSettingsSchema.parse({
    regimes: { ...d.regimes, ...input.regimes },
    followUpDays: input.followUpDays ?? d.followUpDays,
    followUpDaysByKind: { ...d.followUpDaysByKind, ...input.followUpDaysByKind },
    reminderIntervalDays: input.reminderIntervalDays ?? d.reminderIntervalDays,
    recheckDailyDays: input.recheckDailyDays ?? d.recheckDailyDays,
    recheckEveryDays: input.recheckEveryDays ?? d.recheckEveryDays,
    roll: { ...d.roll, ...input.roll },
  });
}
