import type { Deadline } from '../deadlines/deadline';

/**
 * Which answer the citizen's memo announces: the answer term of a request actually sent (59-ФЗ art. 12 for the
 * citizen's own appeal, the mission's follow-up interval for its letters and notes), never the case's nearest
 * deadline of another kind. An open term still ahead of the memo's date is expected; otherwise the latest lapsed
 * one is reported as lapsed, never as expected.
 */

export interface SentRequest {
  id: string;
  /** Whether the reference data marks the legal term of this kind verified; false → never presented as law. */
  lawVerified?: boolean;
  title: string;
  titleKy: string;
  number: string;
  /** ISO date of sending. */
  date: string;
}

export interface ExpectedAnswerInput extends Omit<SentRequest, 'id'> {
  /** ISO date the answer is due. */
  due: string;
  /** Whether 59-ФЗ art. 12 governs the term (the citizen's own appeal), not the mission's follow-up. */
  appeal: boolean;
}

const ANSWER_CLOCKS = new Set(['appeal_answer', 'follow_up']);

export function expectedAnswer(deadlines: readonly Deadline[], requests: readonly SentRequest[], date: string): ExpectedAnswerInput | null {
  const open = deadlines
    .filter((d) => ANSWER_CLOCKS.has(d.clock) && d.relatedKind === 'request' && d.status !== 'done')
    .flatMap((d) => {
      const request = requests.find((r) => r.id === d.related);
      return request ? [{ d, request }] : [];
    });
  const ahead = open.filter(({ d }) => d.due >= date).sort((a, b) => (a.d.due < b.d.due ? -1 : 1))[0];
  const lapsed = open.filter(({ d }) => d.due < date).sort((a, b) => (a.d.due < b.d.due ? 1 : -1))[0];
  const pick = ahead ?? lapsed;
  if (!pick) return null;
  const { id: _id, lawVerified, ...letter } = pick.request;
  // A term stated as the law's (59-ФЗ art. 12) only when the reference data says so; otherwise just a date.
  return { ...letter, due: pick.d.due, appeal: pick.d.clock === 'appeal_answer' && lawVerified !== false };
}
