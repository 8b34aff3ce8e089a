import { useVirtualizer } from '@tanstack/react-virtual';
import { useLive } from '../../data/use-live';
import { useDeferredValue, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import { navigate } from '../../ui/router';
import type { OutgoingRow } from '../../data/schema';
import { DateInput } from '../../ui/DateInput';
import { FieldShell } from '../../ui/FieldShell';
import { registerRows, type RegisterFilter } from '../../data/documents/register.repo';
import { ExportButton } from '../../ui/export/ExportButton';
import { registerColumns, registerRowSource } from '../../ui/export/register-export';

const ROW_HEIGHT = 52;
const COLUMNS = ['number', 'date', 'document', 'addressee', 'case', 'person', 'status'] as const;

function RegisterRowView({ row, index, style }: { row: OutgoingRow; index: number; style: React.CSSProperties }) {
  const { t } = useTranslation();
  const open = () => navigate(`/cases/${row.caseId}?section=documents`);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      className={row.status === 'void' ? 'register-row register-row--void' : 'register-row'}
      style={style}
      aria-label={t('documents.register.openCase', { number: row.caseNumber })}
      onClick={open}
      onKeyDown={(event) => {
        if (event.key === 'Enter') open();
        if (event.key === 'ArrowDown') (event.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
        if (event.key === 'ArrowUp') (event.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
      }}
    >
      <span role="gridcell" className="register-row__number">{row.number}</span>
      <span role="gridcell">{formatDate(row.date)}</span>
      <span role="gridcell" className="register-row__text">{row.title}</span>
      <span role="gridcell" className="register-row__text">{row.addressee}</span>
      <span role="gridcell">{row.caseNumber}</span>
      <span role="gridcell" className="register-row__text">{row.personName}</span>
      <span role="gridcell" className="register-row__text">
        {row.status === 'void' ? t('documents.register.void') : t('documents.register.registered')}
        {row.status === 'void' && row.voidReason ? <span className="muted"> — {row.voidReason}</span> : null}
      </span>
    </div>
  );
}

/** The outgoing register (журнал исходящих): every allocated number, voided ones included, with filters. */
export function RegisterScreen() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<RegisterFilter>({});
  const deferred = useDeferredValue(filter);
  const rows = useLive(() => registerRows(deferred), [JSON.stringify(deferred)]);
  const parent = useRef<HTMLDivElement>(null);
  // The virtualizer's functions change every render by design; the compiler warning does not apply here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows?.length ?? 0, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const set = (patch: Partial<RegisterFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <div className="screen register">
      <h1>{t('documents.register.title')}</h1>
      <ExportButton what="register" count={rows?.length} columns={registerColumns(t)} source={() => registerRowSource(deferred, t)} />
      <fieldset className="register__filters">
        <legend>{t('documents.register.filters')}</legend>
        <FieldShell label={t('documents.register.from')}>{({ id }) => <DateInput id={id} value={filter.from ?? ''} onChange={(from) => set({ from: from || undefined })} />}</FieldShell>
        <FieldShell label={t('documents.register.to')}>{({ id }) => <DateInput id={id} value={filter.to ?? ''} onChange={(to) => set({ to: to || undefined })} />}</FieldShell>
        <FieldShell label={t('documents.register.status')}>
          {({ id }) => (
            <select id={id} value={filter.status ?? ''} onChange={(event) => set({ status: (event.target.value || undefined) as RegisterFilter['status'] })}>
              <option value="">{t('documents.register.all')}</option>
              <option value="registered">{t('documents.register.registered')}</option>
              <option value="void">{t('documents.register.void')}</option>
            </select>
          )}
        </FieldShell>
        <FieldShell label={t('documents.register.addressee')}>
          {({ id }) => <input id={id} type="search" value={filter.addressee ?? ''} onChange={(event) => set({ addressee: event.target.value || undefined })} />}
        </FieldShell>
        <FieldShell label={t('documents.register.text')} className="register__text">
          {({ id }) => <input id={id} type="search" value={filter.text ?? ''} onChange={(event) => set({ text: event.target.value || undefined })} />}
        </FieldShell>
      </fieldset>
      <p role="status" className="register__count">
        {rows === undefined ? t('app.loading') : t('documents.register.count', { n: rows.length })}
      </p>
      <div role="grid" aria-rowcount={rows?.length ? rows.length + 1 : undefined} aria-label={t('documents.register.title')} className="register-grid">
        <div role="row" aria-rowindex={1} className="register-row register-row--head">
          {COLUMNS.map((c) => (
            <span key={c} role="columnheader">
              {t(`documents.register.${c}`)}
            </span>
          ))}
        </div>
        <div ref={parent} className="register-grid__body" role={rows?.length === 0 || items.length > 0 ? 'rowgroup' : undefined}>
          {rows?.length === 0 ? (
            <div role="row" aria-rowindex={2}>
              <p role="gridcell" className="register__empty">
                {t('documents.register.empty')}
              </p>
            </div>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => (
                <RegisterRowView
                  key={item.key}
                  index={item.index}
                  row={rows![item.index]!}
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
