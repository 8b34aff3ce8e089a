import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/db';
import type { RegisterFilter } from '../documents/register-repo';
import { ExportDialog } from './ExportDialog';
import { registerColumns, registerRowSource } from './register-export';

/** The outgoing register's «Экспорт…» button: exports the rows of the register's current filter. */
export function RegisterExport({ filter, count }: { filter: RegisterFilter; count: number | undefined }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} disabled={!count}>{t('export.action')}</button>
      {open ? (
        <ExportDialog
          open
          title={t('export.registerTitle')}
          hint={t('export.registerHint', { count: count ?? 0 })}
          baseName={`${t('export.fileRegister')} ${today}`}
          sheetName={t('export.fileRegister')}
          columns={registerColumns(t)}
          source={() => registerRowSource(db(), filter, t)}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
