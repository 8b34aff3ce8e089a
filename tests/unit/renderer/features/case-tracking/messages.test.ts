import { describe, expect, it } from 'vitest';
import { SENT_KINDS } from '../../../../../shared/deadlines/facts';
import { CLOCKS } from '../../../../../shared/deadlines/settings';
import { REASON_CODES, type ReasonCode } from '../../../../../shared/diagnosis/types';
import { TEMPLATE_IDS } from '../../../../../shared/reference/schema';
import { CHECK_CHANNELS } from '../../../../../renderer/src/data/schema';
import { trackingMessages } from '../../../../../renderer/src/features/case-tracking/messages';

/**
 * The params each reason code carries, as the rules in shared/diagnosis/rules build them. A sentence may
 * use fewer (a variant key words the optional ones), never one that is not there.
 */
const PARAMS: Record<ReasonCode, string[]> = {
  contract_period: ['employer', 'from', 'to'],
  registration_free_days: ['entryDate', 'until'],
  registration_gap: ['from', 'to', 'days'],
  gap_before_listing_known: ['learnedAt'],
  gap_after_listing_known: ['learnedAt'],
  no_entry_recorded: [],
  employer_notification_missing: ['employer', 'start', 'due'],
  employer_notification_late: ['employer', 'start', 'due', 'notified', 'workingDaysLate'],
  contract_terminated_early: ['employer', 'date'],
  days_since_entry: ['entryDate', 'days'],
  new_contract_window: ['from', 'to'],
  no_new_contract: ['until'],
  no_later_contract: [],
  new_contract_late: ['employer', 'start', 'daysLate'],
  terminated_before_90_days: ['entryDate', 'days'],
  contract_expired: ['employer', 'date'],
  amina_deregistered: ['date', 'reason'],
  amina_deregistered_before_listing_known: ['learnedAt'],
  amina_deregistered_after_listing_known: ['learnedAt'],
  amina_registration_ended: ['to'],
  exit_not_recorded: ['entryDate', 'exitDate'],
  entry_without_recorded_exit: ['entryDate', 'nextEntryDate'],
  purpose_not_work: ['entryDate', 'purpose'],
  id_card_used: ['entryDate'],
  document_replaced: ['oldNumber', 'newNumber', 'newIssueDate'],
  entry_with_old_document: ['entryDate', 'oldNumber'],
  check_listed_by_old_document: ['oldNumber', 'date'],
  check_clear_by_current_document: ['number', 'date'],
  check_listed_by_current_document: ['number', 'date'],
  spelling_variant: ['script', 'reference', 'variant', 'variantKind'],
  ky_ru_forms_differ: ['ky', 'ru'],
  patronymic_uulu_kyzy: [],
  kyrgyz_letters: ['letters'],
  patronymic_only_missing: [],
  person_minor: ['age', 'birthDate'],
  person_possibly_minor: ['birthDate'],
  parent_listed: ['name'],
  parent_listing_unknown: [],
  parents_not_listed: [],
};

/** Variant keys of codes with an optional part, and the params each must use. */
const VARIANTS: Record<string, { code: ReasonCode; uses: string[] }> = {
  amina_deregistered_with_reason: { code: 'amina_deregistered', uses: ['date', 'reason'] },
  parent_listed_named: { code: 'parent_listed', uses: ['name'] },
  document_replaced_to: { code: 'document_replaced', uses: ['oldNumber', 'newNumber'] },
  document_replaced_to_dated: { code: 'document_replaced', uses: ['oldNumber', 'newNumber', 'newIssueDate'] },
};

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
const LANGUAGES = ['ru', 'ky', 'en'] as const;
type Tree = Record<string, Record<string, unknown>>;
const bundle = (lng: (typeof LANGUAGES)[number]) => trackingMessages[lng] as Tree;

describe('tracking strings', () => {
  it.each(LANGUAGES)('%s: every reason code and variant has a sentence using only the params the code carries', (lng) => {
    const reasons = bundle(lng).reason as Record<string, string>;
    for (const code of REASON_CODES) {
      expect(typeof reasons[code], `${lng} reason.${code}`).toBe('string');
      for (const name of placeholders(reasons[code]!)) expect(PARAMS[code], `${lng} reason.${code} uses {{${name}}}`).toContain(name);
    }
    for (const [key, { code, uses }] of Object.entries(VARIANTS)) {
      expect(placeholders(reasons[key] ?? ''), `${lng} reason.${key}`).toEqual([...uses].sort());
      for (const name of uses) expect(PARAMS[code]).toContain(name);
    }
    expect(Object.keys(reasons).sort()).toEqual([...REASON_CODES, ...Object.keys(VARIANTS)].sort());
  });

  it.each(LANGUAGES)('%s: the same placeholders as Russian in every string', (lng) => {
    const walk = (ru: unknown, other: unknown, path: string) => {
      if (typeof ru === 'string') {
        expect(typeof other, path).toBe('string');
        expect(placeholders(other as string), `${lng} ${path}`).toEqual(placeholders(ru));
        return;
      }
      for (const [key, value] of Object.entries(ru as Record<string, unknown>)) walk(value, (other as Record<string, unknown>)[key], `${path}.${key}`);
    };
    walk(trackingMessages.ru, trackingMessages[lng], 'tracking');
  });

  it.each(LANGUAGES)('%s: every clock, kind of request, template and check channel is named', (lng) => {
    const b = bundle(lng);
    const checks = b.checks as Record<string, Record<string, string>>;
    for (const clock of CLOCKS) expect(b.clock![clock], clock).toMatch(/\S/);
    for (const kind of SENT_KINDS) expect(b.kind![kind], kind).toMatch(/\S/);
    for (const id of TEMPLATE_IDS) expect(b.template![id], id).toMatch(/\S/);
    for (const channel of CHECK_CHANNELS) expect(checks.channelName![channel], channel).toMatch(/\S/);
  });
});
