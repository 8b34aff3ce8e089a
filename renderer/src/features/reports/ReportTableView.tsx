import { useMemo } from 'react';
import type { ReportCell } from '../../../../shared/ipc/channels/reports';
import type { LabelledTable } from './tables';

type Show = (cell: ReportCell | undefined) => string;

/** One formatter per table: `toLocaleString` builds a new one on every call, which a thousand cells notice. */
function useShow(language: string): Show {
  return useMemo(() => {
    const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    return (cell) => (cell === null || cell === undefined ? '—' : typeof cell === 'number' ? number.format(cell) : cell);
  }, [language]);
}

/** One report table, headed by its title; numbers right-aligned, the totals row in the table's footer. */
export function ReportTableView({ table, language }: { table: LabelledTable; language: string }) {
  const headingId = `report-table-${table.id}`;
  const show = useShow(language);
  return (
    <section className="reports-table" aria-labelledby={headingId}>
      <h2 id={headingId}>{table.title}</h2>
      <div className="reports-table__wrap">
        <table aria-labelledby={headingId} data-table={table.id}>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) =>
                  c === 0 ? (
                    <th key={c} scope="row">
                      {show(cell)}
                    </th>
                  ) : (
                    <td key={c} className={table.columns[c]?.numeric ? 'num' : undefined}>
                      {show(cell)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          {table.total ? (
            <tfoot>
              <tr>
                {table.total.map((cell, c) =>
                  c === 0 ? (
                    <th key={c} scope="row">
                      {show(cell)}
                    </th>
                  ) : (
                    <td key={c} className="num">
                      {show(cell)}
                    </td>
                  ),
                )}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </section>
  );
}
