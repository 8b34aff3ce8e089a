import type { CaseStatus } from './statuses';

/**
 * What the caseworker did that moves a case along its workflow. Each event is raised by the write that
 * records it (renderer: diagnosis, documents, lifecycle, requests, register checks).
 */
export const STATUS_EVENTS = [
  'register_checked',
  'diagnosis_confirmed',
  'document_generated',
  'request_sent',
  'request_received',
  'answer_received',
] as const;
export type StatusEvent = (typeof STATUS_EVENTS)[number];

export interface StatusRule {
  event: StatusEvent;
  /** The statuses the event moves a case out of; a case in any other status stays where it is. */
  from: readonly CaseStatus[];
  to: CaseStatus;
  /** Written to the case's status history (Russian, the language of record, like the caseworker's own notes). */
  note: string;
}

/**
 * The workflow as data: event → from-statuses → to-status. A rule never moves a case backwards past work
 * already done (an answer does not reopen intake) and never closes a case: closing (excluded, refused, left
 * Russia) stays the caseworker's decision, proposed where the facts suggest it. A manual change is always possible.
 *
 * | event               | from                                                    | to                  |
 * |---------------------|---------------------------------------------------------|---------------------|
 * | register_checked    | intake                                                  | checking            |
 * | diagnosis_confirmed | intake, checking                                        | collecting_evidence |
 * | document_generated  | intake, checking                                        | collecting_evidence |
 * | request_sent        | intake, checking, collecting_evidence                   | requests_sent       |
 * | request_received    | intake, checking, collecting_evidence, requests_sent    | awaiting_answer     |
 * | answer_received     | requests_sent, awaiting_answer                          | checking            |
 *
 * After an answer the case goes back to «Проверка»: the register is checked again to see whether the
 * person was excluded (the re-check clock keeps running until a check shows it).
 */
export const STATUS_RULES: readonly StatusRule[] = [
  { event: 'register_checked', from: ['intake'], to: 'checking', note: 'Проверка по реестру' },
  { event: 'diagnosis_confirmed', from: ['intake', 'checking'], to: 'collecting_evidence', note: 'Диагноз подтверждён' },
  { event: 'document_generated', from: ['intake', 'checking'], to: 'collecting_evidence', note: 'Сформирован документ' },
  { event: 'request_sent', from: ['intake', 'checking', 'collecting_evidence'], to: 'requests_sent', note: 'Запрос направлен' },
  { event: 'request_received', from: ['intake', 'checking', 'collecting_evidence', 'requests_sent'], to: 'awaiting_answer', note: 'Запрос получен адресатом' },
  { event: 'answer_received', from: ['requests_sent', 'awaiting_answer'], to: 'checking', note: 'Получен ответ' },
];

/** The rule an event triggers for a case in `status`, or null when the case stays where it is. */
export function statusMove(status: CaseStatus, event: StatusEvent, rules: readonly StatusRule[] = STATUS_RULES): StatusRule | null {
  return rules.find((rule) => rule.event === event && rule.from.includes(status) && rule.to !== status) ?? null;
}
