import { useTranslation } from 'react-i18next';
import type { ReferenceBundle } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { verificationCounts } from '../../../ui/reference-display';
import { DocumentClockForm } from '../forms/DocumentClockForm';
import { EditableRefTable } from './EditableRefTable';

interface Props {
  bundle: ReferenceBundle;
  actor: Actor | null;
  onSaved(message: string): void;
}

/** Which clock each outgoing document starts: a legal term, the mission's follow-up interval, or none. */
export function DocumentClocksTab({ bundle, actor, onSaved }: Props) {
  const { t } = useTranslation();
  const rows = bundle.documentClocks ?? [];
  const acts = new Map(bundle.legalRefs.map((r) => [r.id, r]));
  return (
    <EditableRefTable
      headingId="ref-document-clocks"
      title={t('reference.table.documentClocks')}
      intro={
        <>
          <p className="muted">{t('reference.clock.intro')}</p>
          <p className="muted">{t('reference.counts', verificationCounts(rows))}</p>
        </>
      }
      rows={rows}
      columns={[
        { header: t('reference.clock.document'), cell: (r) => t(`reference.clock.kind.${r.id}`) },
        {
          header: t('reference.clock.starts'),
          cell: (r) => (
            <>
              <div>{t(`reference.clock.regime.${r.regime}`)}</div>
              {r.regime === 'appeal' && r.verification !== 'verified' ? <div className="muted ref-table__sub">{t('reference.clock.notLaw')}</div> : null}
            </>
          ),
        },
        {
          header: t('reference.columns.basis'),
          cell: (r) => {
            const act = r.legalRef ? acts.get(r.legalRef) : undefined;
            return act ? `${act.article ? `${act.article} ` : ''}${act.act}` : t('reference.clock.practice');
          },
        },
      ]}
      actor={actor}
      rowName={(r) => t(`reference.clock.kind.${r.id}`)}
      editor={(row, editor, close) => <DocumentClockForm row={row} bundle={bundle} actor={editor} onSaved={onSaved} onClose={close} />}
    />
  );
}
