import { createAccountsHandlers } from '../accounts/handlers';
import { AccountService } from '../accounts/store';
import { createAttachmentsHandlers } from '../attachments/handlers';
import { createBatchHandlers } from '../batch/handlers';
import { createDocumentsHandlers } from '../documents/handlers';
import { createBackupHandlers } from '../backup/handlers';
import { sessionFileKeys } from '../crypto/session-keys';
import { clientOf } from '../accounts/handlers';
import { sealOnFirstUnlock, sealPlainFiles } from '../at-rest/seal-plain-files';
import type { CallContext, HandlerTable } from '../ipc/dispatch';
import { supportFileName, supportInfoText } from '../log/support-info';
import type { MainDeps } from '../main-deps';
import { missionCardDoc, missionCardFileName } from '../pdf/mission-card';
import { referenceFileName } from '../reference/export-name';
import { loadFactoryReference } from '../reference/factory';
import { createTemplatesHandlers } from '../templates/handlers';
import { createExportHandlers } from '../export/handlers';
import { createImportHandlers } from '../import/handlers';
import { createTransferHandlers } from '../transfer/handlers';
import { createReportsHandlers } from '../reports/handlers';
import { createSyncHandlers } from '../sync/handlers';

export function createHandlers(given: MainDeps): HandlerTable {
  const accounts = given.accounts ?? new AccountService(given.dataDir, given.now);
  // Every file handler finds the caller's keys the same way: from its unlocked session. Every call holds them, so a
  // lock zeroes them once no call is under way (crypto/session-keys.ts); keys a test hands in are its own.
  const session = given.fileKeys ? null : sessionFileKeys(accounts);
  const hold = <T,>(work: () => Promise<T>): Promise<T> => (session ? session.hold(work) : work());
  const deps: MainDeps = { ...given, accounts, fileKeys: given.fileKeys ?? session!.keysOf };
  const accountsHandlers = createAccountsHandlers(accounts);
  // Files an earlier version left plain are sealed at the first unlocked session, in the background.
  const sealPlain = sealOnFirstUnlock(
    async (keys) => hold(() => sealPlainFiles(deps, keys)),
    (event, fields) => deps.log?.event(event, fields),
  );
  const afterUnlock = async (ctx: CallContext): Promise<void> => {
    const files = deps.fileKeys?.(clientOf(ctx));
    if (!files) return;
    const wrap = await accounts.recoveryWrapping().catch(() => null);
    void sealPlain({ files, recoveryWrap: wrap ? { ...wrap } : null });
  };
  const unlocking = <C extends 'accounts:setup' | 'accounts:signIn'>(channel: C): HandlerTable[C] =>
    (async (request: never, ctx: CallContext) => {
      const answer = await (accountsHandlers[channel] as (r: never, c: CallContext) => Promise<{ status: string }>)(request, ctx);
      if (answer.status === 'ok') await afterUnlock(ctx);
      return answer;
    }) as unknown as HandlerTable[C];
  const table: HandlerTable = {
    ...createDocumentsHandlers(deps),
    'app:info': async () => ({ version: deps.version, mode: deps.mode, dataDir: deps.dataDir }),
    'app:setLanguage': async ({ language }) => {
      deps.setLanguage?.(language);
      return {};
    },
    'app:saveSupportInfo': async (_request, ctx) => {
      const now = deps.now();
      const text = await supportInfoText(deps.log, { version: deps.version, mode: deps.mode, versions: process.versions, platform: process.platform, arch: process.arch, now });
      const data = new TextEncoder().encode(text);
      const saved = await ctx.saveFile({ defaultName: supportFileName(now), data, filterName: 'text', extensions: ['txt'] });
      return { ...saved, bytes: saved.status === 'saved' ? data.byteLength : 0 };
    },

    'reference:factory': () => loadFactoryReference(deps.referenceDir),

    // The request schema has already checked that the text is a valid bundle; it is written as the page sent it.
    'reference:export': (request, ctx) =>
      ctx.saveFile({
        defaultName: referenceFileName(request.fileName, deps.now()),
        data: new TextEncoder().encode(request.json),
        filterName: 'json',
        extensions: ['json'],
      }),

    'documents:exportMissionCard': async (request, ctx) => {
      const { pdf: data } = await deps.pdf.makePdf(missionCardDoc(request, deps.now()));
      const result = await ctx.saveFile({
        defaultName: missionCardFileName(request.mission),
        data,
        filterName: 'pdf',
        extensions: ['pdf'],
      });
      return { ...result, bytes: result.status === 'saved' ? data.byteLength : 0 };
    },

    ...accountsHandlers,
    'accounts:setup': unlocking('accounts:setup'),
    'accounts:signIn': unlocking('accounts:signIn'),
    ...createAttachmentsHandlers(deps),
    ...createBatchHandlers(deps),
    ...createTemplatesHandlers(deps),
    ...createImportHandlers(deps),
    ...createExportHandlers(deps),
    ...createTransferHandlers(deps),
    ...createBackupHandlers(deps),
    ...createReportsHandlers(deps),
    ...createSyncHandlers({ dataDir: deps.dataDir, accounts, fileKeys: deps.fileKeys!, now: deps.now, log: deps.log }),
  };
  if (!session) return table;
  const held = Object.fromEntries(
    Object.entries(table).map(([channel, handler]) => [channel, (request: never, ctx: CallContext) => hold(() => (handler as (r: never, c: CallContext) => Promise<unknown>)(request, ctx))]),
  );
  return held as unknown as HandlerTable;
}
