import { useTranslation } from 'react-i18next';
import { timeLeft, type ShownActivity } from '../../data/backup/activity.store';

/** «осталось около 2 мин» beside a backup's or a restore's progress, once the rate can be told. */
export function TimeLeft({ activity }: { activity: ShownActivity }) {
  const { t } = useTranslation();
  const left = timeLeft(activity);
  if (!left) return null;
  return <span className="time-left">{'seconds' in left ? t('backup.activity.leftSeconds', { n: left.seconds }) : t('backup.activity.leftMinutes', { n: left.minutes })}</span>;
}
