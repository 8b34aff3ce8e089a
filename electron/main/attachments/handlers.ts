import { FILE_PICKS } from '../../../shared/ipc/methods';
import type { MainDeps } from '../main-deps';
import type { HandlerTable } from '../ipc/dispatch';
import { AttachmentStore } from './store';

type AttachmentHandlers = Pick<HandlerTable, 'attachments:pick' | 'attachments:add' | 'attachments:read' | 'attachments:purge'>;

/** The dialog's filter (shared with the browser-mode file chooser); the type is still decided by content. */
const PICK = FILE_PICKS.pickAttachments!;

export function createAttachmentsHandlers(deps: MainDeps): AttachmentHandlers {
  const store = new AttachmentStore(deps.dataDir, { now: deps.now });
  return {
    'attachments:pick': async (_request, ctx) => {
      const paths = await ctx.pickFiles({ filterName: PICK.filterName, extensions: [...PICK.extensions], multiple: PICK.multiple });
      if (!paths) return { status: 'canceled', files: [] };
      const files = [];
      // One at a time: a handful of 25 MB scans in memory together is enough.
      for (const filePath of paths) files.push(await store.addFromPath(filePath));
      return { status: 'done', files };
    },

    'attachments:add': (request) => store.add(request.name, Buffer.from(request.dataBase64, 'base64')),

    'attachments:read': async (request) => {
      const result = await store.read(request.sha256);
      return result.status === 'ok' ? { status: 'ok', mime: result.mime, dataBase64: Buffer.from(result.bytes).toString('base64') } : result;
    },

    'attachments:purge': (request) => store.purge(request.keep),
  };
}
