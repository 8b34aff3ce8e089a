import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../../shared/case/dates';
import type { LegalRef, ReferenceBundle } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { verificationCounts } from '../../../ui/reference-display';
import { LegalRefForm } from '../forms/LegalRefForm';
import { EditableRefTable } from './EditableRefTable';

interface Props {
  bundle: ReferenceBundle;
  actor: Actor | null;
  onSaved(message: string): void;
}

/** Legal provisions documents may quote — only the verified ones; the rest are shown, never cited. */
export function LegalRefsTab({ bundle, actor, onSaved }: Props) {
  const { t } = useTranslation();
  const article = (ref: LegalRef) => ref.article || t('reference.legal.wholeAct');
  return (
    <EditableRefTable
      headingId="ref-legal"
      title={t('reference.table.legalRefs')}
      intro={<p className="muted">{t('reference.counts', verificationCounts(bundle.legalRefs))}</p>}
      tableClassName="ref-table ref-table--legal"
      rows={bundle.legalRefs}
      columns={[
        {
          header: t('reference.columns.act'),
          cell: (ref) => (
            <>
              <div>{ref.act}</div>
              <div className="muted ref-table__sub">
                <code>{ref.id}</code>
                {ref.date ? ` · ${t('reference.legal.date', { date: formatDate(ref.date) })}` : null}
              </div>
            </>
          ),
        },
        { header: t('reference.columns.article'), cell: article },
        { header: t('reference.columns.summary'), cell: (ref) => ref.summaryRu, lang: 'ru' },
      ]}
      actor={actor}
      rowName={(ref) => `${ref.act}, ${article(ref)}`}
      editor={(row, editor, close) => <LegalRefForm legalRef={row} actor={editor} onSaved={onSaved} onClose={close} />}
    />
  );
}
