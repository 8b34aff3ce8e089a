import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import { CLOSED_STATUSES } from '../../../../shared/deadlines/facts';
import type { Deadline } from '../../../../shared/deadlines/deadline';
import type { LegalRef } from '../../../../shared/reference/schema';
import type { CaseRow, PersonRow } from '../../data/schema';
import type { Translate } from '../../ui/case/describe';
import { daysUntil, deadlineAbout } from '../../ui/case/labels';
import { SectionHeading } from '../../ui/case/SectionHeading';
import type { CaseTracking } from '../../data/tracking/use-case-tracking';
import { localTodayIso } from '../../lib/date-time';
import { legalRefLabel } from '../../../../shared/reference/legal-label';
import { CLOCK_SAFE_SIDE } from '../../../../shared/deadlines/safe-side';

interface Props {
  record: CaseRow;
  person: PersonRow;
  tracking: CaseTracking | undefined;
}

function StatusCell({ deadline, today }: { deadline: Deadline; today: string }) {
  const { t } = useTranslation();
  const status = t(`tracking.deadlines.status.${deadline.status}`);
  if (deadline.status === 'done') {
    return (
      <>
        <span className="deadline-status deadline-status--done">{status}</span>
        {deadline.completedAt ? <span className="deadline__detail">{t('tracking.deadlines.completed', { date: formatDate(deadline.completedAt) })}</span> : null}
        {deadline.late ? <span className="deadline__detail deadline__detail--late">{t('tracking.deadlines.late')}</span> : null}
      </>
    );
  }
  const days = daysUntil(today, deadline.due);
  return (
    <>
      <span className={`deadline-status deadline-status--${deadline.status}`}>{status}</span>
      {days > 0 ? <span className="deadline__detail">{t('tracking.deadlines.daysLeft', { n: days })}</span> : null}
      {days < 0 ? <span className="deadline__detail">{t('tracking.deadlines.daysOverdue', { n: -days })}</span> : null}
    </>
  );
}

function SourceCell({ source, legalRefs }: { source: string | null; legalRefs: readonly LegalRef[] }) {
  const { t } = useTranslation();
  if (source === null) return <span className="muted">{t('tracking.deadlines.practice')}</span>;
  const ref = legalRefs.find((r) => r.id === source);
  return (
    <>
      <span className="deadline__source" title={ref?.act}>
        {ref ? legalRefLabel(ref) : source}
      </span>
      {ref && ref.verification !== 'verified' ? <span className="deadline__detail">{t(`tracking.verification.${ref.verification}`)}</span> : null}
    </>
  );
}

/** Every clock of the case, in the engine's order (open first, by due date), overdue ones marked. */
export function DeadlinesPanel({ record, person, tracking }: Props) {
  const { t } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const today = localTodayIso();
  const closed = CLOSED_STATUSES.includes(record.status);

  const body = () => {
    if (!tracking) return <p role="status">{t('tracking.loading')}</p>;
    if (tracking.deadlines.length === 0) return <p className="muted">{t(closed ? 'tracking.deadlines.closed' : 'tracking.deadlines.empty')}</p>;
    const legalRefs = tracking.reference?.legalRefs ?? [];
    return (
      <div className="tracking-table-wrap">
        <table className="tracking-table deadlines">
          <caption className="tracking-sr-only">{t('tracking.deadlines.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tracking.deadlines.column.clock')}</th>
              <th scope="col">{t('tracking.deadlines.column.about')}</th>
              <th scope="col">{t('tracking.deadlines.column.due')}</th>
              <th scope="col">{t('tracking.deadlines.column.days')}</th>
              <th scope="col">{t('tracking.deadlines.column.status')}</th>
              <th scope="col">{t('tracking.deadlines.column.source')}</th>
            </tr>
          </thead>
          <tbody>
            {tracking.deadlines.map((d) => (
              <tr key={d.id} className={`deadline deadline--${d.status}`} data-clock={d.clock}>
                <th scope="row">
                  {t(`tracking.clock.${d.clock}`)}
                  {d.estimated ? (
                    <span className="deadline__estimated" title={t('tracking.deadlines.estimatedHint')}>
                      {t('tracking.deadlines.estimated')}
                    </span>
                  ) : null}
                </th>
                <td>{deadlineAbout(tr, d, { requests: tracking.requests, person })}</td>
                <td>
                  <span className="deadline__due">{formatDate(d.due)}</span>
                  {d.rolledFrom ? <span className="deadline__detail">{t('tracking.deadlines.rolledFrom', { date: formatDate(d.rolledFrom) })}</span> : null}
                  {d.overdueFrom ? <span className="deadline__detail">{t('tracking.deadlines.overdueFrom', { date: formatDate(d.overdueFrom) })}</span> : null}
                  {/* What the app assumed where the counting rule is in doubt, and why (shared/deadlines/safe-side). */}
                  {CLOCK_SAFE_SIDE[d.clock] ? <span className="deadline__detail deadline__assumption">{t(`tracking.deadlines.safeSide.${CLOCK_SAFE_SIDE[d.clock]}`)}</span> : null}
                  {/* Only where the production calendar decided the date: working days counted, or a move off a holiday. */}
                  {d.calendar && d.calendar !== 'verified' && (d.kind === 'working' || d.rolledFrom) ? (
                    <span className="deadline__detail">{t('tracking.deadlines.calendarUnverified')}</span>
                  ) : null}
                </td>
                <td>{t(`tracking.deadlines.dayKind.${d.kind}`)}</td>
                <td>
                  <StatusCell deadline={d} today={today} />
                </td>
                <td>
                  <SourceCell source={d.source} legalRefs={legalRefs} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {tracking.deadlines.some((d) => d.estimated) ? <p className="tracking-note">{t('tracking.deadlines.estimatedHint')}</p> : null}
      </div>
    );
  };

  return (
    <section id="deadlines" className="case-section tracking-panel" aria-labelledby="deadlines-title">
      <SectionHeading id="deadlines-title">{t('tracking.section.deadlines')}</SectionHeading>
      {body()}
    </section>
  );
}
