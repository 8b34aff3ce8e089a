import { useTranslation } from 'react-i18next';
import { describeError } from '../../ui/error-text';

/** Shown instead of the app while a database from before encryption at rest is sealed in place (main.tsx). */
export function EncryptionProgress({ done, total, failure }: { done: number; total: number; failure?: { cause: unknown } }) {
  const { t } = useTranslation();
  return (
    <main className="startup-progress" aria-busy={!failure}>
      <h1>{t('atRest.title')}</h1>
      <p>{t('atRest.intro')}</p>
      <progress aria-label={t('atRest.label')} max={Math.max(total, 1)} value={done} />
      <p role="status">{t('atRest.progress', { done, total })}</p>
      {failure ? (
        <div role="alert">
          <p className="errors">{t('atRest.failed', { reason: describeError(t, failure.cause) })}</p>
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
              {t('atRest.retry')}
            </button>
          </div>
        </div>
      ) : null}
    </main>
  );
}
