import { useTranslation } from 'react-i18next';
import type { ReferenceBundle, Source } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { TermForm } from '../forms/TermForm';
import { EditableRefTable } from './EditableRefTable';

interface Props {
  bundle: ReferenceBundle;
  actor: Actor | null;
  onSaved(message: string): void;
}

/** A source as one line: its title or address, and its note. */
function sourceLine(source: Source): string {
  return [source.title ?? source.url, source.note].filter(Boolean).join(' — ');
}

/**
 * Terms in days the app counts with: the registration grace after an entry or a new contract (the gap timelines
 * honour it) and the mission's term to answer a citizen's request. Each shows how sure we are and where it comes from.
 */
export function TermsTab({ bundle, actor, onSaved }: Props) {
  const { t } = useTranslation();
  const terms = bundle.terms ?? [];
  const acts = new Map(bundle.legalRefs.map((r) => [r.id, r]));
  return (
    <EditableRefTable
      headingId="ref-terms"
      title={t('reference.table.terms')}
      intro={
        <>
          <p className="muted">{t('reference.term.intro')}</p>
          {terms.length === 0 ? <p>{t('reference.term.none')}</p> : null}
        </>
      }
      rows={terms}
      columns={[
        {
          header: t('reference.columns.name'),
          cell: (term) => (
            <>
              <div>{t(`reference.term.name.${term.id}`)}</div>
              <div className="muted ref-table__sub">{t(`reference.term.use.${term.id}`)}</div>
            </>
          ),
        },
        { header: t('reference.term.days'), cell: (term) => term.days },
        {
          header: t('reference.columns.basis'),
          cell: (term) => {
            const act = term.legalRef ? acts.get(term.legalRef) : undefined;
            return (
              <>
                <div>{act ? `${act.article ? `${act.article} ` : ''}${act.act}` : t('reference.none')}</div>
                {term.sources.map((source, i) => (
                  <div key={i} className="muted ref-table__sub">
                    {t('reference.term.source', { source: sourceLine(source) })}
                  </div>
                ))}
              </>
            );
          },
        },
      ]}
      actor={actor}
      rowName={(term) => t(`reference.term.name.${term.id}`)}
      editor={(term, editor, close) => <TermForm row={term} bundle={bundle} actor={editor} onSaved={onSaved} onClose={close} />}
    />
  );
}
