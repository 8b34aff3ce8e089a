import { IMPORT_PICK } from '../../../shared/ipc/channels/import';
import type { HandlerTable } from '../ipc/dispatch';
import type { MainDeps } from '../main-deps';
import { createImportFiles } from './read-file';
import { xlsxInThread } from './xlsx-thread';

type ImportHandlers = Pick<HandlerTable, 'import:open' | 'import:sheet'>;

/** Import reads only files the user picked in the open dialog; parsing never throws (see csv.ts, xlsx.ts). */
export function createImportHandlers(deps: MainDeps): ImportHandlers {
  // Workbooks are parsed off the event loop wherever the host built the worker (the app and browser mode).
  // The files' bytes are kept (up to 30 MB each), so only the last few opened can switch sheets.
  const files = createImportFiles(4, deps.xlsxWorkerEntry ? xlsxInThread(deps.xlsxWorkerEntry) : undefined);
  return {
    'import:open': async (_request, ctx) => {
      const paths = await ctx.pickFiles({ ...IMPORT_PICK, extensions: [...IMPORT_PICK.extensions] });
      if (!paths || paths.length === 0) return { status: 'canceled' };
      return files.open(paths[0]!);
    },
    'import:sheet': (request) => files.sheet(request.fileId, request.sheet),
  };
}
