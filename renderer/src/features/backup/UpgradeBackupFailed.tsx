import { useTranslation } from 'react-i18next';
import { continueWithoutUpgradeBackup } from './startup';

/** Shown instead of the app when the copy before a schema upgrade failed: nothing is upgraded until the user decides. */
export function UpgradeBackupFailed({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <main className="startup-error" role="alert">
      <h1>{t('backup.upgrade.title')}</h1>
      <p>{t(`backup.failure.${reason}`)}</p>
      <p className="muted">{t('backup.upgrade.untouched')}</p>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('backup.upgrade.retry')}
        </button>
        <button type="button" className="button" onClick={continueWithoutUpgradeBackup}>
          {t('backup.upgrade.continue')}
        </button>
      </div>
    </main>
  );
}
