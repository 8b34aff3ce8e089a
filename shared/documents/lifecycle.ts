import { z } from 'zod';
import { isoDate } from '../case/schema';
import type { SentKind } from '../deadlines/facts';
import type { TemplateKind } from './template-schema';

/**
 * The life of a generated document on its case: generated → signed → sent → received (the addressee's incoming
 * number) → answered. Each step records its date, which may not be earlier than the step before nor later than
 * today; sending a letter, a note or a citizen's appeal starts the deadline clocks of a tracked request.
 */

export const LIFECYCLE_STEPS = ['generated', 'signed', 'sent', 'received', 'answered'] as const;
export type LifecycleStep = (typeof LIFECYCLE_STEPS)[number];
export type LifecycleAction = Exclude<LifecycleStep, 'generated'>;

export const DELIVERY_METHODS = ['by_hand', 'post', 'courier', 'email'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** The tracked request each kind of document becomes once sent; documents handed to the citizen are not tracked. */
export const SENT_KIND_OF_TEMPLATE: Readonly<Partial<Record<TemplateKind, SentKind>>> = {
  citizen_application_mvd: 'citizen_application',
  mission_letter_mvd: 'mission_letter',
  verbal_note_mfa: 'verbal_note',
  cover_letter: 'cover_letter',
  reminder: 'reminder',
  complaint_superior: 'complaint_superior',
  batch_list_letter: 'mission_letter',
};

export function sentKindOf(templateId: string): SentKind | null {
  return (SENT_KIND_OF_TEMPLATE as Record<string, SentKind | undefined>)[templateId] ?? null;
}

/** Which steps may be recorded next. An answer may come without the addressee's incoming number being known. */
export function nextActions(status: string): LifecycleAction[] {
  switch (status) {
    case 'generated':
      return ['signed'];
    case 'signed':
      return ['sent'];
    case 'sent':
      return ['received', 'answered'];
    case 'received':
      return ['answered'];
    default:
      return [];
  }
}

const note = (max: number) => z.string().trim().max(max).default('');

export const signedInputSchema = z.object({ date: isoDate, note: note(1000) }).strict();

export const sentInputSchema = z
  .object({
    date: isoDate,
    method: z.enum(DELIVERY_METHODS),
    /** Postal tracking number (ШПИ); required for post. */
    tracking: z.string().trim().max(60).default(''),
    /** What proves the sending: a receipt, a courier list, the e-mail's address and time. */
    proof: note(1000),
  })
  .strict();

export const receivedInputSchema = z.object({ theirNumber: z.string().trim().min(1).max(100), date: isoDate }).strict();

export const answeredInputSchema = z.object({ date: isoDate, summary: z.string().trim().min(1).max(2000) }).strict();

export const LIFECYCLE_INPUTS = { signed: signedInputSchema, sent: sentInputSchema, received: receivedInputSchema, answered: answeredInputSchema } as const;
export type LifecycleInput<A extends LifecycleAction> = z.output<(typeof LIFECYCLE_INPUTS)[A]>;

export type LifecycleIssueCode = 'required' | 'too_long' | 'invalid_format' | 'invalid_value' | 'before_previous' | 'in_future' | 'wrong_status';
export interface LifecycleIssue {
  path: string;
  code: LifecycleIssueCode;
  /** For before_previous: the earliest date allowed. */
  date?: string;
  limit?: number;
}

/** The dates a document already carries, by step. */
export interface LifecycleDates {
  generated: string;
  signed?: string;
  sent?: string;
  received?: string;
}

/** The latest date of the steps before `action` (what the new date may not precede). */
export function previousDate(action: LifecycleAction, dates: LifecycleDates): string {
  const order: Array<keyof LifecycleDates> = ['generated', 'signed', 'sent', 'received'];
  const before = order.slice(0, LIFECYCLE_STEPS.indexOf(action));
  return before.map((k) => dates[k]).filter((d): d is string => d !== undefined && d !== '').sort().at(-1) ?? dates.generated;
}

function zodIssues(error: z.ZodError): LifecycleIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'too_big') return { path, code: 'too_long', limit: Number(issue.maximum) };
    if (issue.code === 'too_small' || (issue.code === 'invalid_type' && issue.input === undefined)) return { path, code: 'required' };
    if (issue.code === 'invalid_value') return { path, code: 'invalid_value' };
    return { path, code: 'invalid_format' };
  });
}

export type LifecycleCheck<A extends LifecycleAction> = { ok: true; value: LifecycleInput<A> } | { ok: false; issues: LifecycleIssue[] };

/**
 * Validates a step for a document in `status` with the given earlier dates: the form, then the order of
 * steps, then the date (not before the previous step, not after `today`), then step rules (post needs a
 * tracking number).
 */
export function checkLifecycleStep<A extends LifecycleAction>(action: A, input: unknown, status: string, dates: LifecycleDates, today: string): LifecycleCheck<A> {
  if (!nextActions(status).includes(action)) return { ok: false, issues: [{ path: '', code: 'wrong_status' }] };
  const parsed = LIFECYCLE_INPUTS[action].safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const value = parsed.data as LifecycleInput<A>;
  const issues: LifecycleIssue[] = [];
  const earliest = previousDate(action, dates);
  if (value.date < earliest) issues.push({ path: 'date', code: 'before_previous', date: earliest });
  if (value.date > today) issues.push({ path: 'date', code: 'in_future' });
  if (action === 'sent' && (value as LifecycleInput<'sent'>).method === 'post' && (value as LifecycleInput<'sent'>).tracking === '') {
    issues.push({ path: 'tracking', code: 'required' });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}
