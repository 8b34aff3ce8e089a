import { useTranslation } from 'react-i18next';

/**
 * Shown instead of the app when the database cannot be opened: nothing is written, nothing is reset, and
 * the caseworker is told what it means. A newer schema (data from a newer Aryz) is the common case.
 */
export function StartupError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const name = error instanceof Error ? error.name : '';
  const newer = name === 'VersionError';
  return (
    <main className="startup-error" role="alert">
      <h1>{t('startup.title')}</h1>
      <p>{newer ? t('startup.newer') : t('startup.failed')}</p>
      <p className="muted">{t('startup.untouched')}</p>
      <pre>{error instanceof Error ? `${error.name}: ${error.message}` : String(error)}</pre>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('startup.retry')}
      </button>
    </main>
  );
}
