import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import type { IntakeDraft } from '../../../../shared/case/schema';
import { employmentTimeline } from './gap-timeline';
import { useRegistrationGrace } from '../../data/reference/reference.repo';

const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

/**
 * The EAEU gap check for one contract as a small bar: the contract period, the registrations and, in red,
 * the days no registration covers. The list under it says the same in words (the bar is decoration).
 */
export function GapTimeline({ index, today }: { index: number; today: string }) {
  const { t } = useTranslation();
  const { control } = useFormContext<IntakeDraft>();
  const job = useWatch({ control, name: `employments.${index}` });
  const registrations = useWatch({ control, name: 'registrations' });
  const stays = useWatch({ control, name: 'stays' });
  const grace = useRegistrationGrace();
  const timeline = job ? employmentTimeline(job, registrations, today, stays, grace) : null;
  if (!timeline) return null;
  const track = (kind: 'contract' | 'registration' | 'gap') =>
    timeline.segments
      .filter((s) => s.kind === kind)
      .map((s) => (
        <span
          key={`${kind}-${s.index}`}
          className={`gap-timeline__segment gap-timeline__segment--${kind}`}
          style={{ left: percent(s.start), width: percent(s.end - s.start) }}
        />
      ));
  const registrationLines = timeline.segments.filter((s) => s.kind === 'registration');
  return (
    <figure className="gap-timeline" aria-labelledby={`gap-timeline-${index}`}>
      <figcaption id={`gap-timeline-${index}`}>{t('intake.timeline.title')}</figcaption>
      <div className="gap-timeline__bar" aria-hidden="true">
        <div className="gap-timeline__track">
          {track('contract')}
          {track('gap')}
        </div>
        <div className="gap-timeline__track">{track('registration')}</div>
      </div>
      <ul className="gap-timeline__text">
        <li>{t('intake.timeline.contract', { from: formatDate(timeline.period.from), to: formatDate(timeline.period.to) })}</li>
        {registrationLines.map((s) => (
          <li key={`r-${s.index}`}>{t('intake.timeline.registration', { n: s.index + 1, from: formatDate(s.from), to: formatDate(s.to) })}</li>
        ))}
        {timeline.gaps.map((gap) => (
          <li key={gap.from} className="gap-timeline__gap">
            {t('intake.timeline.gap', { from: formatDate(gap.from), to: formatDate(gap.to), count: gap.days })}
          </li>
        ))}
        <li className={timeline.gapDays > 0 ? 'gap-timeline__gap' : 'gap-timeline__ok'}>
          {timeline.gapDays > 0 ? t('intake.timeline.gapTotal', { days: timeline.gapDays }) : t('intake.timeline.covered')}
        </li>
      </ul>
    </figure>
  );
}
