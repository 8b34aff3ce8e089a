import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verification } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { rowMark, VerificationBadge } from '../VerificationBadge';

export interface RefColumn<Row> {
  header: string;
  cell(row: Row): ReactNode;
  /** The language of the cell's text where it is not the interface's (Russian legal text on a Kyrgyz screen). */
  lang?: string;
}

interface Props<Row> {
  /** The heading's id, which names the section. */
  headingId: string;
  title: string;
  /** What is said between the heading and the table. */
  intro?: ReactNode;
  tableClassName?: string;
  rows: readonly Row[];
  columns: RefColumn<Row>[];
  actor: Actor | null;
  /** The row's mark when more than its own verification decides it (an addressee's address too). */
  rowClass?(row: Row): string | undefined;
  /** The row as the edit button's accessible name says it. */
  rowName(row: Row): string;
  /** The edit dialog for one row; `close` is called once it is saved or cancelled. */
  editor(row: Row, actor: Actor, close: () => void): ReactNode;
}

/**
 * A reference table whose rows each carry a verification and are edited one at a time in a dialog: the section,
 * its columns, the verification badge, the row's mark and, for someone who may edit, the edit button.
 */
export function EditableRefTable<Row extends { id: string; verification: Verification }>(props: Props<Row>) {
  const { t } = useTranslation();
  const { rows, actor, columns } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const row = editing ? rows.find((r) => r.id === editing) : undefined;
  return (
    <section className="ref-section" aria-labelledby={props.headingId}>
      <h2 id={props.headingId}>{props.title}</h2>
      {props.intro}
      <table className={props.tableClassName ?? 'ref-table'}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
            <th scope="col">{t('reference.columns.verification')}</th>
            {actor ? <th scope="col">{t('reference.columns.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={props.rowClass ? props.rowClass(r) : rowMark(r.verification)}>
              {columns.map((column) => (
                <td key={column.header} lang={column.lang}>
                  {column.cell(r)}
                </td>
              ))}
              <td>
                <VerificationBadge value={r.verification} />
              </td>
              {actor ? (
                <td>
                  <button type="button" className="button button--small" aria-label={t('reference.editRow', { name: props.rowName(r) })} onClick={() => setEditing(r.id)}>
                    {t('reference.edit')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {row && actor ? props.editor(row, actor, () => setEditing(null)) : null}
    </section>
  );
}
