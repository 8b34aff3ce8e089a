import { useLive } from '../../data/use-live';
import { useTranslation } from 'react-i18next';
import { navigate, useRoute } from '../../ui/router';
import { doneCount, runningJobs } from '../../data/batch/batch.repo';
import { isDriving, startRun, useRunsVersion } from './run.store';

/**
 * On start (and on any screen) offers to resume a batch that was interrupted — marked running in IndexedDB
 * but not driven by this page, i.e. the page or the app closed mid-batch.
 */
export function BatchResumeBanner() {
  const { t } = useTranslation();
  const route = useRoute();
  const version = useRunsVersion();
  const interrupted = useLive(async () => {
    const jobs = (await runningJobs()).filter((job) => !isDriving(job.id));
    return Promise.all(jobs.map(async (job) => ({ job, done: await doneCount(job.id) })));
  }, [version]);
  const shown = (interrupted ?? []).filter(({ job }) => route !== `/batch/${job.id}`);
  if (shown.length === 0) return null;
  return (
    <div className="batch-banner" role="region" aria-label={t('batch.title')}>
      {shown.map(({ job, done }) => (
        <p key={job.id}>
          {t('batch.banner', { title: job.templateTitle, done, total: job.total })}{' '}
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => {
              startRun(job.id);
              navigate(`/batch/${job.id}`);
            }}
          >
            {t('batch.resume')}
          </button>{' '}
          <a href={`#/batch/${job.id}`}>{t('batch.open')}</a>
        </p>
      ))}
    </div>
  );
}
