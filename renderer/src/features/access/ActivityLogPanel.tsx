import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recentAudit } from '../../data/audit.repo';
import type { AuditRow } from '../../data/schema';
import { formatDateTime } from '../../lib/date-time';
import { describeError } from '../../ui/error-text';

/** How many of the newest rows the log shows; the chain check (settings) walks all of them. */
const LOG_ROWS = 200;

/**
 * The administrator's view of who did what: the newest audit rows of every trail, sign-ins and acts included,
 * each with the account that made it.
 */
export function ActivityLogPanel() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = () => {
    recentAudit(LOG_ROWS).then(setRows, (error: unknown) => setFailure(describeError(t, error)));
  };
  useEffect(load, [t]);
  return (
    <section className="panel" aria-labelledby="accounts-log-title">
      <h2 id="accounts-log-title">{t('accounts.log.title')}</h2>
      <p>{t('accounts.log.description', { count: LOG_ROWS })}</p>
      <button type="button" className="button button--small" onClick={load}>
        {t('accounts.log.refresh')}
      </button>
      {failure ? (
        <p className="errors" role="alert">
          {t('accounts.failed', { reason: failure })}
        </p>
      ) : null}
      {rows === null ? null : rows.length === 0 ? (
        <p className="muted">{t('accounts.log.empty')}</p>
      ) : (
        <table className="accounts-log">
          <caption className="accounts-sr-only">{t('accounts.log.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accounts.log.at')}</th>
              <th scope="col">{t('accounts.log.who')}</th>
              <th scope="col">{t('accounts.log.what')}</th>
              <th scope="col">{t('accounts.log.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.seq}>
                <td>{formatDateTime(row.at)}</td>
                <td>{row.who}</td>
                <td>{t(`accounts.log.action.${row.action}`, { defaultValue: row.action })}</td>
                <td>
                  {t(`accounts.log.entity.${row.entity}`, { defaultValue: row.entity })}
                  {row.note ? `: ${row.note}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
