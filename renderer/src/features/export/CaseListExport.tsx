import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/db';
import type { CaseQuery } from '../cases/list-query';
import { caseColumns, caseRowSource } from './case-export';
import { ExportDialog } from './ExportDialog';

/** The case list's «Экспорт…» button: exports exactly the list's current query, every matching case. */
export function CaseListExport({ query, count }: { query: CaseQuery; count: number | undefined }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} disabled={!count}>{t('export.action')}</button>
      {open ? (
        <ExportDialog
          open
          title={t('export.casesTitle')}
          hint={t('export.casesHint', { count: count ?? 0 })}
          baseName={`${t('export.fileCases')} ${today}`}
          sheetName={t('export.fileCases')}
          columns={caseColumns(t)}
          source={() => caseRowSource(db(), query, t)}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
