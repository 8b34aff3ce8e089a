import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api';
import { describeIpcError } from '../../ui/ipc-error';
import type { StoredSettings } from '../../data/settings/settings.repo';

type Outcome = { ok: true; text: string } | { ok: false; text: string } | null;

export function MissionCardPanel({ settings, dirty }: { settings: StoredSettings; dirty: boolean }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const exportCard = async () => {
    if (!settings.complete || dirty) {
      setOutcome({ ok: false, text: dirty ? t('settings.unsaved') : t('missionCard.needsSettings') });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const result = await getApi().exportMissionCard({ mission: settings.mission, caseworker: settings.caseworker });
      if (!result.ok) setOutcome({ ok: false, text: describeIpcError(t, result.error) });
      else if (result.value.status === 'canceled') setOutcome({ ok: true, text: t('missionCard.canceled') });
      else setOutcome({ ok: true, text: t('missionCard.saved', { fileName: result.value.fileName }) });
    } catch {
      setOutcome({ ok: false, text: t('errors.NO_BACKEND') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="mission-card-title">
      <h2 id="mission-card-title">{t('missionCard.title')}</h2>
      <p>{t('missionCard.description')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void exportCard()} disabled={busy} aria-busy={busy}>
          {busy ? t('missionCard.exporting') : t('missionCard.export')}
        </button>
        <span role="status" className={outcome?.ok === false ? 'status status--error' : 'status status--ok'}>
          {outcome?.text}
        </span>
      </div>
    </section>
  );
}
