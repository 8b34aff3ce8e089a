import { useVirtualizer } from '@tanstack/react-virtual';
import { useLive } from '../../data/use-live';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatPartialDate } from '../../../../shared/case/dates';
import { CASE_STATUSES } from '../../../../shared/case/statuses';
import { navigate } from '../../ui/router';
import { CASE_FILTER_FIELDS, CASE_SORT_FIELDS, NO_DEADLINE } from '../../data/row-values';
import type { CaseFilterField } from '../../data/schema';
import { FilterCombobox } from '../../ui/FilterCombobox';
import { caseIndexOf, type CaseListRow } from '../../data/cases/case-index.cache';
import { filterValues, matchesFilterText } from '../../data/cases/filter-values.repo';
import { caseColumns, caseRowSource } from '../../ui/export/case-export';
import { ExportButton } from '../../ui/export/ExportButton';
import { statusCounts, type CaseQuery } from '../../data/cases/list-query.repo';
import { saveCaseQuery, savedCaseQuery } from '../../data/cases/saved-query';
import { useCaseList } from '../../data/cases/use-case-list';
import { useShortcutProps } from '../../ui/shortcuts';
import { describeError } from '../../ui/error-text';
import { isAdministrator } from '../../lib/session';

const ROW_HEIGHT = 44;
const EMPTY: string[] = [];

/**
 * When a search finds nothing: the same search with its unknown words replaced by the nearest names
 * in the cases (see CaseIndex.didYouMean), once the in-memory index has loaded; null otherwise.
 */
function useDidYouMean(count: number | undefined, query: CaseQuery): string | null {
  const [suggestion, setSuggestion] = useState<{ text: string; value: string | null } | null>(null);
  useEffect(() => {
    if (count !== 0 || !query.text.trim()) return;
    let live = true;
    const index = caseIndexOf();
    const filters = CASE_FILTER_FIELDS.flatMap((f): [CaseFilterField, string][] => (query.filters[f] ? [[f, query.filters[f]]] : []));
    void index
      .load()
      .then(() => index.sync())
      .then(() => live && setSuggestion({ text: query.text, value: index.didYouMean(query.text, filters) }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [count, query]);
  return count === 0 && suggestion?.text === query.text ? suggestion.value : null;
}

function CaseRowView({ row, index, style }: { row: CaseListRow | undefined; index: number; style: React.CSSProperties }) {
  const { t } = useTranslation();
  if (!row) {
    return (
      <div role="row" aria-rowindex={index + 2} className="case-row case-row--loading" style={style}>
        <span role="gridcell">…</span>
      </div>
    );
  }
  const open = () => navigate(`/cases/${row.id}`);
  const others = [row.summary.nameKy, row.summary.nameLat].filter(Boolean).join(' · ');
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      className="case-row"
      style={style}
      onClick={open}
      onKeyDown={(event) => {
        if (event.key === 'Enter') open();
        if (event.key === 'ArrowDown') (event.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
        if (event.key === 'ArrowUp') (event.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
      }}
    >
      <span role="gridcell" className="case-row__number">{row.number}</span>
      <span role="gridcell" className="case-row__name">
        <a href={`#/cases/${row.id}`} tabIndex={-1} title={row.summary.nameRu}>{row.summary.nameRu}</a>
        <span className="muted" title={others || undefined}>{others}</span>
      </span>
      <span role="gridcell">{formatPartialDate(row.summary.birthDate)}</span>
      <span role="gridcell" title={row.summary.document}>{row.summary.document}</span>
      <span role="gridcell"><span className={`status-badge status-badge--${row.status}`}>{t(`cases.status.${row.status}`)}</span></span>
      {/* Long region names («Ханты-Мансийский автономный округ — Югра») end in an ellipsis, whole in the title. */}
      <span role="gridcell" title={row.region}>{row.region}</span>
      <span role="gridcell">{row.nextDeadline === NO_DEADLINE ? t('cases.list.noDeadline') : formatDate(row.nextDeadline)}</span>
      <span role="gridcell">{formatDate(row.updatedAt.slice(0, 10))}</span>
    </div>
  );
}

export function CaseListScreen() {
  const { t } = useTranslation();
  const shortcut = useShortcutProps();
  const [query, setQuery] = useState<CaseQuery>(savedCaseQuery);
  const [text, setText] = useState(query.text);
  // Typing stays responsive: the search runs on the deferred value.
  const deferredText = useDeferredValue(text);
  const effective = useMemo(() => ({ ...query, text: deferredText }), [query, deferredText]);
  const { count, shown, rowAt, ensure, error, building } = useCaseList(effective);
  // The per-status counts (nine index counts) wait for the list's first answer, which they would delay.
  const listed = count !== undefined || building !== null;
  const percent = building ? Math.floor((100 * building.done) / Math.max(1, building.total)) : 0;
  const counts = useLive(() => (listed ? statusCounts(CASE_STATUSES) : undefined), [listed]);
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : undefined;
  const parent = useRef<HTMLDivElement>(null);

  useEffect(() => {
    saveCaseQuery(effective);
  }, [effective]);

  // The virtualizer's functions change every render by design; the compiler warning does not apply here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown ?? 0,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // Sized to the window until the list's own box is measured, so the first render already has its rows
    // rather than none until a second render after layout.
    initialRect: { width: 0, height: window.innerHeight },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (count) ensure(first, last);
  }, [first, last, count, ensure]);

  const setFilter = (field: keyof CaseQuery['filters'], value: string) =>
    setQuery((q) => ({ ...q, filters: { ...q.filters, [field]: value || undefined } }));
  // The region and caseworker filters offer the values the cases hold (kept current as cases change).
  const regions = useLive(() => filterValues('region'), []) ?? EMPTY;
  const caseworkers = useLive(() => filterValues('caseworker'), []) ?? EMPTY;
  const suggestion = useDidYouMean(count, effective);

  return (
    <div className="screen case-list">
      <div className="case-list__head">
        <h1>{t('cases.list.title')}</h1>
        <a className="button button--primary" href="#/cases/new">{t('cases.list.newCase')}</a>
      </div>
      <div className="case-list__search">
        <label htmlFor="case-search">{t('cases.list.searchLabel')}</label>
        <input
          id="case-search"
          type="search"
          {...shortcut('search')}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          placeholder={t('cases.list.searchPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') parent.current?.querySelector<HTMLElement>('.case-row[tabindex="0"]')?.focus();
          }}
        />
      </div>
      <div className="case-list__filters">
        <label>
          {t('cases.list.filterStatus')}
          <select value={query.filters.status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">{t('cases.list.any')}{total !== undefined ? ` (${total})` : ''}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`cases.status.${s}`)}{counts ? ` (${counts[s]})` : ''}
              </option>
            ))}
          </select>
        </label>
        <FilterCombobox
          label={t('cases.list.filterRegion')}
          value={query.filters.region ?? ''}
          options={regions}
          matches={matchesFilterText}
          onChange={(value) => setFilter('region', value)}
          noOptions={t('cases.list.filterNoValues')}
          optionsCount={(n) => t('cases.list.filterValues', { count: n })}
        />
        <FilterCombobox
          label={t('cases.list.filterCaseworker')}
          value={query.filters.caseworker ?? ''}
          options={caseworkers}
          matches={matchesFilterText}
          onChange={(value) => setFilter('caseworker', value)}
          noOptions={t('cases.list.filterNoValues')}
          optionsCount={(n) => t('cases.list.filterValues', { count: n })}
        />
        <label>
          {t('cases.list.sortLabel')}
          <select value={query.sort} onChange={(e) => setQuery((q) => ({ ...q, sort: e.target.value as CaseQuery['sort'] }))}>
            {CASE_SORT_FIELDS.map((s) => <option key={s} value={s}>{t(`cases.list.sort.${s}`)}</option>)}
          </select>
        </label>
        <label>
          {t('cases.list.directionLabel')}
          <select value={query.direction} onChange={(e) => setQuery((q) => ({ ...q, direction: e.target.value as CaseQuery['direction'] }))}>
            <option value="desc">{t('cases.list.direction.desc')}</option>
            <option value="asc">{t('cases.list.direction.asc')}</option>
          </select>
        </label>
        <ExportButton what="cases" count={count} columns={caseColumns(t)} source={() => caseRowSource(effective, t)} />
      </div>
      {/* Transfers between PCs are the administrator's. */}
      {isAdministrator() ? (
        <div className="case-list__actions">
          <a className="button button--small" href="#/transfer">{t('transfer.action.export')}</a>
          <a className="button button--small" href="#/transfer/import">{t('transfer.action.import')}</a>
        </div>
      ) : null}
      <p role="status" className="case-list__count">
        {error ? <span className="status--error">{describeError(t, error)}</span> : null}
        {building ? t('cases.list.indexBuilding', { percent }) : count === undefined ? t('app.loading') : effective.text || Object.values(effective.filters).some(Boolean) ? t('cases.list.found', { count }) : t('cases.list.total', { count })}
      </p>
      {/* The batch acts on exactly the cases the filter shows. */}
      {count ? <p className="case-list__actions"><a className="button" href="#/batch">{t('batch.action')}</a></p> : null}
      {/* With no cases the message is the grid's one body row: a rowgroup without rows is invalid ARIA. */}
      <div role="grid" aria-rowcount={count ? count + 1 : undefined} aria-label={t('cases.list.title')} className="case-grid">
        <div role="row" aria-rowindex={1} className="case-row case-row--head">
          {(['number', 'name', 'birth', 'document', 'status', 'region', 'deadline', 'updated'] as const).map((c) => (
            <span key={c} role="columnheader">{t(`cases.list.columns.${c}`)}</span>
          ))}
        </div>
        <div ref={parent} className="case-grid__body" role={shown === 0 || items.length > 0 ? 'rowgroup' : undefined}>
          {building ? (
            <div role="row" aria-rowindex={2}>
              <div role="gridcell" className="case-list__empty">
                <progress max={100} value={percent} aria-label={t('cases.list.indexBuildingLabel')} />
              </div>
            </div>
          ) : count === 0 ? (
            <div role="row" aria-rowindex={2}>
              <div role="gridcell" className="case-list__empty">
                <p>{total === 0 ? t('cases.list.noCases') : t('cases.list.empty')}</p>
                {suggestion ? (
                  <p className="case-list__suggestion">
                    {t('cases.list.didYouMean')}{' '}
                    <button type="button" className="link-button" onClick={() => setText(suggestion)}>{suggestion}</button>
                  </p>
                ) : null}
              </div>
            </div>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => (
                <CaseRowView
                  key={item.key}
                  index={item.index}
                  row={rowAt(item.index)}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                />
              ))}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
