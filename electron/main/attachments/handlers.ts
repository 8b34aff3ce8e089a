import { FILE_PICKS } from '../../../shared/ipc/methods';
import type { MainDeps } from '../main-deps';
import type { HandlerTable } from '../ipc/dispatch';
import { requireFileKeys } from '../crypto/session-keys';
import { AttachmentStore } from './store';

type AttachmentHandlers = Pick<HandlerTable, 'attachments:pick' | 'attachments:add' | 'attachments:read' | 'attachments:purge'>;

/** The dialog's filter (shared with the browser-mode file chooser); the type is still decided by content. */
const PICK = FILE_PICKS.pickAttachments!;

export function createAttachmentsHandlers(deps: MainDeps): AttachmentHandlers {
  const store = new AttachmentStore(deps.dataDir, { now: deps.now });
  return {
    'attachments:pick': async (_request, ctx) => {
      const keys = requireFileKeys(deps.fileKeys, ctx);
      const paths = await ctx.pickFiles({ filterName: PICK.filterName, extensions: [...PICK.extensions], multiple: PICK.multiple });
      if (!paths) return { status: 'canceled', files: [] };
      const files = [];
      // One at a time: a handful of 25 MB scans in memory together is enough.
      for (const filePath of paths) files.push(await store.addFromPath(filePath, keys));
      return { status: 'done', files };
    },

    'attachments:add': async (request, ctx) => store.add(request.name, Buffer.from(request.dataBase64, 'base64'), requireFileKeys(deps.fileKeys, ctx)),

    'attachments:read': async (request, ctx) => {
      const result = await store.read(request.sha256, requireFileKeys(deps.fileKeys, ctx));
      return result.status === 'ok' ? { status: 'ok', mime: result.mime, dataBase64: Buffer.from(result.bytes).toString('base64') } : result;
    },

    'attachments:purge': async (request, ctx) => store.purge(request.keep, requireFileKeys(deps.fileKeys, ctx)),
  };
}
