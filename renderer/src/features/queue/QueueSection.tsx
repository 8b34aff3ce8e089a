import type { TFunction } from 'i18next';
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import { navigate } from '../../ui/router';
import type { QueueItem } from '../../data/tracking/queue.repo';
import { rowView, type BucketId, type RowView } from './queue-rows';

const DATE_COLUMN: Readonly<Record<BucketId, 'registered' | 'due' | 'checkOn' | 'lastChange' | 'since'>> = {
  send: 'registered',
  followUp: 'due',
  recheck: 'checkOn',
  answerCitizen: 'due',
  courtWarning: 'due',
  answerOverdue: 'due',
  awaiting: 'since',
  stale: 'lastChange',
};

export const sectionHeadingId = (bucket: BucketId) => `queue-heading-${bucket}`;

/**
 * Rows in the queue's first paint, shared out among the buckets in order: about a screenful. Six buckets of
 * up to 100 rows cost React and layout a few hundred milliseconds on an office PC; what is below the fold
 * follows in a background render.
 */
export const FIRST_PAINT_ROWS = 15;

/** Arrow keys move between the rows' links, so a long section needs no Tab per row. */
function moveFocus(event: React.KeyboardEvent<HTMLAnchorElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const row = event.currentTarget.closest('tr');
  const next = event.key === 'ArrowDown' ? row?.nextElementSibling : row?.previousElementSibling;
  const link = next?.querySelector<HTMLAnchorElement>('a.queue-row__open');
  if (!link) return;
  event.preventDefault();
  link.focus();
}

// Rows take `t` from their section: a translation hook in each of 700 rows is measurable work.
function ActionCell({ view, t }: { view: RowView; t: TFunction }) {
  const { action } = view;
  if (action.key === 'sign' || action.key === 'send') {
    return <>{t(action.number ? `queue.action.${action.key}Numbered` : `queue.action.${action.key}`, { title: action.title, number: action.number })}</>;
  }
  if (action.key === 'stale') return <>{t('queue.action.stale', { count: action.days })}</>;
  return <>{t(`queue.action.${action.key}`)}</>;
}

function QueueRow({ bucket, item, today, t }: { bucket: BucketId; item: QueueItem; today: string; t: TFunction }) {
  const view = rowView(bucket, item, today);
  const { row } = item;
  return (
    // The whole row does its action for a mouse; the link in it is the keyboard's and screen reader's way.
    <tr className={view.late ? 'queue-row queue-row--late' : 'queue-row'} onClick={() => navigate(view.route)}>
      <td className="queue-row__number">{row.number}</td>
      <td className="queue-row__name">{row.summary.nameRu || row.summary.nameLat || row.summary.nameKy}</td>
      <td className="queue-row__date">
        {view.date ? formatDate(view.date) : t('queue.noDeadline')}
        {/* Not by colour alone. */}
        {view.late ? <span className="queue-row__late"> {t('queue.lateMark')}</span> : null}
      </td>
      <td className="queue-row__action">
        <a className="queue-row__open" href={`#${view.route}`} onClick={(event) => event.stopPropagation()} onKeyDown={moveFocus}>
          <ActionCell view={view} t={t} />
        </a>
      </td>
      <td>
        <span className={`status-badge status-badge--${row.status}`}>{t(`cases.status.${row.status}`)}</span>
      </td>
    </tr>
  );
}

interface SectionProps {
  bucket: BucketId;
  rows: QueueItem[];
  /** Undefined while still counting (counts come after the rows: see workQueueCounts). */
  count: number | undefined;
  today: string;
  /** How many of the rows the first paint shows (see FIRST_PAINT_ROWS). */
  firstPaintRows: number;
  children?: React.ReactNode;
}

/** One bucket: its count in the heading, its first rows, and a pointer to the case list for the rest. */
export function QueueSection({ bucket, rows, count, today, firstPaintRows, children }: SectionProps) {
  const { t } = useTranslation();
  const headingId = sectionHeadingId(bucket);
  const title = t(`queue.bucket.${bucket}`);
  const shown = useDeferredValue(rows, rows.slice(0, firstPaintRows));
  return (
    <section className={`queue-section queue-section--${bucket}`} aria-labelledby={headingId}>
      <div className="queue-section__head">
        <h2 id={headingId} tabIndex={-1}>
          {count === undefined ? t('queue.headingCounting', { title }) : t('queue.heading', { title, count })}
        </h2>
        {children}
      </div>
      <p className="queue-section__hint">{t(`queue.hint.${bucket}`)}</p>
      {rows.length === 0 ? (
        <p className="queue-section__empty">{t('queue.empty')}</p>
      ) : (
        <table className="queue-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('queue.columns.number')}</th>
              <th scope="col">{t('queue.columns.name')}</th>
              <th scope="col">{t(`queue.columns.${DATE_COLUMN[bucket]}`)}</th>
              <th scope="col">{t('queue.columns.action')}</th>
              <th scope="col">{t('queue.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <QueueRow key={item.document?.id ?? `${item.row.id}:${item.date ?? ""}`} bucket={bucket} item={item} today={today} t={t} />
            ))}
          </tbody>
        </table>
      )}
      {count !== undefined && count > rows.length ? (
        <p className="queue-section__more">
          {t('queue.more', { shown: rows.length, count })} <a href="#/cases">{t('queue.moreLink')}</a>
        </p>
      ) : null}
    </section>
  );
}
