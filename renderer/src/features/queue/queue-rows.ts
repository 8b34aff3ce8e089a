import { toDayNumber } from '../../../../shared/case/dates';
import type { CaseSection } from '../../lib/case-sections';
import type { QueueBucketId, QueueItem } from '../../data/tracking/queue.repo';

export type BucketId = QueueBucketId;

/** The part of the case page a row opens (`#/cases/<id>?section=<section>`); null → the top of the page. */
const SECTION: Readonly<Record<BucketId, CaseSection | null>> = {
  send: 'documents',
  followUp: 'requests',
  recheck: 'checks',
  answerCitizen: 'appeals',
  courtWarning: 'deadlines',
  answerOverdue: 'requests',
  awaiting: 'requests',
  stale: null,
};

/**
 * The hash route a row opens: the case page at the section its action is about, and for the actions done in
 * a dialog the dialog itself (`open=check` for a register check, `document=<id>` for a document's next step).
 */
export function caseRoute(bucket: BucketId, caseId: string, documentId?: string): string {
  const section = SECTION[bucket];
  if (!section) return `/cases/${caseId}`;
  const query = new URLSearchParams({ section });
  if (bucket === 'send' && documentId) query.set('document', documentId);
  if (bucket === 'recheck') query.set('open', 'check');
  if (bucket === 'answerCitizen') query.set('open', 'appeal');
  return `/cases/${caseId}?${query.toString()}`;
}

/** What one row asks the caseworker to do, as message keys of `queue.action.*` with their values. */
export type RowAction =
  | { key: 'sign' | 'send'; title: string; number: string }
  | { key: 'followUp' | 'recheck' | 'answerCitizen' | 'courtWarning' | 'answerOverdue' | 'awaiting' }
  | { key: 'stale'; days: number };

export interface RowView {
  date: string | null;
  /** The date has passed: shown as overdue wherever the row is. */
  late: boolean;
  action: RowAction;
  route: string;
}

/** What a row of `bucket` shows for an item on `today`. */
export function rowView(bucket: BucketId, item: QueueItem, today: string): RowView {
  const { row, date, document } = item;
  const route = caseRoute(bucket, row.id, document?.id);
  switch (bucket) {
    case 'send':
      return {
        date,
        late: false,
        action: { key: document?.status === 'signed' ? 'send' : 'sign', title: document?.title ?? '', number: document?.outgoingNumber ?? '' },
        route,
      };
    case 'stale':
      return { date, late: false, action: { key: 'stale', days: date ? Math.max(0, toDayNumber(today) - toDayNumber(date)) : 0 }, route };
    case 'courtWarning':
    case 'awaiting':
      return { date, late: false, action: { key: bucket }, route };
    default:
      return { date, late: date !== null && date < today, action: { key: bucket }, route };
  }
}
