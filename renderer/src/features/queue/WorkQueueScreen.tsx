import { useLive } from '../../data/use-live';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import { QUEUE_BUCKETS, workQueueCounts, workQueueRows } from '../../data/tracking/queue.repo';
import { FIRST_PAINT_ROWS, QueueSection, sectionHeadingId } from './QueueSection';
import { loadStaleDays, MAX_STALE_DAYS, saveStaleDays, takePreloadedQueue } from './queue-preload';
import { localTodayIso } from '../../lib/date-time';
import { useReference } from '../../data/reference/reference.repo';
import { appealAnswerTerm } from '../../../../shared/reference/lookup';

/** Today's date, moving on at midnight while the screen stays open (an office PC is rarely restarted). */
function useToday(): string {
  const [today, setToday] = useState(localTodayIso);
  useEffect(() => {
    const timer = window.setInterval(() => setToday(localTodayIso()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return today;
}

function StaleDaysInput({ value, onChange }: { value: number; onChange: (days: number) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(String(value));
  return (
    <span className="queue-section__control">
      <label htmlFor={id}>{t('queue.staleDays')}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_STALE_DAYS}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const days = Number(event.target.value);
          if (Number.isInteger(days) && days >= 1 && days <= MAX_STALE_DAYS) onChange(days);
        }}
        onBlur={() => setText(String(value))}
      />
    </span>
  );
}

/** The first paint's rows go to the buckets in screen order: bucket `i` gets what those above it left. */
function firstPaintShare(rows: Record<(typeof QUEUE_BUCKETS)[number], readonly unknown[]>, i: number): number {
  const above = QUEUE_BUCKETS.slice(0, i).reduce((sum, bucket) => sum + rows[bucket].length, 0);
  return Math.max(0, FIRST_PAINT_ROWS - above);
}

/**
 * The home screen: what needs doing, most urgent first. Each bucket is one index range over the cases
 * (renderer/src/data/tracking/queue.repo.ts), re-read live whenever a case, request or check changes. The
 * rows come first and the counts after them: counting a large range takes IndexedDB far longer than
 * reading its first rows, and a count read alongside would hold the rows back.
 */
export function WorkQueueScreen() {
  const { t } = useTranslation();
  const today = useToday();
  const [staleDays, setStaleDays] = useState(loadStaleDays);
  // Rows read while the app started (queue-preload.ts) are shown at once; the live query takes over from them.
  const [preloaded] = useState(() => takePreloadedQueue(today, staleDays));
  // The answer term is reference data: an edit there moves every open request's due day at once.
  const answerDays = appealAnswerTerm(useReference()).days;
  const rows = useLive(() => workQueueRows(today, { staleDays, answerDays }), [today, staleDays, answerDays], preloaded);
  const haveRows = rows !== undefined;
  const counts = useLive(() => (haveRows ? workQueueCounts(today, { staleDays }) : undefined), [haveRows, today, staleDays]);

  const changeStaleDays = (days: number) => {
    setStaleDays(days);
    saveStaleDays(days);
  };

  return (
    <div className="screen work-queue">
      <div className="work-queue__head">
        <h1>{t('queue.title')}</h1>
        <span className="muted">{t('queue.today', { date: formatDate(today) })}</span>
      </div>
      {rows === undefined ? (
        <p role="status">{t('app.loading')}</p>
      ) : (
        <>
          <nav aria-label={t('queue.jumpLabel')}>
            <ul className="work-queue__jump">
              {QUEUE_BUCKETS.map((bucket) => (
                <li key={bucket}>
                  <button
                    type="button"
                    className={`button button--small work-queue__jump-${bucket}`}
                    onClick={() => {
                      const heading = document.getElementById(sectionHeadingId(bucket));
                      heading?.focus();
                      heading?.scrollIntoView({ block: 'start' });
                    }}
                  >
                    {counts
                      ? t('queue.jump', { title: t(`queue.bucket.${bucket}`), count: counts[bucket] })
                      : t('queue.jumpCounting', { title: t(`queue.bucket.${bucket}`) })}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {QUEUE_BUCKETS.map((bucket, i) => (
            <QueueSection
              key={bucket}
              bucket={bucket}
              rows={rows[bucket]}
              count={counts?.[bucket]}
              today={today}
              firstPaintRows={firstPaintShare(rows, i)}
            >
              {bucket === 'stale' ? <StaleDaysInput value={staleDays} onChange={changeStaleDays} /> : null}
            </QueueSection>
          ))}
        </>
      )}
    </div>
  );
}
