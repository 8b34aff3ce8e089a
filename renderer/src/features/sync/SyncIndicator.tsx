import { useTranslation } from 'react-i18next';
import type { MissionStatus } from '../../data/mission/mission-status.store';
import { useMissionStatus, useOpenConflictCount } from '../../data/mission/use-mission';
import { localDateTime } from '../../lib/date-time';

type Translate = ReturnType<typeof useTranslation>['t'];

const timeOf = (ms: number) => localDateTime(new Date(ms).toISOString()).time;

export function statusText(t: Translate, status: MissionStatus): string {
  switch (status.kind) {
    case 'off':
      return '';
    case 'pending':
      return t('sync.indicator.pending');
    case 'syncing':
      return status.waiting > 0 ? t('sync.indicator.syncingWaiting', { count: status.waiting }) : t('sync.indicator.syncing');
    case 'synced':
      return t('sync.indicator.synced', { time: timeOf(status.at) });
    case 'offline':
      return status.waiting > 0
        ? t('sync.indicator.offlineWaiting', { time: timeOf(status.since), count: status.waiting })
        : t('sync.indicator.offline', { time: timeOf(status.since) });
    case 'refused':
      return t('sync.indicator.refused', { reason: t(`sync.reason.${status.reason}`, { defaultValue: t('sync.reason.OTHER') }) });
  }
}

/**
 * The header's word on mission sync: synced at hh:mm, syncing (with what waits to be sent), offline since hh:mm, or
 * the server's refusal, and the conflicts waiting for a choice. A link, so the keyboard reaches it; it opens the
 * conflicts view. Absent on a PC that has no mission server and no conflicts.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useMissionStatus();
  const conflicts = useOpenConflictCount();
  if (status.kind === 'off' && conflicts === 0) return null;
  const text = statusText(t, status);
  const tone = status.kind === 'refused' ? 'error' : status.kind === 'offline' || status.kind === 'pending' ? 'warn' : 'ok';
  return (
    <a className={`badge sync-indicator sync-indicator--${tone}`} href="#/sync/conflicts" title={t('sync.indicator.label')} data-testid="sync-indicator">
      <span role="status">{text}</span>
      {conflicts > 0 ? <span className="sync-indicator__conflicts">{t('sync.indicator.conflicts', { count: conflicts })}</span> : null}
    </a>
  );
}
