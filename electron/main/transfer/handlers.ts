import { createHash, randomBytes } from 'node:crypto';
import { copyFile, lstat, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { FILE_PICKS } from '../../../shared/ipc/methods';
import type { TRANSFER_CHANNELS } from '../../../shared/ipc/channels/transfer';
import { TRANSFER_LIMITS } from '../../../shared/transfer/bundle';
import type { MainDeps } from '../main-deps';
import type { HandlerTable } from '../ipc/dispatch';
import { buildBundle, readBundle, writeBundle, type OpenedBundle } from './bundle-file';
import type { WriteSealedOptions } from '../crypto/sealed-file';
import { caseFolder, parseStoredPath, readStoredFile, resolveStoredPdf } from '../documents/store';
import { isSealed, mkdirPrivate, openBytes, sealedName } from '../crypto/file-cipher';
import { requireFileKeys } from '../crypto/session-keys';

type TransferHandlers = Pick<HandlerTable, keyof typeof TRANSFER_CHANNELS>;

/** Bundles picked and not yet discarded; old ones are dropped so a page cannot make main hold many. */
const MAX_OPEN = 4;

interface Picked {
  file: string;
  staging: string;
  opened: OpenedBundle | null;
}

const attachmentsDir = (dataDir: string) => path.join(dataDir, 'attachments');

/** The bundle's name: the source mission's prefix is unknown here, so date and time are enough to tell them apart. */
function bundleFileName(requested: string | undefined, now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const base = (requested ?? `aryz-transfer-${stamp}`).replace(/\.aryzt$/i, '');
  return `${base}.aryzt`;
}

/**
 * Case transfer: export seals records the page gathered plus attachment files read from main's own store;
 * import picks a file, opens and verifies it (files staged under the data dir), stores the files when the
 * page is about to write the records, and discards the staging afterwards.
 */
export function createTransferHandlers(deps: MainDeps, seal?: WriteSealedOptions): TransferHandlers {
  const picked = new Map<string, Picked>();
  const stagingRoot = path.join(deps.dataDir, 'transfer-staging');
  const outRoot = path.join(deps.dataDir, 'transfer-out');
  // Whatever a crash left in the staging and output folders belongs to no session of this run.
  let leftovers: Promise<unknown> | null = null;
  const clearLeftovers = () =>
    (leftovers ??= Promise.all([rm(stagingRoot, { recursive: true, force: true }), rm(outRoot, { recursive: true, force: true })]).catch(() => undefined));

  const forget = async (token: string) => {
    const entry = picked.get(token);
    picked.delete(token);
    if (entry) await rm(entry.staging, { recursive: true, force: true }).catch(() => undefined);
  };

  return {
    'transfer:export': async (request, ctx) => {
      const keys = requireFileKeys(deps.fileKeys, ctx);
      const files: { sha256: string; path: string; bytes: number; contentKey?: Buffer }[] = [];
      for (const sha256 of new Set(request.attachments)) {
        // Sealed under its HMAC name, or still plain under its hash (not yet migrated).
        let found: { file: string; bytes: number; sealed: boolean } | null = null;
        for (const name of [sealedName(keys, sha256), sha256]) {
          const file = path.join(attachmentsDir(deps.dataDir), name);
          // Only plain files of the store: a link could point anywhere on the disk.
          const info = await lstat(file).catch(() => null);
          if (!info?.isFile()) continue;
          if (info.size > TRANSFER_LIMITS.attachmentBytes + 64 * 1024) return { status: 'refused' as const, reason: 'too_large' as const };
          const raw = await readFile(file);
          if (!isSealed(raw)) {
            found = { file, bytes: raw.byteLength, sealed: false };
            break;
          }
          // Opened once here to learn its plain size and check it is the file named; streamed again when sealing.
          const plain = await openBytes(keys.content, raw).catch(() => null);
          if (plain && createHash('sha256').update(plain).digest('hex') === sha256) found = { file, bytes: plain.byteLength, sealed: true };
          break;
        }
        if (!found) return { status: 'refused' as const, reason: 'missing_file' as const, detail: sha256 };
        if (found.bytes > TRANSFER_LIMITS.attachmentBytes) return { status: 'refused' as const, reason: 'too_large' as const };
        files.push({ sha256, path: found.file, bytes: found.bytes, ...(found.sealed ? { contentKey: keys.content } : {}) });
      }
      // Generated documents travel as the letters they are: their PDFs, checked against the hash recorded when
      // they were made, go into the bundle beside the attachments (content-addressed alike).
      for (const doc of request.documents ?? []) {
        const file = await resolveStoredPdf(deps.dataDir, doc.relPath).catch(() => null);
        if (!file) return { status: 'refused' as const, reason: 'missing_file' as const, detail: doc.relPath };
        const data = await readStoredFile(file, keys.content);
        if (data.byteLength > TRANSFER_LIMITS.attachmentBytes) return { status: 'refused' as const, reason: 'too_large' as const };
        if (createHash('sha256').update(data).digest('hex') !== doc.sha256) return { status: 'refused' as const, reason: 'hash_mismatch' as const, detail: doc.relPath };
        if (!files.some((f) => f.sha256 === doc.sha256)) files.push({ sha256: doc.sha256, path: file, bytes: data.byteLength, ...(isSealed(await readFile(file)) ? { contentKey: keys.content } : {}) });
      }
      const now = deps.now();
      const built = buildBundle({
        bundleId: request.bundleId,
        createdAt: now.toISOString(),
        source: request.source,
        appVersion: deps.version,
        schemaVersion: request.schemaVersion,
        records: request.records,
        attachments: files,
      });
      if (!built.ok) return { status: 'refused' as const, reason: built.reason, ...(built.detail ? { detail: built.detail.slice(0, 300) } : {}) };
      // The save dialog takes bytes: seal into main's own folder first, then hand the sealed bytes over.
      await clearLeftovers();
      await mkdir(outRoot, { recursive: true });
      const temp = path.join(outRoot, `${randomBytes(8).toString('hex')}.aryzt`);
      try {
        const written = await writeBundle(temp, request.passphrase, built.value, files, seal);
        const data = await readFile(temp);
        const saved = await ctx.saveFile({ defaultName: bundleFileName(request.fileName, now), data, filterName: 'transfer', extensions: ['aryzt'] });
        return { ...saved, bytes: saved.status === 'saved' ? written.bytes : 0, sha256: saved.status === 'saved' ? written.sha256 : '' };
      } finally {
        await rm(temp, { force: true }).catch(() => undefined);
      }
    },

    'transfer:pick': async (_request, ctx) => {
      const pick = FILE_PICKS.pickTransfer!;
      await clearLeftovers();
      const paths = await ctx.pickFiles({ filterName: pick.filterName, extensions: [...pick.extensions], multiple: false });
      const file = paths?.[0];
      if (!file) return { status: 'canceled' as const };
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return { status: 'canceled' as const };
      const token = randomBytes(16).toString('hex');
      while (picked.size >= MAX_OPEN) await forget(picked.keys().next().value!);
      picked.set(token, { file, staging: path.join(stagingRoot, token), opened: null });
      return { status: 'picked' as const, token, fileName: path.basename(file), bytes: info.size };
    },

    'transfer:open': async (request, ctx) => {
      const keys = requireFileKeys(deps.fileKeys, ctx);
      const entry = picked.get(request.token);
      if (!entry) return { status: 'refused' as const, reason: 'not_bundle' as const, detail: 'token' };
      await rm(entry.staging, { recursive: true, force: true }).catch(() => undefined);
      // Staged sealed: the files wait for the caseworker's review as the stores would keep them.
      const opened = await readBundle(entry.file, request.passphrase, entry.staging, keys.content);
      if (!opened.ok) {
        entry.opened = null;
        await rm(entry.staging, { recursive: true, force: true }).catch(() => undefined);
        return { status: 'refused' as const, reason: opened.reason, ...(opened.detail ? { detail: opened.detail.slice(0, 300) } : {}) };
      }
      entry.opened = opened.value;
      return { status: 'opened' as const, manifest: opened.value.manifest, records: opened.value.records };
    },

    'transfer:storeFiles': async (request, ctx) => {
      const keys = requireFileKeys(deps.fileKeys, ctx);
      const entry = picked.get(request.token);
      if (!entry?.opened) return { status: 'refused' as const, reason: 'not_bundle' as const, detail: 'token' };
      let stored = 0;
      // Generated documents first, copied: the same bytes may also be an attachment, moved into its store below.
      for (const doc of request.documents ?? []) {
        const staged = entry.opened.files.get(doc.sha256);
        let place: { caseId: string; file: string };
        try {
          place = parseStoredPath(doc.relPath);
          // A document already here keeps its file; a link in the way is refused, never followed.
          if (await resolveStoredPdf(deps.dataDir, doc.relPath)) continue;
        } catch {
          return { status: 'refused' as const, reason: 'unsafe_keys' as const, detail: doc.relPath.slice(0, 300) };
        }
        if (!staged) return { status: 'refused' as const, reason: 'missing_file' as const, detail: doc.relPath };
        const folder = await caseFolder(deps.dataDir, place.caseId);
        const temp = path.join(folder, `.${randomBytes(8).toString('hex')}.part`);
        try {
          await copyFile(staged, temp);
          await rename(temp, path.join(folder, place.file));
        } finally {
          await rm(temp, { force: true }).catch(() => undefined);
        }
        stored++;
      }
      const store = attachmentsDir(deps.dataDir);
      await mkdirPrivate(store);
      // Content-addressed: a file already in the store (sealed, or plain not yet migrated) is the same file, so it is kept.
      for (const [sha256, staged] of entry.opened.files) {
        const target = path.join(store, sealedName(keys, sha256));
        if (await lstat(target).then(() => true, () => false)) continue;
        if (await lstat(path.join(store, sha256)).then(() => true, () => false)) continue;
        const moved = await rename(staged, target).then(() => true, () => false);
        if (!moved) return { status: 'refused' as const, reason: 'missing_file' as const, detail: sha256 };
        stored++;
      }
      return { status: 'stored' as const, files: stored };
    },

    'transfer:discard': async (request) => {
      await forget(request.token);
      return { status: 'discarded' as const };
    },
  };
}
