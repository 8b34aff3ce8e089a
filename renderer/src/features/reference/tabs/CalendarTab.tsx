import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../../shared/case/dates';
import type { CalendarYear, ReferenceBundle } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { localTodayIso } from '../../../lib/date-time';
import { nextCalendarYear, weekdayOf } from '../calendar-edit';
import { verificationCounts } from '../../../ui/reference-display';
import { CalendarYearForm } from '../forms/CalendarYearForm';
import { rowMark, VerificationBadge } from '../VerificationBadge';

interface Props {
  bundle: ReferenceBundle;
  actor: Actor | null;
  onSaved(message: string): void;
}

type Editing = { entry: CalendarYear; isNew: boolean } | null;

/** The Russian production calendar the deadlines count working days by, one card per year. */
export function CalendarTab({ bundle, actor, onSaved }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const day = (iso: string) => t('reference.calendar.day', { date: formatDate(iso), weekday: t(`reference.calendar.weekday.d${weekdayOf(iso)}`) });
  const legal = new Map(bundle.legalRefs.map((r) => [r.id, r]));
  const next = nextCalendarYear(bundle.calendar, Number(localTodayIso().slice(0, 4)));

  return (
    <section className="ref-section" aria-labelledby="ref-calendar">
      <div className="ref-section__head">
        <h2 id="ref-calendar">{t('reference.table.calendar')}</h2>
        {actor && next ? (
          <button type="button" className="button" onClick={() => setEditing({ entry: next, isNew: true })}>
            {t('reference.calendar.addYear')}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('reference.counts', verificationCounts(bundle.calendar))}</p>
      <ul className="ref-cards">
        {bundle.calendar.map((entry) => {
          const ref = entry.legalRef ? legal.get(entry.legalRef) : undefined;
          const yearTitle = t('reference.calendar.year', { year: entry.year });
          return (
            <li key={entry.year} className={['ref-card', rowMark(entry.verification)].filter(Boolean).join(' ')}>
              <div className="ref-card__head">
                <h3>{yearTitle}</h3>
                <VerificationBadge value={entry.verification} />
                {actor ? (
                  <button type="button" className="button button--small" aria-label={t('reference.editRow', { name: yearTitle })} onClick={() => setEditing({ entry, isNew: false })}>
                    {t('reference.edit')}
                  </button>
                ) : null}
              </div>
              <p>{t('reference.calendar.legalRef', { ref: ref ? `${ref.act}${ref.article ? `, ${ref.article}` : ''}` : t('reference.calendar.noLegalRef') })}</p>
              <h4>{t('reference.calendar.holidays')}</h4>
              {entry.holidays.length > 0 ? (
                <ul className="ref-days__list">
                  {entry.holidays.map((iso) => (
                    <li key={iso} className="ref-day">
                      {day(iso)}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('reference.calendar.empty')}</p>
              )}
              <h4>{t('reference.calendar.transfers')}</h4>
              {entry.transfers.length > 0 ? (
                <ul className="ref-card__list">
                  {entry.transfers.map((move) => (
                    <li key={`${move.from}>${move.to}`}>
                      {t('reference.calendar.transfer', { from: day(move.from), to: day(move.to), basis: t(`reference.calendar.basis.${move.basis}`) })}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('reference.calendar.empty')}</p>
              )}
              {entry.note ? <p className="muted">{entry.note}</p> : null}
            </li>
          );
        })}
      </ul>
      {editing && actor ? (
        <CalendarYearForm entry={editing.entry} isNew={editing.isNew} legalRefs={bundle.legalRefs} actor={actor} onSaved={onSaved} onClose={() => setEditing(null)} />
      ) : null}
    </section>
  );
}
