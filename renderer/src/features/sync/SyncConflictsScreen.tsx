import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveConflictField, type ConflictChoice, type ConflictView } from '../../data/mission/sync-conflicts.repo';
import { useOpenConflicts } from '../../data/mission/use-mission';
import { formatDateTime } from '../../lib/date-time';
import { pathLabel } from '../../ui/case/describe';
import { describeError } from '../../ui/error-text';

type Translate = ReturnType<typeof useTranslation>['t'];

function fieldLabel(t: Translate, conflict: ConflictView, field: string): string {
  const prefix = conflict.table === 'persons' ? 'person.' : conflict.table === 'cases' ? 'case.' : null;
  if (!prefix) return field;
  const label = pathLabel(t, `${prefix}${field}`);
  return label === `${prefix}${field}` ? field : label;
}

function valueText(t: Translate, value: unknown): string {
  if (value === undefined || value === null || value === '') return t('sync.conflicts.empty');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  if (typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string' || v === undefined)) {
    return Object.values(value).filter(Boolean).join(' ');
  }
  return JSON.stringify(value, null, 1);
}

function ConflictCard({ conflict }: { conflict: ConflictView }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const choose = async (field: string, keep: ConflictChoice) => {
    setError(null);
    try {
      await resolveConflictField(conflict.id, field, keep);
    } catch (failure) {
      setError(t('sync.conflicts.failed', { reason: describeError(t, failure) }));
    }
  };
  const title = `${t(`sync.conflicts.table.${conflict.table}`)} — ${conflict.caseNumber ? `${t('sync.conflicts.case')} ${conflict.caseNumber}` : t('sync.conflicts.noCase')}`;
  return (
    <section className="panel sync-conflicts" aria-label={title} data-testid="sync-conflict">
      <h2>
        {conflict.caseId ? <a href={`#/cases/${conflict.caseId}`}>{title}</a> : title}
      </h2>
      <p className="muted">
        {t('sync.conflicts.when')}: {formatDateTime(conflict.at)}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('sync.conflicts.field')}</th>
            <th scope="col">{t('sync.conflicts.mine')}</th>
            <th scope="col">{t('sync.conflicts.theirs')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {conflict.fields.map((f) => (
            <tr key={f.field}>
              <th scope="row">{fieldLabel(t, conflict, f.field)}</th>
              <td className="sync-value" data-testid="sync-mine">{valueText(t, f.mine)}</td>
              <td className="sync-value" data-testid="sync-theirs">{valueText(t, f.theirs)}</td>
              <td>
                {f.choice ? (
                  <span className="status status--ok">{t(`sync.conflicts.kept.${f.choice}`)}</span>
                ) : (
                  <div className="form-actions">
                    <button type="button" className="button" onClick={() => void choose(f.field, 'mine')}>
                      {t('sync.conflicts.keepMine')}
                    </button>
                    <button type="button" className="button" onClick={() => void choose(f.field, 'theirs')}>
                      {t('sync.conflicts.keepTheirs')}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? (
        <p role="alert" className="status status--error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** «Конфликты синхронизации» (#/sync/conflicts): same-field edits from two PCs, side by side; the caseworker keeps one. */
export function SyncConflictsScreen() {
  const { t } = useTranslation();
  const conflicts = useOpenConflicts();
  return (
    <div className="screen">
      <h1>{t('sync.conflicts.title')}</h1>
      <p>{t('sync.conflicts.intro')}</p>
      {conflicts === undefined ? null : conflicts.length === 0 ? (
        <p role="status">{t('sync.conflicts.none')}</p>
      ) : (
        conflicts.map((conflict) => <ConflictCard key={conflict.id} conflict={conflict} />)
      )}
    </div>
  );
}
