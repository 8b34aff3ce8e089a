import type { TFunction } from 'i18next';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_NAME, type AttachmentAddResult } from '../../../../shared/ipc/channels/attachments';
import { getApi } from '../../api';
import type { AttachmentLink } from '../../data/schema';
import { describeIpcError } from '../../ui/ipc-error';
import type { Actor } from '../../data/cases/cases.repo';
import { recordAttachments, type AttachOutcome } from '../../data/attachments/attachments.repo';

export type AttachProgress =
  | { stage: 'picking' }
  | { stage: 'reading'; name: string; index: number; total: number; loaded: number; size: number }
  | { stage: 'storing'; name: string; index: number; total: number };

export class AttachError extends Error {}

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
export const MAX_MB = mb(MAX_ATTACHMENT_BYTES);

/** A dropped file as base64, reporting how much has been read (large scans take a moment). */
function readAsBase64(file: File, onProgress: (loaded: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => onProgress(event.loaded);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

async function unwrap<T>(call: Promise<{ ok: true; value: T } | { ok: false; error: Parameters<typeof describeIpcError>[1] }>, t: TFunction): Promise<T> {
  const result = await call;
  if (!result.ok) throw new AttachError(describeIpcError(t, result.error));
  return result.value;
}

/** Native open dialog (the page's file chooser in browser mode): main checks and stores, the case records. */
export async function attachPicked(caseId: string, link: AttachmentLink | undefined, actor: Actor, t: TFunction, onProgress: (p: AttachProgress) => void): Promise<AttachOutcome[] | null> {
  const picked = getApi().pickAttachments({});
  onProgress({ stage: 'picking' });
  const value = await unwrap(picked, t);
  if (value.status === 'canceled') return null;
  return recordAttachments(caseId, value.files, { ...(link ? { link } : {}) }, actor);
}

/**
 * Dropped files travel to main as bytes, one at a time; files over the limit are refused here without being
 * read (main refuses them too), so the caseworker hears why at once.
 */
export async function attachDropped(caseId: string, files: readonly File[], link: AttachmentLink | undefined, actor: Actor, t: TFunction, onProgress: (p: AttachProgress) => void): Promise<AttachOutcome[]> {
  const results: AttachmentAddResult[] = [];
  for (const [i, file] of files.entries()) {
    const name = file.name.slice(0, MAX_ATTACHMENT_NAME) || 'file';
    if (file.size > MAX_ATTACHMENT_BYTES) {
      results.push({ status: 'refused', name, reason: 'too_large', bytes: file.size });
      continue;
    }
    const base = { name, index: i + 1, total: files.length };
    onProgress({ stage: 'reading', ...base, loaded: 0, size: file.size });
    const dataBase64 = await readAsBase64(file, (loaded) => onProgress({ stage: 'reading', ...base, loaded, size: file.size }));
    onProgress({ stage: 'storing', ...base });
    results.push(await unwrap(getApi().addAttachment({ name, dataBase64 }), t));
  }
  return recordAttachments(caseId, results, { ...(link ? { link } : {}) }, actor);
}

/** One sentence per outcome worth telling: how many were attached, which were already there, which were refused and why. */
export function outcomeMessages(t: TFunction, outcomes: readonly AttachOutcome[]): { ok: string[]; problems: string[] } {
  const added = outcomes.filter((o) => o.kind === 'added').length;
  const ok = added > 0 ? [t('attachments.result.added', { count: added })] : [];
  const problems: string[] = [];
  for (const o of outcomes) {
    if (o.kind === 'already') ok.push(t('attachments.result.already', { name: o.row.name }));
    if (o.kind === 'refused') problems.push(t(`attachments.refused.${o.file.reason}`, { name: o.file.name, size: mb(o.file.bytes ?? 0), max: MAX_MB }));
  }
  return { ok, problems };
}

export function progressText(t: TFunction, p: AttachProgress): string {
  if (p.stage === 'picking') return t('attachments.progress.picking');
  return t(`attachments.progress.${p.stage}`, { name: p.name, index: p.index, total: p.total });
}

export function formatSize(t: TFunction, bytes: number): string {
  return t('attachments.size', { size: (bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1) });
}
