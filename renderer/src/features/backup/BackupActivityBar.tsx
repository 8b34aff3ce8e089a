import { useTranslation } from 'react-i18next';
import { percentOf, useActivity } from '../../data/backup/activity.store';
import { TimeLeft } from './TimeLeft';

/** A thin bar under the top bar while an automatic backup or a restore runs, wherever the caseworker is. */
export function BackupActivityBar() {
  const { t } = useTranslation();
  const activity = useActivity();
  if (!activity) return null;
  const percent = percentOf(activity);
  const key = activity.kind === 'restore' ? 'restore' : activity.reason === 'quit' ? 'quit' : 'backup';
  return (
    <div className="backup-activity" role="status">
      <span>{t(`backup.activity.${key}`, { percent })}</span>
      <TimeLeft activity={activity} />
      <progress max={100} value={percent} aria-hidden="true" />
    </div>
  );
}
