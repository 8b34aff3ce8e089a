import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainVerdict } from '../../../../shared/audit/chain';
import { verifyAudit } from '../../data/audit.repo';

/** Walks the hash-chained audit and names the first row changed, removed or inserted outside the app. */
export function AuditCheckPanel() {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    try {
      setVerdict(await verifyAudit());
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel settings-reference" aria-labelledby="settings-audit-title">
      <h2 id="settings-audit-title">{t('access.auditCheck.title')}</h2>
      <p>{t('access.auditCheck.description')}</p>
      <button type="button" className="button" disabled={busy} onClick={() => void check()}>
        {t('access.auditCheck.run')}
      </button>
      {verdict ? (
        <p role="status" className={verdict.ok ? undefined : 'errors'}>
          {verdict.ok
            ? t('access.auditCheck.ok', { count: verdict.rows })
            : t(`access.auditCheck.broken.${verdict.reason}`, { seq: (verdict.row as { seq?: number } | null)?.seq ?? verdict.brokenAt + 1 })}
        </p>
      ) : null}
    </section>
  );
}
