import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLikelyDuplicate, type DryRun, type RowReport } from './dry-run';
import { findingText } from './finding-text';

type View = 'problems' | 'errors' | 'duplicates' | 'all';
const VIEWS: readonly View[] = ['problems', 'errors', 'duplicates', 'all'];
const PAGE = 100;

const matches: Record<View, (r: RowReport) => boolean> = {
  problems: (r) => r.errors.length > 0 || r.warnings.length > 0 || isLikelyDuplicate(r),
  errors: (r) => r.errors.length > 0,
  duplicates: isLikelyDuplicate,
  all: () => true,
};

interface Props {
  run: DryRun;
  initialExcluded: Set<number>;
  onBack(): void;
  onConfirm(excluded: ReadonlySet<number>): void;
}

/** Every row's findings, a page at a time, with a per-row choice; nothing is written from here but by the confirm button. */
export function ReviewStep({ run, initialExcluded, onBack, onConfirm }: Props) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('problems');
  const [page, setPage] = useState(0);
  const [excluded, setExcluded] = useState<Set<number>>(initialExcluded);
  const shown = useMemo(() => run.rows.filter(matches[view]), [run, view]);
  const pageRows = shown.slice(page * PAGE, page * PAGE + PAGE);
  const toWrite = run.rows.filter((r) => r.form && !excluded.has(r.index)).length;
  const c = run.counts;

  const toggle = (index: number, include: boolean) =>
    setExcluded((current) => {
      const next = new Set(current);
      if (include) next.delete(index);
      else next.add(index);
      return next;
    });

  return (
    <section className="import__review" aria-labelledby="import-review-title">
      <h2 id="import-review-title">{t('import.review.title')}</h2>
      <p role="status">{t('import.review.counts', c)} {t('import.review.nothingWritten')}</p>
      <div className="import__view">
        <label>
          {t('import.review.show')}{' '}
          <select
            value={view}
            onChange={(e) => {
              setView(e.target.value as View);
              setPage(0);
            }}
          >
            {VIEWS.map((v) => <option key={v} value={v}>{t(`import.review.view.${v}`)}</option>)}
          </select>
        </label>
      </div>
      {shown.length === 0 ? (
        <p>{t('import.review.empty')}</p>
      ) : (
        <table className="import__table import__rows">
          <thead>
            <tr>
              <th scope="col">{t('import.review.row')}</th>
              <th scope="col">{t('import.review.name')}</th>
              <th scope="col">{t('import.review.birth')}</th>
              <th scope="col">{t('import.review.findings')}</th>
              <th scope="col">{t('import.review.include')}</th>
            </tr>
          </thead>
          <tbody>
            {pageRows.map((row) => (
              <tr key={row.index} className={row.errors.length > 0 ? 'import__row--error' : isLikelyDuplicate(row) ? 'import__row--duplicate' : undefined} data-row={row.rowNumber}>
                <th scope="row">{row.rowNumber}</th>
                <td>{row.name}</td>
                <td>{row.birth}</td>
                <td>
                  <ul className="import__findings">
                    {row.errors.map((f, i) => <li key={`e${i}`} className="status--error"><strong>{t('import.review.error')}:</strong> {findingText(t, f)}</li>)}
                    {row.inDatabase.map((m) => (
                      <li key={m.caseId} className="field__warning">
                        <strong>{t('import.review.duplicate')}:</strong>{' '}
                        <span>
                          {t('import.review.dbMatch', {
                            number: m.caseNumber,
                            name: m.name,
                            status: t(`cases.status.${m.status}`),
                            reasons: m.reasons.map((r) => t(`import.review.reason.${r}`)).join(', '),
                          })}
                        </span>
                      </li>
                    ))}
                    {row.sameInFile.length > 0 ? (
                      <li className="field__warning"><strong>{t('import.review.duplicate')}:</strong> {t('import.review.fileMatch', { rows: row.sameInFile.join(', ') })}</li>
                    ) : null}
                    {row.warnings.map((f, i) => <li key={`w${i}`} className="field__warning"><strong>{t('import.review.warning')}:</strong> {findingText(t, f)}</li>)}
                    {row.errors.length + row.warnings.length + row.inDatabase.length + row.sameInFile.length === 0 ? <li className="status--ok">{t('import.review.ok')}</li> : null}
                  </ul>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('import.review.includeRow', { row: row.rowNumber })}
                    disabled={!row.form}
                    checked={!!row.form && !excluded.has(row.index)}
                    onChange={(e) => toggle(row.index, e.target.checked)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.length > PAGE ? (
        <p className="import__pager">
          <button type="button" className="button button--small" disabled={page === 0} onClick={() => setPage(page - 1)}>{t('import.review.prev')}</button>{' '}
          <span>{t('import.review.page', { from: page * PAGE + 1, to: Math.min(shown.length, (page + 1) * PAGE), count: shown.length })}</span>{' '}
          <button type="button" className="button button--small" disabled={(page + 1) * PAGE >= shown.length} onClick={() => setPage(page + 1)}>{t('import.review.next')}</button>
        </p>
      ) : null}
      <p>{t('import.review.willSkip', { count: run.rows.length - toWrite })}</p>
      <p className="import__actions">
        <button type="button" className="button" onClick={onBack}>{t('import.review.back')}</button>{' '}
        <button type="button" className="button button--primary" disabled={toWrite === 0} onClick={() => onConfirm(excluded)}>{t('import.review.confirm', { count: toWrite })}</button>
      </p>
    </section>
  );
}
