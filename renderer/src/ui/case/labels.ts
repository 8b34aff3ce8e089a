import { formatDate, isValidIsoDate, toDayNumber } from '../../../../shared/case/dates';
import type { Deadline } from '../../../../shared/deadlines/deadline';
import type { CheckRow, PersonRow, RequestRow } from '../../data/schema';
import { documentName, type Translate } from './describe';

const dateText = (iso: string | undefined) => (iso && isValidIsoDate(iso) ? formatDate(iso) : '');

/** A request named the way caseworkers refer to it: «Заявление гражданина № 12 от 01.06.2025». */
export function requestLabel(t: Translate, request: Pick<RequestRow, 'kind' | 'ourNumber' | 'sentAt'>): string {
  const params = { kind: t(`tracking.kind.${request.kind}`), number: request.ourNumber.trim(), date: dateText(request.sentAt) };
  return t(params.number ? 'tracking.deadlines.about.requestNumbered' : 'tracking.deadlines.about.request', params);
}

/** What a deadline is about: the request, document, stay or contract its clock runs for. */
export function deadlineAbout(
  t: Translate,
  deadline: Pick<Deadline, 'related' | 'relatedKind'>,
  context: { requests: readonly RequestRow[]; person: Pick<PersonRow, 'documents' | 'stays' | 'employments'> },
): string {
  if (deadline.related === null || deadline.relatedKind === 'case') return t('tracking.deadlines.about.case');
  const id = deadline.related;
  switch (deadline.relatedKind) {
    case 'request': {
      const request = context.requests.find((r) => r.id === id);
      return request ? requestLabel(t, request) : t('tracking.deadlines.about.unknown');
    }
    case 'document': {
      const doc = context.person.documents.find((d) => d.id === id);
      return doc ? t('tracking.deadlines.about.document', { document: documentName(t, doc) }) : t('tracking.deadlines.about.unknown');
    }
    case 'stay': {
      const stay = context.person.stays.find((s) => s.id === id);
      return stay ? t('tracking.deadlines.about.stay', { date: dateText(stay.entryDate) }) : t('tracking.deadlines.about.unknown');
    }
    case 'employment': {
      const job = context.person.employments.find((e) => e.id === id);
      return job ? t('tracking.deadlines.about.employment', { employer: job.employer }) : t('tracking.deadlines.about.unknown');
    }
  }
}

/** Signed whole days from `today` to `due` (negative: overdue). */
export function daysUntil(today: string, due: string): number {
  return toDayNumber(due) - toDayNumber(today);
}

/**
 * дд.мм.гггг чч:мм of a check as the caseworker entered it. The stored moment carries the office's UTC offset,
 * so its own digits are the wall-clock time of the check, whatever time zone later displays it.
 */
export function checkMoment(at: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(at);
  if (!m) return at;
  const day = `${m[3]}.${m[2]}.${m[1]}`;
  return m[4] ? `${day} ${m[4]}:${m[5]}` : day;
}

/** The calendar day of a check, as the deadline engine reads it. */
export function checkDayOf(check: Pick<CheckRow, 'at'>): string {
  return check.at.slice(0, 10);
}

const two = (n: number) => String(Math.abs(n)).padStart(2, '0');

/**
 * A date and a чч:мм time typed in the office, as an ISO date-time with the machine's UTC offset for that
 * moment ('2025-06-02T09:30:00+03:00'); null when the time is not a real time of day.
 */
export function composeCheckAt(dateIso: string, time: string): string | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!m || !isValidIsoDate(dateIso)) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  const [y, mo, d] = dateIso.split('-').map(Number) as [number, number, number];
  const local = new Date(y, mo - 1, d, hours, minutes);
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${dateIso}T${two(hours)}:${two(minutes)}:00${sign}${two(Math.trunc(offset / 60))}:${two(offset % 60)}`;
}

/** The current local date and чч:мм, to prefill a check made just now. */
export function nowParts(now = new Date()): { date: string; time: string } {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
