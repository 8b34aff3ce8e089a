import { useTranslation } from 'react-i18next';
import type { StatusChange } from '../../../../shared/case/schema';
import type { AuditRow, FieldChange } from '../../data/schema';
import { formatDateTime } from '../../lib/date-time';
import { describeChange, type DocumentLike, type Translate } from '../../ui/case/describe';
import { buildHistory, type HistoryEntry } from './history';

interface Props {
  statusHistory: readonly StatusChange[];
  audit: readonly AuditRow[];
  documents: readonly DocumentLike[];
  matchedNumbers: Record<string, string>;
  /** Words changes other features wrote (requests, checks, the diagnosis); null leaves a change to this view. */
  describeOther?: (change: FieldChange, entityId: string) => string | null;
}

/** Everything that happened to the case, newest first: who, when, and what changed from what to what. */
export function HistoryView({ statusHistory, audit, documents, matchedNumbers, describeOther }: Props) {
  const { t } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const entries = buildHistory(statusHistory, audit);
  const status = (s: string | null) => (s ? t(`cases.status.${s}`) : t('casePage.value.empty'));

  const what = (entry: HistoryEntry) => {
    switch (entry.kind) {
      case 'created':
        return (
          <p>
            {t('casePage.history.created', { number: entry.number })}
            {entry.status ? ` ${t('casePage.history.initialStatus', { status: status(entry.status) })}` : ''}
          </p>
        );
      case 'status':
        return (
          <>
            <p>{entry.from ? t('casePage.history.status', { from: status(entry.from), to: status(entry.to) }) : t('casePage.history.statusSet', { to: status(entry.to) })}</p>
            {entry.note ? <p className="history__note">{t('casePage.history.note', { note: entry.note })}</p> : null}
          </>
        );
      case 'override':
        return (
          <>
            <p>{t('casePage.history.override', { cases: entry.matchedCaseIds.map((id) => matchedNumbers[id] ?? id).join(', ') })}</p>
            <p className="history__note">{t('casePage.history.reason', { reason: entry.reason })}</p>
          </>
        );
      case 'update':
        return (
          <>
            <ul className="history__changes">
              {entry.changes.map((change) => {
                const other = describeOther?.(change, entry.entityId) ?? null;
                if (other !== null) return <li key={change.field}>{other}</li>;
                const line = describeChange(tr, change, documents);
                return (
                  <li key={change.field}>
                    {line.kind === 'added'
                      ? t('casePage.history.added', { field: line.label, value: line.after })
                      : line.kind === 'removed'
                        ? t('casePage.history.removed', { field: line.label, value: line.before })
                        : t('casePage.history.change', { field: line.label, before: line.before, after: line.after })}
                  </li>
                );
              })}
            </ul>
            {entry.note ? <p className="history__note">{t('casePage.history.note', { note: entry.note })}</p> : null}
          </>
        );
    }
  };

  return (
    <section className="case-section" aria-labelledby="case-section-history">
      <h2 id="case-section-history">{t('casePage.section.history')}</h2>
      {entries.length === 0 ? <p className="muted">{t('casePage.history.empty')}</p> : null}
      <ol className="history">
        {entries.map((entry) => (
          <li key={entry.key} className={`history__entry history__entry--${entry.kind}`}>
            <div className="history__meta">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              <span className="history__who">{entry.who ?? t('casePage.history.unknownWho')}</span>
            </div>
            <div className="history__what">{what(entry)}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}
