import type { BATCH_CHANNELS } from '../../../shared/ipc/channels/batch';
import type { HandlerTable } from '../ipc/dispatch';
import { HandlerError } from '../ipc/dispatch';
import { requireFileKeys } from '../crypto/session-keys';
import { mergedBatchFile, readStoredFile } from '../documents/store';
import type { MainDeps } from '../main-deps';
import { pruneMergedFiles } from './prune';
import type { BatchRunner } from './runner';

type BatchHandlers = Pick<HandlerTable, keyof typeof BATCH_CHANNELS>;

/** The batch channels over the runner main was given; a host without one (some unit tests) answers IO_ERROR. */
export function createBatchHandlers(deps: MainDeps): BatchHandlers {
  const runner = (): BatchRunner => {
    if (!deps.batch) throw new HandlerError('IO_ERROR', 'No batch runner in this host');
    return deps.batch;
  };
  return {
    'batch:start': async (request, ctx) => runner().start({ template: request.template, contentKey: requireFileKeys(deps.fileKeys, ctx).content }),
    'batch:add': async (request) => runner().add(request.jobId, request.items, request.last),
    'batch:status': async (request) => {
      const job = runner().status(request.jobId, request.since);
      return job ? { status: 'known', job } : { status: 'unknown' };
    },
    'batch:cancel': async (request) => {
      const job = runner().cancel(request.jobId);
      return job ? { status: 'known', job } : { status: 'unknown' };
    },
    'batch:merge': async (request, ctx) => {
      const keys = requireFileKeys(deps.fileKeys, ctx);
      // Each new merge clears the copies of earlier ones that are past keeping.
      await pruneMergedFiles(deps.dataDir, deps.now()).catch(() => 0);
      return runner().merge(request.files, keys.content);
    },
    'batch:saveMerged': async (request, ctx) => {
      const fileName = request.fileName ?? 'documents.pdf';
      const merged = runner().status(request.jobId)?.merged;
      if (!merged) return { status: 'unknown', fileName };
      const data = await readStoredFile(mergedBatchFile(deps.dataDir, request.jobId), requireFileKeys(deps.fileKeys, ctx).content);
      const name = fileName.toLowerCase().endsWith('.pdf') ? fileName : `${fileName}.pdf`;
      return ctx.saveFile({ defaultName: name, data, filterName: 'pdf', extensions: ['pdf'] });
    },
  };
}
