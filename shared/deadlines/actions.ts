import type { Deadline } from './deadline';
import type { ClockId } from './settings';

/**
 * What a case's open clocks ask of somebody now or later, as the work queue reads them. Only clocks someone
 * can still act on make an action: the citizen's own past terms (registration, employer notification,
 * document expiry) explain why a person was listed and stay on the case page as findings of the diagnosis.
 *
 * | action         | clocks                                                | in the queue when        |
 * |----------------|-------------------------------------------------------|--------------------------|
 * | follow_up      | follow_up, reminder (the mission chases its letter)   | due on or before today   |
 * | answer_overdue | appeal_registration, appeal_forwarding, appeal_answer | due before today (owed)  |
 * | court_warning  | kas_claim (warn the citizen while the term is open)   | due today or later       |
 * | answer_citizen | none: a citizen's request to the mission (shared/appeals) | while unanswered      |
 *
 * `answer_citizen` entries carry the day the request came, not a due day: the answer term is reference data
 * and may be edited, so the due day is worked out when the queue is read (shared/appeals/appeal.ts).
 * The register re-check has its own field (`nextCheck`); sending a generated document is read from the documents.
 */
export const QUEUE_ACTIONS = ['follow_up', 'answer_overdue', 'court_warning', 'answer_citizen'] as const;
export type QueueAction = (typeof QUEUE_ACTIONS)[number];

export const ACTION_CLOCKS: Readonly<Record<QueueAction, readonly ClockId[]>> = {
  follow_up: ['follow_up', 'reminder'],
  answer_overdue: ['appeal_registration', 'appeal_forwarding', 'appeal_answer'],
  court_warning: ['kas_claim'],
  answer_citizen: [],
};

const ACTION_OF: ReadonlyMap<ClockId, QueueAction> = new Map(QUEUE_ACTIONS.flatMap((action) => ACTION_CLOCKS[action].map((clock) => [clock, action] as const)));

/** One index entry: `<action>|<due>`, so a range of one action's entries is ordered by date. */
export const actionEntry = (action: QueueAction, due: string) => `${action}|${due}`;

export function parseActionEntry(entry: string): { action: QueueAction; due: string } | null {
  const [action, due] = entry.split('|');
  return action !== undefined && due !== undefined && (QUEUE_ACTIONS as readonly string[]).includes(action) ? { action: action as QueueAction, due } : null;
}

/**
 * The case's action entries, one per open clock of an action (the earliest date of each action and related
 * item), whatever today is: whether an entry is due is the query's range, so the stored list changes only
 * when the facts do. Sorted and without repeats, as a multi-entry index wants it.
 */
export function actionEntries(deadlines: readonly Deadline[]): string[] {
  const earliest = new Map<string, { action: QueueAction; due: string }>();
  for (const d of deadlines) {
    if (d.status === 'done') continue;
    const action = ACTION_OF.get(d.clock);
    if (!action) continue;
    const key = `${action}:${d.related ?? 'case'}`;
    const seen = earliest.get(key);
    if (!seen || d.due < seen.due) earliest.set(key, { action, due: d.due });
  }
  return [...new Set([...earliest.values()].map((a) => actionEntry(a.action, a.due)))].sort();
}

/** The range of entries of `action` that are in the queue on `today`: [lower, upper], both inclusive. */
export function actionRange(action: QueueAction, today: string, dayBefore: string): [string, string] {
  switch (action) {
    case 'follow_up':
      return [actionEntry(action, ''), actionEntry(action, today)];
    case 'answer_overdue':
      return [actionEntry(action, ''), actionEntry(action, dayBefore)];
    case 'court_warning':
      return [actionEntry(action, today), actionEntry(action, '\uffff')];
    case 'answer_citizen':
      return [actionEntry(action, ''), actionEntry(action, '\uffff')];
  }
}
