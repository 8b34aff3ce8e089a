import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportSpec, RowSource } from './run-export';
import { localTodayIso } from '../../lib/date-time';

// The dialog and the export runner load on first use: the case list, which has this button, is the first screen.
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));

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
  // The file is named by the office's date, not UTC's (an export after midnight UTC+3 is still today's).
  const today = localTodayIso();
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} disabled={!count}>{t('export.action')}</button>
      {open ? (
        <Suspense fallback={null}>
          <ExportDialog
          open
          title={t(labels.title)}
          hint={t(labels.hint, { count: count ?? 0 })}
          baseName={`${t(labels.file)} ${today}`}
          sheetName={t(labels.file)}
          columns={columns}
          what={what}
          source={source}
          onClose={() => setOpen(false)}
          />
        </Suspense>
      ) : null}
    </>
  );
}
