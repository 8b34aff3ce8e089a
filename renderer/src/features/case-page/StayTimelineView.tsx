import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import type { PersonRow } from '../../data/schema';
import { localTodayIso } from '../../lib/date-time';
import { useRegistrationGrace } from '../../data/reference/reference.repo';
import { buildStayTimeline, type Bar } from './stay-timeline';

const pct = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

/** Entries/exits, registrations and contracts on one axis, gaps marked; the list below says the same in words. */
export function StayTimelineView({ person }: { person: PersonRow }) {
  const { t } = useTranslation();
  const grace = useRegistrationGrace();
  const timeline = buildStayTimeline(person, localTodayIso(), grace);

  const describe = (bar: Bar): string => {
    const from = formatDate(bar.from);
    const to = formatDate(bar.to);
    switch (bar.kind) {
      case 'stay': {
        const stay = person.stays[bar.index]!;
        return bar.open ? t('casePage.timeline.stayOpen', { from, checkpoint: stay.checkpoint }) : t('casePage.timeline.stay', { from, to, checkpoint: stay.checkpoint });
      }
      case 'registration':
        return t('casePage.timeline.registration', { from, to, address: person.registrations[bar.index]!.address });
      case 'contract': {
        const employer = person.employments[bar.index]!.employer;
        return bar.open ? t('casePage.timeline.contractOpen', { from, employer }) : t('casePage.timeline.contract', { from, to, employer });
      }
      case 'gap':
        return t('casePage.timeline.gap', { from, to, count: bar.days });
    }
  };

  return (
    <section className="case-section" aria-labelledby="case-section-timeline">
      <h2 id="case-section-timeline">{t('casePage.section.timeline')}</h2>
      {timeline === null ? (
        <p className="muted">{t('casePage.timeline.empty')}</p>
      ) : (
        <>
          <div className="stay-timeline" aria-hidden="true">
            <div className="stay-timeline__axis">
              <span>{formatDate(timeline.from)}</span>
              <span>{formatDate(timeline.to)}</span>
            </div>
            {timeline.rows.map((row) => (
              <div key={row.kind} className="stay-timeline__row">
                <span className="stay-timeline__label">{t(`casePage.timeline.row.${row.kind}`)}</span>
                <div className="stay-timeline__track">
                  {timeline.years.map((y) => (
                    <span key={y.year} className="stay-timeline__year" style={{ left: pct(y.at) }} title={String(y.year)} />
                  ))}
                  {row.bars.map((bar) => (
                    <span
                      key={`${bar.kind}-${bar.index}-${bar.from}`}
                      className={`stay-timeline__bar stay-timeline__bar--${bar.kind}${bar.open ? ' stay-timeline__bar--open' : ''}`}
                      style={{ left: pct(bar.start), width: pct(bar.end - bar.start) }}
                      title={describe(bar)}
                    />
                  ))}
                </div>
              </div>
            ))}
            {timeline.years.length > 0 ? (
              <div className="stay-timeline__row stay-timeline__row--years">
                <span className="stay-timeline__label" />
                <div className="stay-timeline__track">
                  {timeline.years.map((y) => (
                    <span key={y.year} className="stay-timeline__year-label" style={{ left: pct(y.at) }}>
                      {y.year}
                    </span>
                  ))}
                </div>
              </div>
            ) : null}
          </div>
          <ul className="stay-timeline__text">
            {timeline.rows.flatMap((row) =>
              row.bars.map((bar) => (
                <li key={`${bar.kind}-${bar.index}-${bar.from}`} className={`stay-timeline__text-item stay-timeline__text-item--${bar.kind}`}>
                  {describe(bar)}
                </li>
              )),
            )}
          </ul>
        </>
      )}
    </section>
  );
}
