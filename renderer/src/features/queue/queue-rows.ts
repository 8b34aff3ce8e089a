import { toDayNumber } from '../../../../shared/case/dates';
import type { ClockId } from '../../../../shared/deadlines/settings';
import { NO_DEADLINE, type CaseRow } from '../../data/schema';
import type { CaseSection } from '../../lib/case-sections';
import type { QueueBucketId } from '../../data/tracking/queue.repo';

export type BucketId = QueueBucketId;

/** The part of the case page a row opens (`#/cases/<id>?section=<section>`); null → the top of the page. */
const SECTION: Readonly<Record<BucketId, CaseSection | null>> = {
  overdue: 'deadlines',
  dueToday: 'deadlines',
  next7: 'deadlines',
  awaiting: 'requests',
  recheck: 'checks',
  stale: null,
};

/** The hash route of the case page, opened at the section the bucket is about. */
export function caseRoute(bucket: BucketId, caseId: string): string {
  const section = SECTION[bucket];
  return section ? `/cases/${caseId}?section=${section}` : `/cases/${caseId}`;
}

/** What one row says in its date and «what» columns. */
export type RowWhat = { kind: 'clock'; clock: ClockId } | { kind: 'idle'; days: number } | { kind: 'none' };

export interface RowView {
  date: string | null;
  /** The date has passed: shown as overdue wherever the row is. */
  late: boolean;
  what: RowWhat;
  route: string;
}

/** What a row of `bucket` shows for a case on `today`. */
export function rowView(bucket: BucketId, row: CaseRow, today: string): RowView {
  const route = caseRoute(bucket, row.id);
  if (bucket === 'stale') {
    const day = row.updatedAt.slice(0, 10);
    return { date: day, late: false, what: { kind: 'idle', days: Math.max(0, toDayNumber(today) - toDayNumber(day)) }, route };
  }
  if (bucket === 'recheck') {
    return { date: row.nextCheck, late: row.nextCheck < today, what: { kind: 'clock', clock: 'register_recheck' }, route };
  }
  if (row.nextDeadline === NO_DEADLINE) return { date: null, late: false, what: { kind: 'none' }, route };
  return {
    date: row.nextDeadline,
    late: row.nextDeadline < today,
    what: row.nextDeadlineClock ? { kind: 'clock', clock: row.nextDeadlineClock } : { kind: 'none' },
    route,
  };
}
