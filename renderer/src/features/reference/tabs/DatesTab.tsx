import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../../shared/case/dates';
import type { ReferenceBundle } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { DateForm } from '../forms/DateForm';
import { EditableRefTable } from './EditableRefTable';

interface Props {
  bundle: ReferenceBundle;
  actor: Actor | null;
  onSaved(message: string): void;
}

/** Dates that depend on law (the register's start): what the checks compare a case's dates with. */
export function DatesTab({ bundle, actor, onSaved }: Props) {
  const { t } = useTranslation();
  const dates = bundle.dates ?? [];
  const acts = new Map(bundle.legalRefs.map((r) => [r.id, r]));
  return (
    <EditableRefTable
      headingId="ref-dates"
      title={t('reference.table.dates')}
      intro={
        <>
          <p className="muted">{t('reference.date.intro')}</p>
          {dates.length === 0 ? <p>{t('reference.date.none')}</p> : null}
        </>
      }
      rows={dates}
      columns={[
        {
          header: t('reference.columns.name'),
          cell: (d) => (
            <>
              <div>{t(`reference.date.${d.id}`)}</div>
              <div className="muted ref-table__sub">{t(`reference.date.use.${d.id}`)}</div>
            </>
          ),
        },
        { header: t('reference.columns.date'), cell: (d) => formatDate(d.date) },
        {
          header: t('reference.columns.basis'),
          cell: (d) => {
            const act = d.legalRef ? acts.get(d.legalRef) : undefined;
            return act ? `${act.article ? `${act.article} ` : ''}${act.act}` : t('reference.none');
          },
        },
      ]}
      actor={actor}
      rowName={(d) => t(`reference.date.${d.id}`)}
      editor={(row, editor, close) => <DateForm row={row} bundle={bundle} actor={editor} onSaved={onSaved} onClose={close} />}
    />
  );
}
