import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportSpec, RowSource } from './run-export';
import { ExportDialog } from './ExportDialog';

/** What is exported: its dialog title, hint and file name come from `export.<what>…` messages. */
const LABELS = {
  cases: { title: 'export.casesTitle', hint: 'export.casesHint', file: 'export.fileCases' },
  register: { title: 'export.registerTitle', hint: 'export.registerHint', file: 'export.fileRegister' },
} as const;

/**
 * An «Экспорт…» button with its dialog: exports every row the screen's current query or filter matches
 * (the source is opened when the export starts), not only the rows on screen.
 */
export function ExportButton({ what, count, columns, source }: { what: keyof typeof LABELS; count: number | undefined; columns: ExportSpec['columns']; source(): Promise<RowSource> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const labels = LABELS[what];
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} disabled={!count}>{t('export.action')}</button>
      {open ? (
        <ExportDialog
          open
          title={t(labels.title)}
          hint={t(labels.hint, { count: count ?? 0 })}
          baseName={`${t(labels.file)} ${today}`}
          sheetName={t(labels.file)}
          columns={columns}
          source={source}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
