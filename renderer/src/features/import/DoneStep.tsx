import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../data/import/import.repo';

export function DoneStep({ outcome, onAgain }: { outcome: ImportOutcome; onAgain(): void }) {
  const { t } = useTranslation();
  const first = outcome.created[0]?.number;
  const last = outcome.created[outcome.created.length - 1]?.number;
  return (
    <section className="import__done" aria-labelledby="import-done-title">
      <h2 id="import-done-title">{outcome.status === 'done' ? t('import.done.title') : t('import.done.canceled')}</h2>
      <p role="status">
        {outcome.created.length > 0 ? t('import.done.created', { count: outcome.created.length, first, last }) : t('import.done.createdNone')}{' '}
        {t('import.done.skipped', { count: outcome.skipped.length })}
      </p>
      <p className="muted">{t('import.done.audit', { seq: outcome.auditSeq })}</p>
      {outcome.skipped.length > 0 ? (
        <ul className="import__skipped">
          {outcome.skipped.map((s) => (
            <li key={s.row}>{t('import.done.skippedRow', { row: s.row, reason: t(`import.done.reason.${s.reason}`) })}</li>
          ))}
        </ul>
      ) : null}
      <p className="import__actions">
        <a className="button button--primary" href="#/cases">{t('import.done.toList')}</a>
        <button type="button" className="button" onClick={onAgain}>{t('import.done.again')}</button>
      </p>
    </section>
  );
}
